// APIServices (apiregistration.k8s.io/v1): a Local one per served API group version (not `v1.`: the store's name check
// refuses the core group's trailing dot), as every cluster has, and the two
// aggregated metrics APIs the autoscalers need — `v1beta1.metrics.k8s.io` (metrics-server) and
// `v1beta1.external.metrics.k8s.io` (KEDA) — seeded available, unavailable or missing. metrics.ts serves the
// resource metrics API only while its APIService says Available=True.
import type { ObjectApi } from './api';
import { findResource, groupVersions } from './resources';
import { timestamp, type K8sObject } from './util';

export const APISERVICES = findResource('apiregistration.k8s.io', 'v1', 'apiservices')!;
export const RESOURCE_METRICS_APISERVICE = 'v1beta1.metrics.k8s.io';
export const EXTERNAL_METRICS_APISERVICE = 'v1beta1.external.metrics.k8s.io';

/** How an aggregated API is seeded: registered and Available, registered but not Available, or not registered. */
export type ApiServiceState = 'available' | 'unavailable' | 'missing';

/** The metrics APIs at start; default: metrics-server registered but unavailable, KEDA's not registered. */
export interface MetricsApiOptions {
  resource?: ApiServiceState;
  external?: ApiServiceState;
}

interface Aggregated {
  name: string;
  group: string;
  service: { namespace: string; name: string };
  /** The real aggregator's Available=False condition when the service has no endpoints. */
  unavailable: { reason: string; message: string };
}

const AGGREGATED: Record<keyof MetricsApiOptions, Aggregated> = {
  resource: {
    name: RESOURCE_METRICS_APISERVICE,
    group: 'metrics.k8s.io',
    service: { namespace: 'kube-system', name: 'metrics-server' },
    unavailable: { reason: 'MissingEndpoints', message: 'endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"' },
  },
  external: {
    name: EXTERNAL_METRICS_APISERVICE,
    group: 'external.metrics.k8s.io',
    service: { namespace: 'keda', name: 'keda-operator-metrics-apiserver' },
    unavailable: { reason: 'ServiceNotFound', message: 'service/keda-operator-metrics-apiserver in "keda" is not present' },
  },
};

function available(status: 'True' | 'False', reason: string, message: string, now: string): K8sObject {
  return { conditions: [{ type: 'Available', status, lastTransitionTime: now, reason, message }] };
}

/** Registers the Local APIServices and the metrics APIs in `opts`. */
export function seedApiServices(api: ObjectApi, opts: MetricsApiOptions = {}): void {
  for (const gv of groupVersions().filter((g) => g.group)) {
    const name = `${gv.version}.${gv.group}`;
    api.create(APISERVICES, undefined, { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name, labels: { 'kube-aggregator.kubernetes.io/automanaged': 'onstart' } }, spec: { group: gv.group, version: gv.version, groupPriorityMinimum: 18000, versionPriority: 15 } });
    setApiServiceStatus(api, name, available('True', 'Local', 'Local APIServices are always available', ''));
  }
  setMetricsApi(api, 'resource', opts.resource ?? 'unavailable');
  setMetricsApi(api, 'external', opts.external ?? 'missing');
}

function setApiServiceStatus(api: ObjectApi, name: string, status: K8sObject): void {
  const now = timestamp(api.store.now());
  for (const c of status.conditions) c.lastTransitionTime ||= now;
  api.patch(APISERVICES, undefined, name, 'application/merge-patch+json', { status }, { status: true });
}

/** Registers, breaks or removes one of the metrics APIServices (the test's way of installing metrics-server). */
export function setMetricsApi(api: ObjectApi, which: keyof MetricsApiOptions, state: ApiServiceState): void {
  const a = AGGREGATED[which];
  const existing = api.store.get(APISERVICES, undefined, a.name);
  if (state === 'missing') {
    if (existing) api.delete(APISERVICES, undefined, a.name);
    return;
  }
  if (!existing) {
    api.create(APISERVICES, undefined, {
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: { name: a.name },
      spec: { service: { ...a.service, port: 443 }, group: a.group, version: 'v1beta1', insecureSkipTLSVerify: true, groupPriorityMinimum: 100, versionPriority: 100 },
    });
  }
  setApiServiceStatus(api, a.name, state === 'available' ? available('True', 'Passed', 'all checks passed', '') : available('False', a.unavailable.reason, a.unavailable.message, ''));
}

/** True when the APIService `name` exists and its Available condition is True. */
export function apiServiceAvailable(api: ObjectApi, name: string): boolean {
  const s = api.store.get(APISERVICES, undefined, name);
  return (s?.status?.conditions ?? []).some((c: K8sObject) => c.type === 'Available' && c.status === 'True');
}
