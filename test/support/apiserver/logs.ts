// The pods/log subresource as the kubelet serves it through the API server: synthetic lines per container instance
// (`container`, `previous`, `tailLines`), and with `follow=true` a chunked text stream that appends one line per
// controller tick until the client goes away. `previous` on a container that never restarted is the real server's
// 400 "previous terminated container … not found".
import type { ServerResponse } from 'node:http';
import { badRequest } from './errors';
import type { K8sObject } from './util';

export interface LogRequest {
  pod: K8sObject;
  query: URLSearchParams;
  res: ServerResponse;
  tickMs: number;
  /** Registers the stream's stop with the server (ended on close); returns the unregister function. */
  track(stop: () => void): () => void;
}

/** What the log handler answers: whole text, or a stream it already started. */
export type LogReply = { text: string } | { streaming: true };

const restartsOf = (pod: K8sObject, container: string): number =>
  (pod.status?.containerStatuses ?? []).find((s: K8sObject) => s.name === container)?.restartCount ?? 0;

/** The lines one instance (0 = first start) of a container printed: start-up, and a crash unless it is running. */
export function instanceLines(pod: K8sObject, container: K8sObject, instance: number, crashed: boolean): string[] {
  return [
    `starting ${container.name} (${container.image}) in pod ${pod.metadata.name}, start ${instance + 1}`,
    'listening on :8080',
    crashed ? `fatal: ${container.name} exited with code 1` : 'ready',
  ];
}

/** The tick line a followed log appends (n counts from 1 per stream). */
export function followLine(n: number): string {
  return `tick ${n}: GET /healthz 200`;
}

/** Answers GET …/pods/<pod>/log. */
export function podLog(r: LogRequest): LogReply {
  const { pod, query } = r;
  const containers: K8sObject[] = pod.spec?.containers ?? [];
  const name = query.get('container') ?? containers[0]?.name;
  const container = containers.find((c) => c.name === name);
  if (!container) throw badRequest(`container ${name} is not valid for pod ${pod.metadata.name}`);
  const restarts = restartsOf(pod, container.name);
  const previous = query.get('previous') === 'true';
  if (previous && restarts === 0) throw badRequest(`previous terminated container "${container.name}" in pod "${pod.metadata.name}" not found`);
  const crashLooping = (pod.status?.containerStatuses ?? []).some((s: K8sObject) => s.name === container.name && s.state?.waiting?.reason === 'CrashLoopBackOff');
  let lines = previous ? instanceLines(pod, container, restarts - 1, true) : instanceLines(pod, container, restarts, crashLooping);
  const tail = Number(query.get('tailLines') ?? NaN);
  if (Number.isInteger(tail) && tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  const text = lines.map((l) => `${l}\n`).join('');
  if (query.get('follow') !== 'true' || previous) return { text };

  const { res } = r;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
  res.write(text);
  let n = 0;
  const timer = setInterval(() => res.write(`${followLine(++n)}\n`), r.tickMs);
  const stop = () => {
    clearInterval(timer);
    untrack();
    if (!res.writableEnded) res.end();
  };
  const untrack = r.track(stop);
  res.on('close', stop);
  return { streaming: true };
}
