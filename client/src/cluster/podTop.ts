// `kubectl top`-style usage for the pods of the tree (`cpu 120m · mem 64Mi`), read with `kubectl top pod` when the
// resource metrics API answers; when it does not (no metrics-server, forbidden, too slow) the pods show nothing extra.
import type { Kubectl } from './kubectl';

/** Parses `kubectl top pod --no-headers` lines (`NAME  CPU  MEMORY`) into `name → "cpu 120m · mem 64Mi"`. */
export function parseTopPods(stdout: string): Map<string, string> {
  const usage = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const m = /^(\S+)\s+(\d+m?)\s+(\d+[KMGT]?i?)\s*$/.exec(line.trim());
    if (m) usage.set(m[1], `cpu ${m[2]} · mem ${m[3]}`);
  }
  return usage;
}

/** Usage of the pods matching `selector` in the namespace; empty when the metrics API does not answer. */
export async function podUsage(kubectl: Kubectl, context: string, namespace: string, selector?: string): Promise<Map<string, string>> {
  try {
    const { stdout } = await kubectl.run(['top', 'pod', ...(selector ? ['-l', selector] : []), '--no-headers'], { context, namespace });
    return parseTopPods(stdout);
  } catch {
    return new Map(); // "Metrics API not available" and every other failure: no usage, no error item
  }
}
