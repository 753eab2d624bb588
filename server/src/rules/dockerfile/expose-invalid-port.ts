import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { instructionsOf } from '../../core/dockerfile/instructions';

/** Why a port or port range (`8080`, `8000-8010`) is invalid, or undefined when it is fine. */
function portRangeProblem(spec: string): string | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec);
  if (!m) return `\`${spec}\` is not a port number`;
  const [start, end] = [Number(m[1]), m[2] === undefined ? Number(m[1]) : Number(m[2])];
  const bad = [start, end].find((p) => p > 65535);
  if (bad !== undefined) return `port ${bad} is outside 0–65535`;
  if (end < start) return `port range \`${spec}\` ends before it starts`;
  return undefined;
}

/** Checks one EXPOSE argument, `[[ip:]hostPort:]port[-port][/proto]`; protocols are the syntax rule's job. */
function exposeProblem(arg: string): string | undefined {
  const parts = arg.split(':');
  const container = parts[parts.length - 1].split('/')[0];
  if (!container) return 'no port given';
  const host = parts.length > 1 ? parts[parts.length - 2] : undefined;
  return portRangeProblem(container) ?? (host ? portRangeProblem(host) : undefined);
}

export const exposeInvalidPort: DockerfileRule = {
  id: 'expose-invalid-port',
  aliases: ['DL3011'],
  severity: 'error',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'EXPOSE with an invalid port.',
    why: 'Ports are numbers from 0 to 65535 (optionally a range like `8000-8010` and `/tcp`, `/udp` or `/sctp`). Docker rejects anything else when it builds the image.',
    bad: 'FROM nginx:1.27\nEXPOSE 80800',
    good: 'FROM nginx:1.27\nEXPOSE 8080',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const ins of instructionsOf(model, 'EXPOSE')) {
      for (const arg of ins.getArguments()) {
        let value = arg.getValue();
        if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) value = value.slice(1, -1);
        // Variables are only known at build time.
        if (value.includes('$')) continue;
        const problem = exposeProblem(value);
        if (problem) hits.push({ message: `EXPOSE \`${value}\`: ${problem}; use a port like 8080, 8080/udp or 8000-8010`, range: arg.getRange() });
      }
    }
    return hits;
  },
};
