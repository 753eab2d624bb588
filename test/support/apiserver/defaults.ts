// Defaulting and validation for the served types: the subset of the real API server's that kubectl output and
// `kubectl diff` make visible (pod template defaults, Service cluster IPs, selector checks, required fields).
import { invalid, type StatusCause } from './errors';
import type { ResourceType } from './resources';
import { labelSelectorFromObject } from './selectors';
import { isObject, semanticEqual, type K8sObject } from './util';

function defaultContainer(c: K8sObject): void {
  const tag = /:([^/:@]+)$/.exec(String(c.image ?? ''))?.[1];
  c.imagePullPolicy ??= !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const p of c.ports ?? []) if (isObject(p)) p.protocol ??= 'TCP';
}

function defaultPodSpec(spec: K8sObject | undefined): void {
  if (!isObject(spec)) return;
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) if (isObject(c)) defaultContainer(c);
}

let nextClusterIp = 10;

/** Fills in the defaults the real server adds; idempotent, applied after every write. */
export function applyDefaults(r: ResourceType, obj: K8sObject, creating: boolean): void {
  const spec = obj.spec;
  switch (r.kind) {
    case 'Deployment':
      if (!isObject(spec)) return;
      spec.replicas ??= 1;
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      spec.strategy ??= { type: 'RollingUpdate' };
      spec.strategy.type ??= 'RollingUpdate';
      if (spec.strategy.type === 'RollingUpdate') {
        spec.strategy.rollingUpdate ??= {};
        spec.strategy.rollingUpdate.maxSurge ??= '25%';
        spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
      }
      defaultPodSpec(spec.template?.spec);
      break;
    case 'ReplicaSet':
      if (!isObject(spec)) return;
      spec.replicas ??= 1;
      defaultPodSpec(spec.template?.spec);
      break;
    case 'Pod':
      defaultPodSpec(spec);
      break;
    case 'Service':
      if (!isObject(spec)) return;
      spec.type ??= 'ClusterIP';
      spec.sessionAffinity ??= 'None';
      spec.internalTrafficPolicy ??= 'Cluster';
      for (const p of spec.ports ?? []) {
        if (!isObject(p)) continue;
        p.protocol ??= 'TCP';
        p.targetPort ??= p.port;
      }
      if (creating && spec.clusterIP === undefined) {
        const n = nextClusterIp++;
        spec.clusterIP = `10.96.${Math.floor(n / 250)}.${n % 250}`;
      }
      if (spec.clusterIP && spec.clusterIP !== 'None') spec.clusterIPs ??= [spec.clusterIP];
      spec.ipFamilies ??= ['IPv4'];
      spec.ipFamilyPolicy ??= 'SingleStack';
      obj.status ??= { loadBalancer: {} };
      break;
    case 'Namespace':
      obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name };
      obj.spec ??= { finalizers: ['kubernetes'] };
      obj.status = { phase: 'Active' };
      break;
  }
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function goMap(labels: Record<string, string> | undefined): string {
  return `map[string]string{${Object.entries(labels ?? {}).map(([k, v]) => `"${k}":"${v}"`).join(', ')}}`;
}

function validatePodTemplate(template: K8sObject | undefined, at: string, causes: StatusCause[]): void {
  const containers = template?.spec?.containers;
  if (!Array.isArray(containers) || !containers.length) {
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${at}.spec.containers` });
    return;
  }
  containers.forEach((c: K8sObject, i: number) => {
    if (!c?.name) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${at}.spec.containers[${i}].name` });
    if (!c?.image) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${at}.spec.containers[${i}].image` });
  });
}

/** Throws a 422 Invalid Status listing every problem; `old` is the stored object on updates. */
export function validate(r: ResourceType, obj: K8sObject, old?: K8sObject): void {
  const causes: StatusCause[] = [];
  const name = String(obj.metadata?.name ?? '');
  if (!name) causes.push({ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' });
  else if (!DNS_SUBDOMAIN.test(name) || name.length > 253) {
    causes.push({ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')` });
  }
  if (r.kind === 'Deployment' || r.kind === 'ReplicaSet') {
    const spec = obj.spec ?? {};
    if (!isObject(spec.selector) || (!Object.keys(spec.selector.matchLabels ?? {}).length && !(spec.selector.matchExpressions ?? []).length)) {
      causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' });
    } else if (!labelSelectorFromObject(spec.selector).matches(spec.template?.metadata?.labels)) {
      causes.push({ reason: 'FieldValueInvalid', field: 'spec.template.metadata.labels', message: `Invalid value: ${goMap(spec.template?.metadata?.labels)}: \`selector\` does not match template \`labels\`` });
    }
    if (old && !semanticEqual(old.spec?.selector, spec.selector)) {
      causes.push({ reason: 'FieldValueInvalid', field: 'spec.selector', message: `Invalid value: ${JSON.stringify(spec.selector)}: field is immutable` });
    }
    if (typeof spec.replicas === 'number' && spec.replicas < 0) causes.push({ reason: 'FieldValueInvalid', field: 'spec.replicas', message: `Invalid value: ${spec.replicas}: must be greater than or equal to 0` });
    validatePodTemplate(spec.template, 'spec.template', causes);
  }
  if (r.kind === 'Pod' && !obj.spec?.containers?.length) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers' });
  if (r.kind === 'Service' && obj.spec?.type !== 'ExternalName' && !obj.spec?.ports?.length) {
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.ports' });
  }
  if (causes.length) throw invalid(r, name, causes);
}
