// Authorization: the injected forbidden rule (setForbidden), and SelfSubjectAccessReview (`kubectl auth can-i`)
// answered from the same rule. kubectl posts the review in protobuf, so a minimal decoder of the k8s protobuf
// envelope and of ResourceAttributes lives here.
import { badRequest } from './errors';
import { isObject, type K8sObject } from './util';

/** Requests matching every given field are refused with 403 (resource: "deployments", "deployments.apps" or "deployments/scale"). */
export interface ForbiddenRule {
  verb?: string;
  resource?: string;
  namespace?: string;
}

export interface RequestAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
}

/** True when the rule forbids a request with these attributes. */
export function ruleForbids(rule: ForbiddenRule | null, a: RequestAttributes): boolean {
  if (!rule) return false;
  const names = [a.resource, `${a.resource}.${a.group}`, a.subresource ? `${a.resource}/${a.subresource}` : ''];
  return (!rule.verb || rule.verb === a.verb) && (!rule.resource || names.includes(rule.resource)) && (!rule.namespace || rule.namespace === a.namespace);
}

type Fields = Map<number, Buffer[]>;

/** Splits one protobuf message into its length-delimited fields (varints and fixed-size fields are skipped). */
function decodeMessage(buf: Buffer): Fields {
  const out: Fields = new Map();
  let pos = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (pos >= buf.length) throw badRequest('truncated protobuf body');
      const b = buf[pos++];
      value += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return value;
      shift += 7;
    }
  };
  while (pos < buf.length) {
    const key = varint();
    const wire = key & 7;
    if (wire === 0) varint();
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const n = varint();
      const field = key >>> 3;
      out.set(field, [...(out.get(field) ?? []), buf.subarray(pos, pos + n)]);
      pos += n;
    } else throw badRequest(`unsupported protobuf wire type ${wire}`);
  }
  return out;
}

const str = (f: Fields, n: number) => f.get(n)?.[0]?.toString('utf8') ?? '';
const sub = (f: Fields, n: number) => decodeMessage(f.get(n)?.[0] ?? Buffer.alloc(0));

/** The spec of a SelfSubjectAccessReview posted as JSON or as `application/vnd.kubernetes.protobuf`. */
export function readAccessReview(body: Buffer, contentType: string): K8sObject {
  if (contentType === 'application/vnd.kubernetes.protobuf') {
    if (body.subarray(0, 4).toString('latin1') !== 'k8s\0') throw badRequest('protobuf body without the k8s envelope');
    const review = decodeMessage(decodeMessage(body.subarray(4)).get(2)?.[0] ?? Buffer.alloc(0));
    const spec = sub(review, 2);
    const ra = sub(spec, 1);
    const nra = sub(spec, 2);
    return spec.has(1)
      ? { resourceAttributes: { namespace: str(ra, 1), verb: str(ra, 2), group: str(ra, 3), version: str(ra, 4), resource: str(ra, 5), subresource: str(ra, 6), name: str(ra, 7) } }
      : { nonResourceAttributes: { path: str(nra, 1), verb: str(nra, 2) } };
  }
  const json = JSON.parse(body.toString('utf8') || '{}');
  if (!isObject(json) || !isObject(json.spec)) throw badRequest('SelfSubjectAccessReview without spec');
  return json.spec;
}

/** The answer: allowed unless the forbidden rule matches the reviewed attributes. */
export function accessReview(spec: K8sObject, rule: ForbiddenRule | null): K8sObject {
  const ra = spec.resourceAttributes;
  const denied = !!ra && ruleForbids(rule, { verb: ra.verb, group: ra.group, resource: ra.resource, subresource: ra.subresource, namespace: ra.namespace || undefined });
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: denied ? { allowed: false } : { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "stevedore-test" of ClusterRole "cluster-admin" to User "stevedore-test"' },
  };
}
