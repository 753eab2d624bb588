// The resource types the test API server serves, with the discovery facts kubectl reads (verbs, short names, scope).

export interface Subresource {
  name: 'status' | 'scale' | 'log';
  group: string;
  version: string;
  kind: string;
  verbs: string[];
}

export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: Subresource[];
  /** Definition in schemas/kubernetes.json (patch metadata, OpenAPI, unknown-field checks). */
  schema: string;
  /** Built-in types accept strategic merge patch; custom resources only JSON and merge patch. */
  builtin: boolean;
  /** metadata.generation is kept and bumped when spec changes. */
  generation: boolean;
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NAMESPACE_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const status = (group: string, version: string, kind: string): Subresource => ({ name: 'status', group, version, kind, verbs: ['get', 'patch', 'update'] });
const scale: Subresource = { name: 'scale', group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] };

function rt(partial: Omit<ResourceType, 'verbs' | 'categories' | 'subresources' | 'builtin' | 'generation' | 'shortNames'> & Partial<ResourceType>): ResourceType {
  return { verbs: ALL_VERBS, categories: [], subresources: [], builtin: true, generation: false, shortNames: [], ...partial };
}

export const RESOURCES: ResourceType[] = [
  rt({ group: '', version: 'v1', plural: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false, shortNames: ['ns'], verbs: NAMESPACE_VERBS, subresources: [status('', 'v1', 'Namespace')], schema: 'core.v1.Namespace' }),
  rt({ group: '', version: 'v1', plural: 'pods', singular: 'pod', kind: 'Pod', namespaced: true, shortNames: ['po'], categories: ['all'], schema: 'core.v1.Pod',
    subresources: [status('', 'v1', 'Pod'), { name: 'log', group: '', version: 'v1', kind: 'Pod', verbs: ['get'] }] }),
  rt({ group: '', version: 'v1', plural: 'services', singular: 'service', kind: 'Service', namespaced: true, shortNames: ['svc'], categories: ['all'], schema: 'core.v1.Service',
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], subresources: [status('', 'v1', 'Service')] }),
  rt({ group: '', version: 'v1', plural: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'], schema: 'core.v1.ConfigMap' }),
  rt({ group: '', version: 'v1', plural: 'events', singular: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'], schema: 'core.v1.Event' }),
  rt({ group: 'apps', version: 'v1', plural: 'deployments', singular: 'deployment', kind: 'Deployment', namespaced: true, shortNames: ['deploy'], categories: ['all'],
    schema: 'apps.v1.Deployment', generation: true, subresources: [scale, status('apps', 'v1', 'Deployment')] }),
  rt({ group: 'apps', version: 'v1', plural: 'replicasets', singular: 'replicaset', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'], categories: ['all'],
    schema: 'apps.v1.ReplicaSet', generation: true, subresources: [scale, status('apps', 'v1', 'ReplicaSet')] }),
  rt({ group: 'networking.k8s.io', version: 'v1', plural: 'ingresses', singular: 'ingress', kind: 'Ingress', namespaced: true, shortNames: ['ing'],
    schema: 'networking.v1.Ingress', generation: true, subresources: [status('networking.k8s.io', 'v1', 'Ingress')] }),
  rt({ group: 'autoscaling', version: 'v2', plural: 'horizontalpodautoscalers', singular: 'horizontalpodautoscaler', kind: 'HorizontalPodAutoscaler', namespaced: true,
    shortNames: ['hpa'], categories: ['all'], schema: 'autoscaling.v2.HorizontalPodAutoscaler', subresources: [status('autoscaling', 'v2', 'HorizontalPodAutoscaler')] }),
  rt({ group: 'authorization.k8s.io', version: 'v1', plural: 'selfsubjectaccessreviews', singular: 'selfsubjectaccessreview', kind: 'SelfSubjectAccessReview',
    namespaced: false, verbs: ['create'], schema: 'authorization.v1.SelfSubjectAccessReview' }),
  rt({ group: 'apiregistration.k8s.io', version: 'v1', plural: 'apiservices', singular: 'apiservice', kind: 'APIService', namespaced: false, categories: ['api-extensions'],
    schema: 'apiregistration.v1.APIService', subresources: [status('apiregistration.k8s.io', 'v1', 'APIService')] }),
  rt({ group: 'keda.sh', version: 'v1alpha1', plural: 'scaledobjects', singular: 'scaledobject', kind: 'ScaledObject', namespaced: true, shortNames: ['so'],
    schema: 'keda.v1alpha1.ScaledObject', builtin: false, generation: true, subresources: [status('keda.sh', 'v1alpha1', 'ScaledObject')] }),
];

/** "apps/v1", or "v1" for the core group. */
export function apiVersionOf(r: { group: string; version: string }): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** The resource as RBAC and error messages name it: "deployments.apps", "pods". */
export function qualifiedName(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** The kind as Invalid errors name it: "Deployment.apps", "Service". */
export function qualifiedKind(r: ResourceType): string {
  return r.group ? `${r.kind}.${r.group}` : r.kind;
}

export function findResource(group: string, version: string, plural: string): ResourceType | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
}

export function resourceForKind(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCES.find((r) => apiVersionOf(r) === apiVersion && r.kind === kind);
}

/** Group versions in discovery order; the core group first. */
export function groupVersions(): Array<{ group: string; version: string; resources: ResourceType[] }> {
  const out: Array<{ group: string; version: string; resources: ResourceType[] }> = [];
  for (const r of RESOURCES) {
    let gv = out.find((g) => g.group === r.group && g.version === r.version);
    if (!gv) out.push((gv = { group: r.group, version: r.version, resources: [] }));
    gv.resources.push(r);
  }
  return out;
}
