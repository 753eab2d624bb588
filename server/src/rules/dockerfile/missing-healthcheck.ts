// DL3057: the final image has no HEALTHCHECK (in its stage or the stages it is built FROM). Off by default, as in
// hadolint: many images are health-checked by their orchestrator instead (Kubernetes probes ignore HEALTHCHECK).
import type { DockerfileRule } from '../../core/rule';

export const missingHealthcheck: DockerfileRule = {
  id: 'missing-healthcheck',
  aliases: ['DL3057'],
  severity: 'info',
  offByDefault: true,
  category: 'reliability',
  docs: {
    summary: 'The final image has no HEALTHCHECK (off unless turned on).',
    why: 'Without a HEALTHCHECK, Docker and Compose only know whether the process is running, not whether it answers: a hung server stays "up" and `depends_on: condition: service_healthy` cannot wait for it. Kubernetes ignores HEALTHCHECK and uses its own probes, which is why this rule is off unless turned on (`rules: { DL3057: info }`). The base image\'s own HEALTHCHECK is not known here.',
    bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/',
    good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD curl -fs http://localhost/ || exit 1',
  },
  check({ model }) {
    const final = model.stages[model.stages.length - 1];
    if (!final) return [];
    for (let s: typeof final | undefined = final; s; s = s.parent) if (s.instructions.some((i) => i.getKeyword() === 'HEALTHCHECK')) return [];
    return [
      {
        message: 'The final image has no HEALTHCHECK, so Docker cannot tell a hung container from a healthy one; add `HEALTHCHECK CMD …`',
        range: final.from.getImageRange() ?? final.from.getRange(),
      },
    ];
  },
};
