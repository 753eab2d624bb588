// DL3066: USER names a user instead of a numeric UID. Off by default here (hadolint reports it as info): nearly every
// image that drops root does it by name, and root-user's own fix writes `USER app`.
import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const userNotNumeric: DockerfileRule = {
  id: 'user-not-numeric',
  aliases: ['DL3066'],
  severity: 'info',
  offByDefault: true,
  category: 'security',
  docs: {
    summary: 'USER names a user instead of a numeric UID (off unless turned on).',
    why: 'A user name is resolved through the image\'s `/etc/passwd` when the container starts, so the platform cannot check it beforehand: Kubernetes refuses `runAsNonRoot: true` for an image whose USER is a name ("image has non-numeric user"), and file ownership on mounted volumes depends on what the name maps to. `USER 10001` (or `10001:10001`) says exactly who runs. Off unless turned on (`rules: { DL3066: info }`), since naming the user is common and often fine.',
    bad: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER app',
    good: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'USER') continue;
        const arg = ins.getArguments()[0];
        const user = arg?.getValue().split(':')[0] ?? '';
        // A variable may hold a number.
        if (!arg || /^\d+$/.test(user) || user.includes('$')) continue;
        hits.push({ message: `\`USER ${arg.getValue()}\` is a name the container resolves at start; use the numeric UID so the platform can verify it (runAsNonRoot)`, range: arg.getRange() });
      }
    }
    return hits;
  },
};
