// What went wrong when running kubectl, in one actionable line, classified from exit code and stderr.

export type KubectlErrorKind =
  | 'not-found-binary'
  | 'invalid-name'
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'timeout'
  | 'malformed'
  | 'cancelled'
  | 'failed';

/** A kubectl failure with a user-facing one-line message; `stderr` keeps kubectl's own words for the log. */
export class KubectlError extends Error {
  constructor(
    readonly kind: KubectlErrorKind,
    message: string,
    readonly stderr = '',
    readonly exitCode?: number,
  ) {
    super(message);
    this.name = 'KubectlError';
  }
}

/** True when `e` is a KubectlError (also across bundles, where instanceof may not hold). */
export function isKubectlError(e: unknown): e is KubectlError {
  return e instanceof KubectlError || (e instanceof Error && e.name === 'KubectlError' && 'kind' in e);
}

/** The message to show for any error thrown by the cluster code. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// klog lines such as `E1125 00:00:46.240934  7601 memcache.go:265] "Unhandled Error" …` repeat the real error noisily.
const KLOG = /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [^\]]+\]/;

interface Where {
  context: string;
  namespace?: string;
  requestTimeoutSec?: number;
}

/** Classifies a non-zero kubectl exit from its stderr into a KubectlError. */
export function classifyFailure(stderr: string, exitCode: number, where: Where): KubectlError {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const plain = lines.filter((l) => !KLOG.test(l));
  const text = (plain.length ? plain : lines).join('\n');
  const ctx = `context "${where.context}"`;
  const make = (kind: KubectlErrorKind, message: string) => new KubectlError(kind, message, stderr, exitCode);

  const forbidden = /User "([^"]*)" cannot (\S+) resource "([^"]+)"(?: in API group "([^"]*)")?(?: in the namespace "([^"]+)"| at the cluster scope)?/.exec(text);
  if (forbidden) {
    const [, user, verb, resource, group, ns] = forbidden;
    const what = group ? `${resource}.${group}` : resource;
    const scope = ns ? ` in namespace "${ns}"` : / at the cluster scope/.test(forbidden[0]) ? ' at cluster scope' : '';
    return make('forbidden', `Forbidden: ${user} may not ${verb} ${what}${scope} (${ctx}). Ask a cluster admin for that permission or use another context.`);
  }
  if (/\(Forbidden\)|\bis forbidden\b/.test(text)) {
    return make('forbidden', `Forbidden (${ctx}): ${serverMessage(text, 'Forbidden')}`);
  }
  if (/\(Unauthorized\)|You must be logged in|Unauthorized/.test(text)) {
    return make('unauthorized', `Unauthorized: the cluster of ${ctx} rejected your credentials. Log in again or refresh the token in your kubeconfig.`);
  }
  const noContext = /context "([^"]*)" does not exist/.exec(text);
  if (noContext) return make('not-found', `Context "${noContext[1]}" does not exist in your kubeconfig. Pick another one with "Stevedore: Select Context".`);
  if (/\(NotFound\)/.test(text)) return make('not-found', `Not found (${ctx}${nsPart(where)}): ${serverMessage(text, 'NotFound')}.`);
  const noType = /the server doesn't have a resource type "([^"]+)"/.exec(text);
  if (noType) return make('not-found', `The cluster of ${ctx} has no resource type "${noType[1]}".`);
  const refused = /The connection to the server (\S+) was refused/.exec(text);
  if (refused) return make('unreachable', `Cannot reach the cluster of ${ctx}: ${refused[1]} refused the connection. Is the cluster running, and does your kubeconfig point at it?`);
  if (/no such host|connection refused|no route to host|network is unreachable|dial tcp.*i\/o timeout|Unable to connect to the server: dial/.test(text)) {
    return make('unreachable', `Cannot reach the cluster of ${ctx}: ${lastLine(text).replace(/^Unable to connect to the server:\s*/, '')}. Check your network, VPN and kubeconfig.`);
  }
  if (/context deadline exceeded|Client\.Timeout exceeded|TLS handshake timeout|i\/o timeout|\(Timeout\)|timed out waiting for the condition|request canceled/.test(text)) {
    const limit = where.requestTimeoutSec ? ` (request timeout ${where.requestTimeoutSec}s)` : '';
    return make('timeout', `Timed out talking to the cluster of ${ctx}${limit}. Check the connection, or raise "stevedore.cluster.requestTimeout".`);
  }
  if (/Unable to connect to the server/.test(text)) {
    return make('unreachable', `Cannot reach the cluster of ${ctx}: ${lastLine(text).replace(/^Unable to connect to the server:\s*/, '')}.`);
  }
  if (/executable file not found in \$PATH/.test(text) && /diff/.test(text)) {
    return make('failed', 'kubectl diff needs a "diff" program on PATH: install diffutils, or set KUBECTL_EXTERNAL_DIFF.');
  }
  const last = lastLine(text);
  return make('failed', last ? `kubectl failed (${ctx}): ${last.replace(/^error:\s*/i, '')}` : `kubectl exited with code ${exitCode} (${ctx}) and printed no error.`);
}

function nsPart(where: Where): string {
  return where.namespace ? `, namespace "${where.namespace}"` : '';
}

/** The text after kubectl's `Error from server (Reason): ` prefix, on one line. */
function serverMessage(text: string, reason: string): string {
  const m = new RegExp(`\\(${reason}\\):\\s*(.*)`).exec(text);
  return (m ? m[1] : lastLine(text)).replace(/^error:\s*/i, '').trim();
}

function lastLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length ? lines[lines.length - 1].trim() : '';
}
