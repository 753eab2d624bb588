// The HTTP entry point: request log, injected delay, bearer-token authentication, discovery, OpenAPI and the
// resource REST handler, with every failure answered as a metav1.Status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ObjectApi } from './api';
import { aggregatedDiscovery, AGGREGATED_CONTENT_TYPE, apiGroupList, apiResourceList, apiVersions, versionInfo, wantsAggregated } from './discovery';
import { ApiError, unauthorized } from './errors';
import { metricsReply, withMetricsDiscovery } from './metrics';
import { openApiV3Document, openApiV3Root } from './openapi';
import { groupVersions } from './resources';
import type { ForbiddenRule } from './authz';
import { handleResource, parseResourcePath, servesGroup, type Reply } from './rest';

export interface RequestRecord {
  method: string;
  path: string;
  query: string;
  contentType?: string;
}

/** Mutable server state shared with the public TestCluster handle. */
export interface ServerState {
  api: ObjectApi;
  token: string;
  user: string;
  delayMs: number;
  forbidden: ForbiddenRule | null;
  requests: RequestRecord[];
  /** Stops of open watch streams, ended on close. */
  watches: Set<() => void>;
  /** Pending delay timers, cleared on close. */
  timers: Set<NodeJS.Timeout>;
  serverAddress: string;
  /** The HPA loads of setHpaLoad (metrics.ts derives pod usage from them). */
  hpaLoad: ReadonlyMap<string, number>;
  /** The controller tick (followed pod logs append a line per tick). */
  tickMs: number;
}

const NOT_FOUND: Reply = { status: 404, body: new ApiError(404, 'NotFound', 'the server could not find the requested resource', {}).toStatus() };

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function delay(state: ServerState, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      resolve();
    }, ms);
    state.timers.add(timer);
  });
}

function route(state: ServerState, req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, warnings: string[]): Reply {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const accept = String(req.headers.accept ?? '');
  const metrics = metricsReply(state.api, state.hpaLoad, req.method ?? 'GET', path, url.searchParams);
  if (metrics) return metrics;
  // kubectl port-forward upgrades to WebSocket-tunnelled SPDY, then to SPDY; neither stream protocol is spoken here.
  if (/^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/portforward$/.test(path)) throw new ApiError(400, 'BadRequest', 'port-forward is not served by the test API server (no SPDY or WebSocket streams)');
  if (req.method === 'GET') {
    if (path === '/version') return { status: 200, body: versionInfo() };
    if (path === '/healthz' || path === '/livez' || path === '/readyz') return { status: 200, text: 'ok' };
    if (path === '/api') return wantsAggregated(accept) ? { status: 200, body: aggregatedDiscovery(true) } : { status: 200, body: apiVersions(state.serverAddress) };
    if (path === '/apis') return { status: 200, body: withMetricsDiscovery(wantsAggregated(accept) ? aggregatedDiscovery(false) : apiGroupList(), state.api) };
    if (path === '/openapi/v3') return { status: 200, body: openApiV3Root() };
    if (path.startsWith('/openapi/v3/')) {
      const doc = openApiV3Document(path.slice('/openapi/v3/'.length));
      return doc ? { status: 200, text: doc.body } : NOT_FOUND;
    }
    const gv = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (gv) {
      const list = apiResourceList(gv[1] ? '' : gv[2], gv[1] ?? gv[3]);
      return list ? { status: 200, body: list } : NOT_FOUND;
    }
    const group = /^\/apis\/([^/]+)$/.exec(path);
    if (group && servesGroup(group[1])) {
      const versions = groupVersions().filter((g) => g.group === group[1]).map((g) => ({ groupVersion: `${g.group}/${g.version}`, version: g.version }));
      return { status: 200, body: { kind: 'APIGroup', apiVersion: 'v1', name: group[1], versions, preferredVersion: versions[0] } };
    }
  }
  const rr = parseResourcePath(path);
  if (!rr) return NOT_FOUND;
  return handleResource(
    {
      api: state.api,
      user: state.user,
      forbidden: state.forbidden,
      trackWatch: (stop) => {
        state.watches.add(stop);
        return () => state.watches.delete(stop);
      },
      tickMs: state.tickMs,
    },
    req,
    res,
    rr,
    url.searchParams,
    body,
    warnings,
  );
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply, warnings: string[]): void {
  if (reply.streaming || res.headersSent) return;
  const headers: Record<string, string | string[]> = {};
  if (warnings.length) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  let payload: string;
  if (reply.text !== undefined) {
    payload = reply.text;
    headers['Content-Type'] = reply.text.startsWith('{') ? 'application/json' : 'text/plain';
  } else {
    payload = JSON.stringify(reply.body);
    const aggregated = (reply.body as { kind?: string } | undefined)?.kind === 'APIGroupDiscoveryList';
    headers['Content-Type'] = aggregated ? AGGREGATED_CONTENT_TYPE : 'application/json';
  }
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

/** The request listener of the test API server. */
export function createHandler(state: ServerState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const contentType = req.headers['content-type'];
    state.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.search.replace(/^\?/, ''), ...(contentType ? { contentType } : {}) });
    const warnings: string[] = [];
    void (async () => {
      const body = await readBody(req);
      if (state.delayMs > 0) await delay(state, state.delayMs);
      if (res.destroyed) return;
      if (req.headers.authorization !== `Bearer ${state.token}`) throw unauthorized();
      return route(state, req, res, url, body, warnings);
    })()
      .then((reply) => reply && send(req, res, reply, warnings))
      .catch((e: unknown) => {
        const error = e instanceof ApiError ? e : new ApiError(500, 'InternalError', `Internal error occurred: ${(e as Error)?.stack ?? e}`);
        if (!(e instanceof ApiError)) console.error('[apiserver]', e);
        if (!res.destroyed) send(req, res, { status: error.code, body: error.toStatus() }, []);
      });
  };
}
