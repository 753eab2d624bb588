// A raw HTTPS client for the test API server (bearer token + the server's CA), for tests that check the protocol
// itself: status codes, Status bodies and watch streams.
import * as https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
}

interface Target {
  url: string;
  token: string;
  ca: string;
}

export interface RawOptions {
  body?: unknown;
  contentType?: string;
  accept?: string;
  token?: string | null;
}

function options(cluster: Target, method: string, opts: RawOptions): https.RequestOptions {
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
  const token = opts.token === undefined ? cluster.token : opts.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json';
  return { method, headers, ca: cluster.ca };
}

/** One request; the body is sent as JSON unless it is a string. */
export function rawRequest(cluster: Target, method: string, path: string, opts: RawOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(path, cluster.url), options(cluster, method, opts), (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        let json: any;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body));
  });
}

export interface WatchEvent {
  type: string;
  object: any;
}

/** An open watch stream: `next()` resolves with the next event (or fails after the timeout), `close()` ends it. */
export interface WatchStream {
  next(timeoutMs?: number): Promise<WatchEvent>;
  ended: Promise<void>;
  close(): void;
}

export function openWatch(cluster: Target, path: string): Promise<WatchStream> {
  return new Promise((resolve, reject) => {
    const queue: WatchEvent[] = [];
    const waiters: Array<(e: WatchEvent) => void> = [];
    let endResolve: () => void = () => {};
    const ended = new Promise<void>((r) => (endResolve = r));
    const req = https.request(new URL(path, cluster.url), options(cluster, 'GET', {}), (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`watch ${path} answered ${res.statusCode}`));
        res.resume();
        return;
      }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        buffer += d;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const event = JSON.parse(buffer.slice(0, nl)) as WatchEvent;
          buffer = buffer.slice(nl + 1);
          const waiter = waiters.shift();
          if (waiter) waiter(event);
          else queue.push(event);
        }
      });
      res.on('end', () => endResolve());
      res.on('close', () => endResolve());
      resolve({
        next(timeoutMs = 5000) {
          const queued = queue.shift();
          if (queued) return Promise.resolve(queued);
          return new Promise((res2, rej2) => {
            const timer = setTimeout(() => {
              waiters.splice(waiters.indexOf(done), 1);
              rej2(new Error(`no watch event on ${path} within ${timeoutMs} ms`));
            }, timeoutMs);
            const done = (e: WatchEvent) => {
              clearTimeout(timer);
              res2(e);
            };
            waiters.push(done);
          });
        },
        ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', (e) => {
      endResolve();
      reject(e);
    });
    req.end();
  });
}
