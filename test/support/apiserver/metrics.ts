// The resource metrics API (metrics.k8s.io/v1beta1, what metrics-server serves and `kubectl top` reads): PodMetrics
// and NodeMetrics from synthetic usage, served and listed in discovery only while the `v1beta1.metrics.k8s.io`
// APIService is Available (apiservices.ts). A pod uses 83 % of its cpu request (the HPA controller's figure), or its
// share of the HPA load set with setHpaLoad; 5m without a request; memory 60 % of its request, else 64Mi.
import type { ObjectApi } from './api';
import { apiServiceAvailable, RESOURCE_METRICS_APISERVICE } from './apiservices';
import { ApiError } from './errors';
import { SIMULATED_UTILIZATION } from './hpa-controller';
import type { Reply } from './rest';
import { labelSelectorFromObject, parseLabelSelector } from './selectors';
import { milliCores, timestamp, type K8sObject } from './util';
import { DEPLOYMENTS, HPAS, PODS } from './workloads';

const GROUP = 'metrics.k8s.io';
const VERSION = 'v1beta1';
const API_VERSION = `${GROUP}/${VERSION}`;
/** The one node the simulated pods run on. */
export const METRICS_NODE = 'stevedore-node';
const MI = 1024 * 1024;
const UNITS: Record<string, number> = { '': 1, Ki: 1024, Mi: MI, Gi: 1024 * MI, k: 1e3, M: 1e6, G: 1e9 };

function bytes(quantity: unknown): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/.exec(String(quantity ?? ''));
  return m ? Number(m[1]) * UNITS[m[2] ?? ''] : undefined;
}

const isReady = (pod: K8sObject) => (pod.status?.conditions ?? []).some((c: K8sObject) => c.type === 'Ready' && c.status === 'True');

/** Millicores per ready pod of each HPA target that has a synthetic load, by pod name. */
function loadedPods(api: ObjectApi, hpaLoad: ReadonlyMap<string, number>, namespace: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, load] of hpaLoad) {
    const [ns, name] = key.split('/');
    if (ns !== namespace) continue;
    const ref = api.store.get(HPAS, ns, name)?.spec?.scaleTargetRef;
    const target = ref?.kind === 'Deployment' ? api.store.get(DEPLOYMENTS, ns, ref.name) : undefined;
    if (!target) continue;
    const selector = labelSelectorFromObject(target.spec?.selector);
    const ready = api.store.list(PODS, ns).filter((p) => selector.matches(p.metadata.labels) && isReady(p));
    for (const p of ready) out.set(p.metadata.name, Math.floor(load / ready.length));
  }
  return out;
}

function podMetrics(pod: K8sObject, share: number | undefined, now: string): K8sObject {
  const containers: K8sObject[] = pod.spec?.containers ?? [];
  return {
    metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, creationTimestamp: now, labels: pod.metadata.labels ?? {} },
    timestamp: now,
    window: '15s',
    containers: containers.map((c, i) => {
      const requested = milliCores(c.resources?.requests?.cpu);
      const cpu = share !== undefined ? (i === 0 ? share : 0) : requested !== undefined ? Math.round((requested * SIMULATED_UTILIZATION) / 100) : 5;
      const memRequest = bytes(c.resources?.requests?.memory);
      const memory = memRequest !== undefined ? Math.round(memRequest * 0.6) : 64 * MI;
      return { name: c.name, usage: { cpu: `${cpu * 1_000_000}n`, memory: `${Math.round(memory / 1024)}Ki` } };
    }),
  };
}

function runningPods(api: ObjectApi, namespace: string | undefined): K8sObject[] {
  return api.store.list(PODS, namespace).filter((p) => p.status?.phase === 'Running');
}

function allPodMetrics(api: ObjectApi, hpaLoad: ReadonlyMap<string, number>, namespace: string | undefined, now: string): K8sObject[] {
  const shares = new Map<string, Map<string, number>>();
  return runningPods(api, namespace).map((p) => {
    const ns = p.metadata.namespace;
    if (!shares.has(ns)) shares.set(ns, loadedPods(api, hpaLoad, ns));
    return podMetrics(p, shares.get(ns)!.get(p.metadata.name), now);
  });
}

function nodeMetrics(api: ObjectApi, hpaLoad: ReadonlyMap<string, number>, now: string): K8sObject {
  let cpu = 0;
  let memory = 0;
  for (const p of allPodMetrics(api, hpaLoad, undefined, now)) {
    for (const c of p.containers) {
      cpu += Number(String(c.usage.cpu).slice(0, -1));
      memory += Number(String(c.usage.memory).slice(0, -2));
    }
  }
  return { metadata: { name: METRICS_NODE, creationTimestamp: now, labels: { 'kubernetes.io/hostname': METRICS_NODE } }, timestamp: now, window: '20s', usage: { cpu: `${cpu}n`, memory: `${memory}Ki` } };
}

const notFound = (plural: string, name: string) => new ApiError(404, 'NotFound', `${plural}.${GROUP} "${name}" not found`, { name, group: GROUP, kind: plural });

/** Answers a request under /apis/metrics.k8s.io, or undefined for other paths. */
export function metricsReply(api: ObjectApi, hpaLoad: ReadonlyMap<string, number>, method: string, path: string, query: URLSearchParams): Reply | undefined {
  if (path !== `/apis/${GROUP}` && !path.startsWith(`/apis/${GROUP}/`)) return undefined;
  if (!apiServiceAvailable(api, RESOURCE_METRICS_APISERVICE)) {
    throw new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
  }
  if (path === `/apis/${GROUP}`) return { status: 200, body: { kind: 'APIGroup', apiVersion: 'v1', name: GROUP, versions: [{ groupVersion: API_VERSION, version: VERSION }], preferredVersion: { groupVersion: API_VERSION, version: VERSION } } };
  if (path === `/apis/${API_VERSION}`) return { status: 200, body: resourceList() };
  if (method !== 'GET') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  const m = /^\/apis\/metrics\.k8s\.io\/v1beta1\/(?:namespaces\/([^/]+)\/)?(pods|nodes)(?:\/([^/]+))?$/.exec(path);
  if (!m || (m[2] === 'nodes' && m[1])) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  const [, namespace, plural, name] = m;
  const now = timestamp(api.store.now());
  const labels = parseLabelSelector(query.get('labelSelector'));
  const kind = plural === 'pods' ? 'PodMetrics' : 'NodeMetrics';
  const items = (plural === 'pods' ? allPodMetrics(api, hpaLoad, namespace, now) : [nodeMetrics(api, hpaLoad, now)])
    .filter((o) => labels.matches(o.metadata.labels))
    .map((o): K8sObject => ({ kind, apiVersion: API_VERSION, ...o }));
  if (name) {
    const found = items.find((o) => o.metadata.name === name);
    if (!found) throw notFound(plural, name);
    return { status: 200, body: found };
  }
  return { status: 200, body: { kind: `${kind}List`, apiVersion: API_VERSION, metadata: {}, items: items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest) } };
}

function resourceList(): K8sObject {
  const r = (name: string, kind: string, namespaced: boolean) => ({ name, singularName: '', namespaced, kind, verbs: ['get', 'list'] });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: API_VERSION, resources: [r('nodes', 'NodeMetrics', false), r('pods', 'PodMetrics', true)] };
}

/** Adds metrics.k8s.io to a discovery document of /apis (aggregated or not) while the API is Available. */
export function withMetricsDiscovery(doc: Record<string, unknown>, api: ObjectApi): Record<string, unknown> {
  if (!apiServiceAvailable(api, RESOURCE_METRICS_APISERVICE)) return doc;
  if (doc.kind === 'APIGroupList') {
    const v = { groupVersion: API_VERSION, version: VERSION };
    return { ...doc, groups: [...(doc.groups as unknown[]), { name: GROUP, versions: [v], preferredVersion: v }] };
  }
  const resource = (plural: string, kind: string, scope: string) => ({ resource: plural, responseKind: { group: GROUP, version: VERSION, kind }, scope, singularResource: '', verbs: ['get', 'list'] });
  const item = { metadata: { name: GROUP, creationTimestamp: null }, versions: [{ version: VERSION, resources: [resource('nodes', 'NodeMetrics', 'Cluster'), resource('pods', 'PodMetrics', 'Namespaced')], freshness: 'Current' }] };
  return { ...doc, items: [...(doc.items as unknown[]), item] };
}
