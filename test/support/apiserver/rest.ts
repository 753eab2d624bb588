// REST verbs on resource paths: /api/v1/... and /apis/<group>/<version>/..., namespaced or not, with the status,
// scale and log subresources.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { ObjectApi, WriteOptions } from './api';
import { accessReview, readAccessReview, ruleForbids, type ForbiddenRule } from './authz';
import { badRequest, forbidden, methodNotAllowed, notFound, unsupportedMediaType } from './errors';
import { apiVersionOf, findResource, RESOURCES, type ResourceType } from './resources';
import { podLog } from './logs';
import { labelSelectorString } from './selectors';
import { toTable, wantsTable } from './table';
import { serveWatch } from './watch';
import { isObject, type K8sObject } from './util';

/** What the resource handler needs from the server. */
export interface RestContext {
  api: ObjectApi;
  user: string;
  forbidden: ForbiddenRule | null;
  trackWatch(stop: () => void): () => void;
  /** The controller tick: a followed pod log appends a line per tick. */
  tickMs: number;
}

export interface ResourceRequest {
  resource: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  watchPrefix: boolean;
}

/** Splits a resource path; undefined when it is no resource path of a served group version. */
export function parseResourcePath(pathname: string): ResourceRequest | undefined {
  const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(.+)$/.exec(pathname);
  if (!m) return undefined;
  const group = m[1] ? '' : m[2];
  const version = m[1] ?? m[3];
  let segs = m[4].split('/').filter(Boolean).map(decodeURIComponent);
  const watchPrefix = segs[0] === 'watch';
  if (watchPrefix) segs = segs.slice(1);
  let namespace: string | undefined;
  if (segs[0] === 'namespaces' && segs.length >= 3 && findResource(group, version, segs[2])) {
    namespace = segs[1];
    segs = segs.slice(2);
  }
  const resource = findResource(group, version, segs[0]);
  if (!resource || segs.length > 3) return undefined;
  if (resource.namespaced && !namespace && segs.length > 1) return undefined;
  return { resource, namespace, name: segs[1], subresource: segs[2], watchPrefix };
}

function verbOf(method: string, rr: ResourceRequest, query: URLSearchParams): string {
  const watching = rr.watchPrefix || query.get('watch') === 'true' || query.get('watch') === '1';
  switch (method) {
    case 'GET':
      return watching ? 'watch' : rr.name ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return rr.name ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

function parseBody(raw: string, contentType: string): unknown {
  if (!raw.trim()) return undefined;
  try {
    return contentType.includes('yaml') ? parseYaml(raw) : JSON.parse(raw);
  } catch (e) {
    throw badRequest(`the server rejected our request due to an error in our request: ${(e as Error).message}`);
  }
}

function stripTypeMeta(o: K8sObject): K8sObject {
  const { apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}

function toScale(o: K8sObject): K8sObject {
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: o.metadata.name, namespace: o.metadata.namespace, uid: o.metadata.uid, resourceVersion: o.metadata.resourceVersion, creationTimestamp: o.metadata.creationTimestamp },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, selector: labelSelectorString(o.spec?.selector) },
  };
}

export interface Reply {
  status: number;
  body?: unknown;
  text?: string;
  /** Set when the answer is a watch stream that the handler already started. */
  streaming?: boolean;
}

/** Handles one request on a resource path. */
export function handleResource(ctx: RestContext, req: IncomingMessage, res: ServerResponse, rr: ResourceRequest, query: URLSearchParams, body: Buffer, warnings: string[]): Reply {
  const method = req.method ?? 'GET';
  const verb = verbOf(method, rr, query);
  const r = rr.resource;
  const contentType = String(req.headers['content-type'] ?? 'application/json').split(';')[0].trim();
  if (r.kind === 'SelfSubjectAccessReview') {
    if (verb !== 'create' || rr.name) throw methodNotAllowed();
    return { status: 201, body: accessReview(readAccessReview(body, contentType), ctx.forbidden) };
  }
  if (ruleForbids(ctx.forbidden, { verb, group: r.group, resource: r.plural, subresource: rr.subresource, namespace: rr.namespace })) {
    throw forbidden(r, verb, ctx.user, rr.namespace, rr.name, rr.subresource);
  }
  if (contentType === 'application/vnd.kubernetes.protobuf') throw unsupportedMediaType(['application/json', 'application/yaml']);
  const rawBody = body.toString('utf8');
  const accept = String(req.headers.accept ?? '');
  const table = wantsTable(accept);
  const opts: WriteOptions = { dryRun: query.getAll('dryRun').includes('All'), fieldValidation: query.get('fieldValidation') ?? undefined, warnings };
  const now = ctx.api.store.now();
  const one = (o: K8sObject): Reply => ({ status: 200, body: table ? toTable(r, [o], o.metadata.resourceVersion, query.get('includeObject'), now) : o });

  if (verb === 'watch') {
    const stop = serveWatch(ctx.api.store, req, res, {
      resource: r,
      namespace: rr.namespace,
      labelSelector: query.get('labelSelector'),
      fieldSelector: rr.name ? `metadata.name=${rr.name}` : query.get('fieldSelector'),
      resourceVersion: query.get('resourceVersion'),
      timeoutSeconds: Number(query.get('timeoutSeconds') ?? 0),
      sendInitialEvents: query.get('sendInitialEvents') === 'true',
      table,
      includeObject: query.get('includeObject'),
    }, () => untrack());
    const untrack = ctx.trackWatch(stop);
    return { status: 200, streaming: true };
  }

  if (rr.subresource === 'log') {
    if (r.kind !== 'Pod' || verb !== 'get') throw methodNotAllowed();
    const reply = podLog({ pod: ctx.api.get(r, rr.namespace, rr.name!), query, res, tickMs: ctx.tickMs, track: ctx.trackWatch });
    return 'text' in reply ? { status: 200, text: reply.text } : { status: 200, streaming: true };
  }
  if (rr.subresource === 'scale') {
    if (!r.subresources.some((s) => s.name === 'scale')) throw notFound(r, rr.name!);
    const current = ctx.api.get(r, rr.namespace, rr.name!);
    if (verb === 'get') return { status: 200, body: toScale(current) };
    const body = parseBody(rawBody, contentType);
    const scale = verb === 'update' ? body : ctx.api.applyPatch(r, toScale(current), contentType === 'application/strategic-merge-patch+json' ? 'application/merge-patch+json' : contentType, body);
    const replicas = isObject(scale) ? scale.spec?.replicas : undefined;
    if (typeof replicas !== 'number') throw badRequest('Scale.spec.replicas must be a number');
    const updated = ctx.api.patch(r, rr.namespace, rr.name!, 'application/merge-patch+json', { spec: { replicas } }, { ...opts, fieldValidation: 'Ignore' });
    return { status: 200, body: toScale(updated) };
  }
  if (rr.subresource && rr.subresource !== 'status') throw notFound(r, rr.name!);
  if (rr.subresource === 'status') opts.status = true;

  switch (verb) {
    case 'get':
      return one(ctx.api.get(r, rr.namespace, rr.name!));
    case 'list': {
      const items = ctx.api.list(r, rr.namespace, query.get('labelSelector'), query.get('fieldSelector'));
      const rv = ctx.api.store.currentResourceVersion();
      if (table) return { status: 200, body: toTable(r, items, rv, query.get('includeObject'), now) };
      return { status: 200, body: { kind: `${r.kind}List`, apiVersion: apiVersionOf(r), metadata: { resourceVersion: rv }, items: items.map(stripTypeMeta) } };
    }
    case 'create':
      if (rr.name || (r.namespaced && !rr.namespace)) throw methodNotAllowed();
      return { status: 201, body: ctx.api.create(r, rr.namespace, parseBody(rawBody, contentType), opts) };
    case 'update':
      return { status: 200, body: ctx.api.update(r, rr.namespace, rr.name!, parseBody(rawBody, contentType), opts) };
    case 'patch': {
      const body = parseBody(rawBody, contentType);
      if (contentType === 'application/apply-patch+yaml' && !ctx.api.store.get(r, rr.namespace, rr.name!)) {
        return { status: 201, body: ctx.api.create(r, rr.namespace, body, opts) };
      }
      return { status: 200, body: ctx.api.patch(r, rr.namespace, rr.name!, contentType, body, opts) };
    }
    case 'delete': {
      const options = parseBody(rawBody, 'application/json') as K8sObject | undefined;
      const deleted = ctx.api.delete(r, rr.namespace, rr.name!, { dryRun: opts.dryRun || (options?.dryRun ?? []).includes('All'), propagationPolicy: query.get('propagationPolicy') ?? options?.propagationPolicy });
      if (r.kind === 'Pod') return { status: 200, body: deleted };
      return { status: 200, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: rr.name, group: r.group, kind: r.plural, uid: deleted.metadata.uid } } };
    }
    case 'deletecollection': {
      for (const o of ctx.api.list(r, rr.namespace, query.get('labelSelector'), query.get('fieldSelector'))) ctx.api.delete(r, o.metadata.namespace, o.metadata.name, { dryRun: opts.dryRun });
      return { status: 200, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' } };
    }
    default:
      throw methodNotAllowed();
  }
}

/** True when some served type lives in this API group (so /apis/<group> answers). */
export function servesGroup(group: string): boolean {
  return RESOURCES.some((r) => r.group === group);
}

