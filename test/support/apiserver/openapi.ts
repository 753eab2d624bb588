// OpenAPI v3 documents (/openapi/v3 and /openapi/v3/<api|apis/group>/<version>) built from schemas/kubernetes.json.
// kubectl reads them to learn that PATCH supports `fieldValidation` (so it validates on the server) and, for apply and
// diff, the x-kubernetes-patch-strategy / patch-merge-key of fields to compute strategic merge patches.
import { createHash } from 'node:crypto';
import { apiVersionOf, groupVersions, type ResourceType } from './resources';
import { PATCH_META, schemas } from './schema';
import { isObject } from './util';

const SPECIAL: Record<string, string> = {
  IntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  Quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  RawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
};

/** The component name the real server uses for a definition of schemas/kubernetes.json. */
export function componentName(def: string): string {
  if (SPECIAL[def]) return SPECIAL[def];
  if (def.startsWith('meta.')) return `io.k8s.apimachinery.pkg.apis.${def}`;
  if (def.startsWith('keda.')) return `sh.${def}`;
  return `io.k8s.api.${def}`;
}

function convert(schema: unknown, refs: Set<string>): unknown {
  if (Array.isArray(schema)) return schema.map((s) => convert(s, refs));
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') continue;
    if (key === 'additionalProperties' && value === false) continue;
    if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, refs)]));
    else out[key] = convert(value, refs);
  }
  if (typeof schema.$ref === 'string') {
    const def = schema.$ref.replace('#/definitions/', '');
    refs.add(def);
    out.allOf = [{ $ref: `#/components/schemas/${componentName(def)}` }];
    out.default = {};
  }
  return out;
}

function component(def: string, refs: Set<string>): Record<string, unknown> {
  const source = schemas().definitions[def];
  if (def === 'IntOrString') return { type: 'string', format: 'int-or-string', description: source.description };
  if (def === 'Quantity') return { type: 'string', description: source.description };
  const out = convert(source, refs) as Record<string, any>;
  for (const [field, meta] of Object.entries(PATCH_META[def] ?? {})) {
    const prop = out.properties?.[field];
    if (!prop) continue;
    prop['x-kubernetes-patch-strategy'] = meta.strategy;
    if (meta.key) prop['x-kubernetes-patch-merge-key'] = meta.key;
  }
  return out;
}

const param = (name: string, description: string) => ({ name, in: 'query', description, schema: { type: 'string', uniqueItems: true } });
const WRITE_PARAMS = [
  param('dryRun', 'When present, indicates that modifications should not be persisted.'),
  param('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes.'),
  param('fieldValidation', 'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: Ignore, Warn, Strict.'),
];

function operations(r: ResourceType, basePath: string, kindRef: string, paths: Record<string, unknown>): void {
  const gvk = { group: r.group, version: r.version, kind: r.kind };
  const ref = { schema: { $ref: kindRef } };
  const json = { content: { 'application/json': ref } };
  const patchTypes = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', ...(r.builtin ? ['application/strategic-merge-patch+json'] : [])];
  const op = (action: string, extra: Record<string, unknown> = {}) => ({
    responses: { '200': { description: 'OK', ...json } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    ...extra,
  });
  const pathParams = [
    { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
    ...(r.namespaced ? [{ name: 'namespace', in: 'path', required: true, schema: { type: 'string' } }] : []),
  ];
  const can = (verb: string) => r.verbs.includes(verb);
  paths[basePath] = {
    ...(can('list') ? { get: op('list') } : {}),
    ...(can('create') ? { post: op('post', { parameters: WRITE_PARAMS, requestBody: { required: true, ...json } }) } : {}),
    parameters: r.namespaced ? [pathParams[1]] : [],
  };
  if (!can('get')) return;
  paths[`${basePath}/{name}`] = {
    get: op('get'),
    ...(can('update') ? { put: op('put', { parameters: WRITE_PARAMS, requestBody: { required: true, ...json } }) } : {}),
    ...(can('patch')
      ? {
          patch: op('patch', {
            parameters: [...WRITE_PARAMS, param('force', 'Force is going to "force" Apply requests.')],
            requestBody: { required: true, content: Object.fromEntries(patchTypes.map((t) => [t, { schema: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } }])) },
          }),
        }
      : {}),
    ...(can('delete') ? { delete: op('delete', { parameters: [param('dryRun', 'When present, indicates that modifications should not be persisted.')] }) } : {}),
    parameters: pathParams,
  };
}

/** The OpenAPI v3 document of one group version, or undefined when the server does not serve it. */
function groupVersionDocument(group: string, version: string): Record<string, unknown> | undefined {
  const gv = groupVersions().find((g) => g.group === group && g.version === version);
  if (!gv) return undefined;
  const paths: Record<string, unknown> = {};
  const wanted = new Set<string>();
  for (const r of gv.resources) {
    const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
    const base = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.plural}` : `${prefix}/${r.plural}`;
    operations(r, base, `#/components/schemas/${componentName(r.schema)}`, paths);
    wanted.add(r.schema);
  }
  const out: Record<string, unknown> = {
    'io.k8s.apimachinery.pkg.apis.meta.v1.Patch': { type: 'object', description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.' },
  };
  const done = new Set<string>();
  while (wanted.size) {
    const def = wanted.values().next().value as string;
    wanted.delete(def);
    if (done.has(def)) continue;
    done.add(def);
    const refs = new Set<string>();
    const schema = component(def, refs);
    const kind = gv.resources.find((r) => r.schema === def);
    if (kind) schema['x-kubernetes-group-version-kind'] = [{ group: kind.group, version: kind.version, kind: kind.kind }];
    out[componentName(def)] = schema;
    for (const ref of refs) if (!done.has(ref)) wanted.add(ref);
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.4' }, paths, components: { schemas: out } };
}

interface Rendered {
  body: string;
  hash: string;
}
const rendered = new Map<string, Rendered | undefined>();

/** The serialized document of "api/v1" or "apis/apps/v1", cached with its content hash. */
export function openApiV3Document(relativePath: string): Rendered | undefined {
  if (!rendered.has(relativePath)) {
    const m = /^(?:api\/(v\w+)|apis\/([^/]+)\/([^/]+))$/.exec(relativePath);
    const doc = m ? (m[1] ? groupVersionDocument('', m[1]) : groupVersionDocument(m[2], m[3])) : undefined;
    const body = doc ? JSON.stringify(doc) : undefined;
    rendered.set(relativePath, body ? { body, hash: createHash('sha512').update(body).digest('hex').toUpperCase() } : undefined);
  }
  return rendered.get(relativePath);
}

/** GET /openapi/v3: the group versions and where their documents live. */
export function openApiV3Root(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const gv of groupVersions()) {
    const rel = gv.group ? `apis/${apiVersionOf(gv)}` : `api/${gv.version}`;
    paths[rel] = { serverRelativeURL: `/openapi/v3/${rel}?hash=${openApiV3Document(rel)!.hash}` };
  }
  return { paths };
}
