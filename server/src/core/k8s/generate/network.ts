// "Create Service" on a Deployment (a headless one on a StatefulSet) and "Create Ingress" on a Service.
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { containers, podLabels, scalarAt, selects, seqAt, type ContainerRef } from '../object';
import { serviceSelector } from '../references';
import type { Tree } from '../yaml-write';
import { SCALABLE_KINDS } from './autoscalers';
import { insertAction, metadataOf, nameTaken, sameNamespace, scalar, type Doc, type GenContext, type GeneratedAction } from './context';

/** A port number written as a number or a quoted numeric string. */
function portNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
}

function stringAt(map: YAMLMap, key: string): string | undefined {
  const v = scalarAt(map, [key]);
  return typeof v === 'string' && v ? v : undefined;
}

/** Service ports for a container's ports: targetPort by name when named; generated names when several are unnamed. */
function servicePorts(ctx: GenContext, c: ContainerRef | undefined): Tree[] {
  const items = c ? seqAt(c.map, ['ports']).filter(isMap) : [];
  const many = items.length > 1;
  const seen = new Set<string>();
  return items.flatMap((p): Tree[] => {
    const num = portNumber(scalarAt(p, ['containerPort']));
    const name = stringAt(p, 'name');
    const protocol = stringAt(p, 'protocol') ?? 'TCP';
    if (num === undefined || seen.has(`${num}/${protocol}`)) return [];
    seen.add(`${num}/${protocol}`);
    // A Service with several ports must name every one of them.
    const portName = name ?? (many ? `${protocol.toLowerCase()}-${num}` : undefined);
    const entry: { [key: string]: Tree } = portName ? { name: scalar(ctx, portName) } : {};
    entry.port = num;
    entry.targetPort = name ? scalar(ctx, name) : num;
    if (protocol !== 'TCP') entry.protocol = scalar(ctx, protocol);
    return [entry];
  });
}

/** A Service selecting the workload's pod template labels, on its first container's ports. */
export function createService(ctx: GenContext): GeneratedAction | null {
  const { obj } = ctx;
  if (!SCALABLE_KINDS.has(obj.kind) || !obj.name) return null;
  const labels = podLabels(obj);
  if (!Object.keys(labels).length || sameNamespace(ctx, 'Service').some((s) => selects(serviceSelector(s), labels))) return null;
  // A StatefulSet's pods get their DNS names from the headless Service its serviceName names.
  const headless = obj.kind === 'StatefulSet';
  const serviceName = headless ? scalarAt(obj.root, ['spec', 'serviceName']) : undefined;
  const name = typeof serviceName === 'string' && serviceName ? serviceName : obj.name;
  if (nameTaken(ctx, 'Service', name)) return null;
  const ports = servicePorts(ctx, containers(obj)[0]);
  if (!ports.length && !headless) return null;
  const selector: Doc = Object.fromEntries(Object.entries(labels).map(([k, v]) => [scalar(ctx, k), scalar(ctx, v)]));
  return insertAction(ctx, headless ? 'Create headless Service' : 'Create Service', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadataOf(ctx, obj, name),
    spec: { ...(headless ? { clusterIP: 'None' } : {}), selector, ...(ports.length ? { ports } : {}) },
  });
}

/** The Service port an Ingress should use (TCP only): one named http or numbered 80, else the first. */
function backendPort(ctx: GenContext, service: YAMLMap): Tree | undefined {
  const ports = seqAt(service, ['spec', 'ports'])
    .filter(isMap)
    .filter((p) => (scalarAt(p, ['protocol']) ?? 'TCP') === 'TCP' && portNumber(scalarAt(p, ['port'])) !== undefined);
  const port = ports.find((p) => stringAt(p, 'name') === 'http' || portNumber(scalarAt(p, ['port'])) === 80) ?? ports[0];
  if (!port) return undefined;
  const name = stringAt(port, 'name');
  return name ? { name: scalar(ctx, name) } : { number: portNumber(scalarAt(port, ['port']))! };
}

/** True when an Ingress spec has a backend on Service `name` (networking.k8s.io/v1 `service.name`, or the older `serviceName`). */
function routesTo(node: unknown, name: string): boolean {
  if (isSeq(node)) return node.items.some((i) => routesTo(i, name));
  if (!isMap(node)) return false;
  return node.items.some((p) => {
    const key = isScalar(p.key) ? p.key.value : undefined;
    if (key === 'serviceName' && isScalar(p.value) && p.value.value === name) return true;
    if (key === 'service' && isMap(p.value) && scalarAt(p.value, ['name']) === name) return true;
    return routesTo(p.value, name);
  });
}

/** An nginx Ingress routing `<service>.example.com/` to the Service. */
export function createIngress(ctx: GenContext): GeneratedAction | null {
  const { obj } = ctx;
  if (obj.kind !== 'Service' || obj.apiVersion !== 'v1' || !obj.name) return null;
  const port = backendPort(ctx, obj.root);
  const name = obj.name;
  if (!port || nameTaken(ctx, 'Ingress', name) || sameNamespace(ctx, 'Ingress').some((i) => routesTo(i.root.get('spec', true), name))) return null;
  return insertAction(ctx, 'Create Ingress', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: metadataOf(ctx, obj, name),
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: scalar(ctx, `${name}.example.com`),
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: scalar(ctx, name), port } } }] },
        },
      ],
    },
  });
}
