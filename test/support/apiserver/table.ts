// Server-side printing: `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` answers with a meta.k8s.io/v1 Table
// whose columns match the real server's printers, so plain `kubectl get` output looks like a real cluster's.
import { labelSelectorString } from './selectors';
import type { ResourceType } from './resources';
import { humanDuration, type K8sObject } from './util';

interface Column {
  name: string;
  type: string;
  format?: string;
  priority?: number;
  description?: string;
}

/** True when the Accept header asks for a Table. */
export function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept ?? '');
}

const col = (name: string, type = 'string', priority = 0, format = ''): Column => ({ name, type, format, description: name, priority });
const NAME = col('Name', 'string', 0, 'name');
const AGE = col('Age', 'string');

function age(o: K8sObject, now: Date): string {
  const created = Date.parse(o.metadata?.creationTimestamp ?? '');
  return Number.isNaN(created) ? '<unknown>' : humanDuration(now.getTime() - created);
}

const containers = (spec: K8sObject | undefined) => (spec?.containers ?? []).map((c: K8sObject) => c.name).join(',');
const images = (spec: K8sObject | undefined) => (spec?.containers ?? []).map((c: K8sObject) => c.image).join(',');

function podStatus(pod: K8sObject): { ready: string; status: string; restarts: string } {
  const statuses: K8sObject[] = pod.status?.containerStatuses ?? [];
  const total = pod.spec?.containers?.length ?? 0;
  const ready = statuses.filter((s) => s.ready).length;
  const waiting = statuses.find((s) => s.state?.waiting?.reason)?.state.waiting.reason;
  const restarts = statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
  return { ready: `${ready}/${total}`, status: waiting ?? pod.status?.phase ?? 'Unknown', restarts: String(restarts) };
}

function servicePorts(svc: K8sObject): string {
  const ports: K8sObject[] = svc.spec?.ports ?? [];
  return ports.length ? ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',') : '<none>';
}

function hpaTargets(hpa: K8sObject): string {
  const current: K8sObject[] = hpa.status?.currentMetrics ?? [];
  const parts = (hpa.spec?.metrics ?? []).map((m: K8sObject, i: number) => {
    if (m.type !== 'Resource') return `<unknown>/<unknown>`;
    const target = m.resource?.target ?? {};
    const cur = current[i]?.resource?.current;
    if (target.type === 'Utilization') return `${m.resource.name}: ${cur?.averageUtilization !== undefined ? `${cur.averageUtilization}%` : '<unknown>'}/${target.averageUtilization}%`;
    return `${m.resource.name}: ${cur?.averageValue ?? '<unknown>'}/${target.averageValue ?? '<unknown>'}`;
  });
  return parts.length ? parts.join(', ') : '<none>';
}

type Printer = { columns: Column[]; cells: (o: K8sObject, now: Date) => unknown[] };

const PRINTERS: Record<string, Printer> = {
  Deployment: {
    columns: [NAME, col('Ready'), col('Up-to-date', 'integer'), col('Available', 'integer'), AGE, col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    cells: (o, now) => [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, o.status?.updatedReplicas ?? 0, o.status?.availableReplicas ?? 0, age(o, now),
      containers(o.spec?.template?.spec), images(o.spec?.template?.spec), labelSelectorString(o.spec?.selector)],
  },
  ReplicaSet: {
    columns: [NAME, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), AGE, col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    cells: (o, now) => [o.metadata.name, o.spec?.replicas ?? 0, o.status?.replicas ?? 0, o.status?.readyReplicas ?? 0, age(o, now),
      containers(o.spec?.template?.spec), images(o.spec?.template?.spec), labelSelectorString(o.spec?.selector)],
  },
  Pod: {
    columns: [NAME, col('Ready'), col('Status'), col('Restarts', 'string'), AGE, col('IP', 'string', 1), col('Node', 'string', 1), col('Nominated Node', 'string', 1), col('Readiness Gates', 'string', 1)],
    cells: (o, now) => {
      const s = podStatus(o);
      return [o.metadata.name, s.ready, s.status, s.restarts, age(o, now), o.status?.podIP ?? '<none>', o.spec?.nodeName ?? '<none>', '<none>', '<none>'];
    },
  },
  Service: {
    columns: [NAME, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), AGE, col('Selector', 'string', 1)],
    cells: (o, now) => [o.metadata.name, o.spec?.type ?? 'ClusterIP', o.spec?.clusterIP ?? '<none>', (o.spec?.externalIPs ?? []).join(',') || '<none>', servicePorts(o), age(o, now),
      Object.entries(o.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'],
  },
  Ingress: {
    columns: [NAME, col('Class'), col('Hosts'), col('Address'), col('Ports'), AGE],
    cells: (o, now) => [o.metadata.name, o.spec?.ingressClassName ?? '<none>', (o.spec?.rules ?? []).map((r: K8sObject) => r.host ?? '*').join(',') || '*',
      (o.status?.loadBalancer?.ingress ?? []).map((i: K8sObject) => i.ip ?? i.hostname).join(','), o.spec?.tls?.length ? '80, 443' : '80', age(o, now)],
  },
  HorizontalPodAutoscaler: {
    columns: [NAME, col('Reference'), col('Targets'), col('MinPods', 'string'), col('MaxPods', 'integer'), col('Replicas', 'integer'), AGE],
    cells: (o, now) => [o.metadata.name, `${o.spec?.scaleTargetRef?.kind}/${o.spec?.scaleTargetRef?.name}`, hpaTargets(o), String(o.spec?.minReplicas ?? 1), o.spec?.maxReplicas ?? 0,
      o.status?.currentReplicas ?? 0, age(o, now)],
  },
  Namespace: {
    columns: [NAME, col('Status'), AGE],
    cells: (o, now) => [o.metadata.name, o.status?.phase ?? 'Active', age(o, now)],
  },
  Event: {
    columns: [col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Message')],
    cells: (o, now) => [humanDuration(now.getTime() - Date.parse(o.lastTimestamp ?? o.metadata.creationTimestamp)), o.type, o.reason,
      `${String(o.involvedObject?.kind ?? '').toLowerCase()}/${o.involvedObject?.name}`, o.message],
  },
};
const DEFAULT: Printer = { columns: [NAME, AGE], cells: (o, now) => [o.metadata.name, age(o, now)] };

/** Converts objects into a Table; `includeObject` is None, Object or (the default) PartialObjectMetadata. */
export function toTable(r: ResourceType, objects: K8sObject[], resourceVersion: string, includeObject: string | null, now: Date): Record<string, unknown> {
  const printer = PRINTERS[r.kind] ?? DEFAULT;
  const rows = objects.map((o) => ({
    cells: printer.cells(o, now),
    object:
      includeObject === 'None'
        ? undefined
        : includeObject === 'Object'
          ? o
          : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
  }));
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion }, columnDefinitions: printer.columns, rows };
}
