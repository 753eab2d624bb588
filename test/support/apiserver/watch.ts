// Watch streams: one JSON object per line ({type, object}), kept open and fed from the store's events, as
// `?watch=true` on a list path (or the legacy /watch/ prefix) returns from the real server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gone } from './errors';
import { apiVersionOf, type ResourceType } from './resources';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import type { Store, StoreEvent } from './store';
import { toTable } from './table';
import type { K8sObject } from './util';

export interface WatchParams {
  resource: ResourceType;
  namespace?: string;
  labelSelector?: string | null;
  fieldSelector?: string | null;
  resourceVersion?: string | null;
  timeoutSeconds?: number;
  sendInitialEvents?: boolean;
  /** Answer rows of a Table (kubectl get -w) instead of objects. */
  table: boolean;
  includeObject: string | null;
}

/** Streams events until the client goes away, the timeout passes or `stop` (returned) is called. */
export function serveWatch(store: Store, req: IncomingMessage, res: ServerResponse, p: WatchParams, onEnd: () => void): () => void {
  const labels = parseLabelSelector(p.labelSelector);
  const fields = parseFieldSelector(p.fieldSelector);
  const matches = (o: K8sObject | undefined) =>
    !!o && (!p.namespace || o.metadata.namespace === p.namespace) && labels.matches(o.metadata.labels) && fields(o);

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  const send = (type: string, object: K8sObject) => {
    const payload = p.table && type !== 'ERROR' && type !== 'BOOKMARK' ? toTable(p.resource, [object], object.metadata.resourceVersion, p.includeObject, store.now()) : object;
    res.write(`${JSON.stringify({ type, object: payload })}\n`);
  };
  const deliver = (e: StoreEvent) => {
    if (e.resource !== p.resource) return;
    const now = matches(e.object);
    if (e.type !== 'MODIFIED') {
      if (now) send(e.type, e.object);
      return;
    }
    const before = matches(e.previous);
    if (now) send(before ? 'MODIFIED' : 'ADDED', e.object);
    else if (before) send('DELETED', e.object);
  };

  let stopped = false;
  let unsubscribe = () => {};
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
    res.end();
    onEnd();
  };

  const rv = p.resourceVersion;
  if (!rv || rv === '0' || p.sendInitialEvents) {
    for (const o of store.list(p.resource, p.namespace)) if (matches(o)) send('ADDED', o);
    if (p.sendInitialEvents) {
      send('BOOKMARK', { kind: p.resource.kind, apiVersion: apiVersionOf(p.resource), metadata: { resourceVersion: store.currentResourceVersion(), annotations: { 'k8s.io/initial-events-end': 'true' } } });
    }
  } else {
    const missed = store.eventsSince(Number(rv));
    if (!missed) {
      send('ERROR', gone(`too old resource version: ${rv} (${store.currentResourceVersion()})`).toStatus());
      stop();
      return stop;
    }
    missed.forEach(deliver);
  }
  unsubscribe = store.subscribe(deliver);
  if (p.timeoutSeconds && p.timeoutSeconds > 0) timer = setTimeout(stop, p.timeoutSeconds * 1000);
  req.on('close', stop);
  res.on('close', stop);
  return stop;
}
