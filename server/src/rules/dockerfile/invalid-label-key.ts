// DL3048: LABEL keys outside Docker's recommended format (lower-case letters, digits, `.` and `-`, starting with a
// letter and ending with a letter or digit, no reserved Docker namespace).
import type { Label } from 'dockerfile-ast';
import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key is not in the recommended format, or undefined when it is. */
export function labelKeyProblem(key: string): string | undefined {
  const reserved = RESERVED.find((p) => key.startsWith(p));
  if (reserved) return `the \`${reserved}\` namespace is reserved for Docker's own labels`;
  const bad = [...new Set(key.replace(/[a-z0-9.-]/g, ''))];
  if (bad.length) return `it contains ${bad.map((c) => `\`${c}\``).join(', ')}; use lower-case letters, digits, \`.\` and \`-\``;
  if (!/^[a-z]/.test(key)) return 'it must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'it must end with a lower-case letter or digit';
  if (key.includes('..') || key.includes('--')) return 'it has two separators in a row';
  return undefined;
}

export const invalidLabelKey: DockerfileRule = {
  id: 'invalid-label-key',
  aliases: ['DL3048'],
  severity: 'info',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'LABEL key not in the recommended format (lower-case, digits, `.`, `-`; no Docker namespace).',
    why: 'Tools that read labels (registries, scanners, `docker inspect --format`, Kubernetes annotations copied from them) expect reverse-DNS keys such as `org.opencontainers.image.source`: lower-case letters and digits separated by single dots or dashes. Other keys are easy to mistype and may be rejected, and `com.docker.*`, `io.docker.*` and `org.dockerproject.*` are reserved for Docker itself.',
    bad: 'FROM alpine:3.20\nLABEL Maintainer_Email="ops@example.com"',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="ops@example.com"',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const ins of model.ast.getInstructions()) {
      if (ins.getKeyword() !== 'LABEL') continue;
      for (const p of (ins as Label).getProperties()) {
        const key = p.getName();
        // A variable's value is not known here.
        if (!key || key.includes('$')) continue;
        const problem = labelKeyProblem(key);
        if (problem) hits.push({ message: `Label key \`${key}\` is not in the recommended format: ${problem}`, range: p.getNameRange() });
      }
    }
    return hits;
  },
};
