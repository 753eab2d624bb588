// One-line summaries of objects for hovers and lenses, and the meaning of resource quantities.
import * as nodePath from 'node:path';
import { isMap } from 'yaml';
import { containers, scalarAt, seqAt } from '../object';
import type { K8sObject } from '../parse';

const fileName = (obj: K8sObject) => (obj.file.path ? nodePath.basename(obj.file.path) : 'this file');

/** `Deployment web` with its file's base name. */
export function objectTitle(obj: K8sObject): string {
  return `${obj.kind} \`${obj.name ?? '(unnamed)'}\` (${fileName(obj)})`;
}

function replicas(obj: K8sObject): string | undefined {
  if (obj.kind === 'DaemonSet') return 'one pod per node';
  if (!['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].includes(obj.kind)) return undefined;
  const n = scalarAt(obj.root, ['spec', 'replicas']);
  return n === undefined || n === null ? '1 replica (default)' : `${n} replica${n === 1 ? '' : 's'}`;
}

/** A workload: kind/name, file, replicas, container ports, cpu/memory requests. */
export function workloadSummary(obj: K8sObject): string {
  const cs = containers(obj);
  const ports = cs.flatMap((c) =>
    seqAt(c.map, ['ports']).flatMap((p) => {
      const port = scalarAt(p, ['containerPort']);
      const name = scalarAt(p, ['name']);
      return port === undefined ? [] : [`${port}/${scalarAt(p, ['protocol']) ?? 'TCP'}${typeof name === 'string' ? ` (${name})` : ''}`];
    }),
  );
  const requests = cs.map((c) => {
    const cpu = scalarAt(c.map, ['resources', 'requests', 'cpu']);
    const memory = scalarAt(c.map, ['resources', 'requests', 'memory']);
    const text = [cpu !== undefined ? `cpu ${cpu}` : 'no cpu request', memory !== undefined ? `memory ${memory}` : 'no memory request'].join(', ');
    return cs.length > 1 ? `${c.name ?? '?'}: ${text}` : text;
  });
  const parts = [objectTitle(obj), replicas(obj), ports.length ? `ports ${ports.join(', ')}` : 'no container ports', requests.length ? `requests ${requests.join('; ')}` : undefined];
  return parts.filter(Boolean).join(' · ');
}

/** A Service: name, file, its ports (`80 → http/TCP`). */
export function serviceSummary(obj: K8sObject): string {
  const ports = seqAt(obj.root, ['spec', 'ports']).flatMap((p) => {
    if (!isMap(p)) return [];
    const name = scalarAt(p, ['name']);
    const target = scalarAt(p, ['targetPort']);
    return [`${scalarAt(p, ['port'])}${target !== undefined ? ` → ${target}` : ''}/${scalarAt(p, ['protocol']) ?? 'TCP'}${typeof name === 'string' ? ` (${name})` : ''}`];
  });
  return [objectTitle(obj), ports.length ? `ports ${ports.join(', ')}` : 'no ports'].join(' · ');
}

function metricText(m: unknown): string {
  const type = scalarAt(m, ['type']);
  const source = typeof type === 'string' ? type.charAt(0).toLowerCase() + type.slice(1) : 'resource';
  const name = scalarAt(m, [source, 'name']) ?? scalarAt(m, [source, 'metric', 'name']) ?? source;
  const util = scalarAt(m, [source, 'target', 'averageUtilization']);
  const value = scalarAt(m, [source, 'target', 'averageValue']) ?? scalarAt(m, [source, 'target', 'value']);
  return util !== undefined ? `${util}% ${name}` : value !== undefined ? `${value} ${name}` : String(name);
}

/** An autoscaler's range and what drives it: `HPA 2–10 @ 70% cpu`, `ScaledObject 0–100 (prometheus)`. */
export function autoscalerSummary(obj: K8sObject): string {
  if (obj.kind === 'ScaledObject') {
    const triggers = seqAt(obj.root, ['spec', 'triggers']).map((t) => scalarAt(t, ['type'])).filter((t) => typeof t === 'string');
    const range = `${scalarAt(obj.root, ['spec', 'minReplicaCount']) ?? 0}–${scalarAt(obj.root, ['spec', 'maxReplicaCount']) ?? 100}`;
    return `ScaledObject ${range}${triggers.length ? ` (${triggers.join(', ')})` : ''}`;
  }
  const range = `${scalarAt(obj.root, ['spec', 'minReplicas']) ?? 1}–${scalarAt(obj.root, ['spec', 'maxReplicas']) ?? '?'}`;
  const v1 = scalarAt(obj.root, ['spec', 'targetCPUUtilizationPercentage']);
  const metrics = obj.apiVersion === 'autoscaling/v1' ? [`${v1 ?? 80}% cpu`] : seqAt(obj.root, ['spec', 'metrics']).map(metricText);
  // Without metrics an autoscaling/v2 HPA defaults to 80% average CPU utilisation.
  return `HPA ${range} @ ${metrics.length ? metrics.join(', ') : '80% cpu'}`;
}

const DECIMAL: Record<string, [bigint, string]> = { '': [1n, 'byte'], k: [10n ** 3n, 'kB'], M: [10n ** 6n, 'MB'], G: [10n ** 9n, 'GB'], T: [10n ** 12n, 'TB'], P: [10n ** 15n, 'PB'], E: [10n ** 18n, 'EB'] };
const BINARY: Record<string, [bigint, string, string]> = { Ki: [1n << 10n, 'KiB', '2^10'], Mi: [1n << 20n, 'MiB', '2^20'], Gi: [1n << 30n, 'GiB', '2^30'], Ti: [1n << 40n, 'TiB', '2^40'], Pi: [1n << 50n, 'PiB', '2^50'], Ei: [1n << 60n, 'EiB', '2^60'] };
const CPU_SCALE: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9 };
const EXP: Record<string, string> = { k: '10^3', M: '10^6', G: '10^9', T: '10^12', P: '10^15', E: '10^18' };

const group = (n: bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `value × factor` in whole bytes when exact, else rounded. */
function bytes(mantissa: string, factor: bigint): string {
  const [int, frac = ''] = mantissa.split('.');
  const scaled = BigInt(int + frac) * factor;
  const div = 10n ** BigInt(frac.length);
  return scaled % div === 0n ? group(scaled / div) : `≈${group(scaled / div)}`;
}

/** Markdown meaning of a cpu or memory (or storage) quantity, e.g. `512Mi` = 512 MiB (536,870,912 bytes). */
export function quantityMeaning(resource: string, raw: string | number): string | undefined {
  const text = String(raw).trim();
  const exp = /^(\d+(?:\.\d*)?|\.\d+)[eE]([+-]?\d+)$/.exec(text);
  // Exponent notation (`129e6`) has no suffix; read it as the plain number it is.
  const m = exp ? [text, Number(text).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }), ''] : /^(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?$/.exec(text);
  if (!m || (exp && !Number.isFinite(Number(text)))) return undefined;
  const [, num, suffix = ''] = m;
  if (resource === 'cpu') {
    if (!(suffix in CPU_SCALE)) return undefined;
    const cpus = Number(num) * CPU_SCALE[suffix];
    const shown = Number(cpus.toPrecision(12));
    return `**cpu** \`${text}\` = ${shown} CPU${shown === 1 || shown < 1 ? '' : 's'} (${Number((cpus * 1000).toPrecision(12))} millicores; 1 CPU is one vCPU or core)`;
  }
  if (suffix in BINARY) {
    const [factor, unit, pow] = BINARY[suffix];
    return `**${resource}** \`${text}\` = ${num} ${unit} (${bytes(num, factor)} bytes; 1 ${unit} = ${pow} bytes)`;
  }
  if (suffix in DECIMAL) {
    const [factor, unit] = DECIMAL[suffix];
    if (!suffix) return `**${resource}** \`${text}\` = ${bytes(num, 1n)} bytes`;
    const binary = Object.keys(BINARY).find((b) => b[0] === suffix.toUpperCase());
    const hint = binary ? `; \`${num}${binary}\` would be ${num} ${BINARY[binary][1]}` : '';
    return `**${resource}** \`${text}\` = ${num} ${unit} (${bytes(num, factor)} bytes; 1 ${unit} = ${EXP[suffix]} bytes${hint})`;
  }
  // `m` on memory means thousandths of a byte: almost always a typo for Mi.
  return suffix === 'm' ? `**${resource}** \`${text}\` = ${Number(num) / 1000} bytes: \`m\` means milli, did you mean \`${num}Mi\`?` : undefined;
}
