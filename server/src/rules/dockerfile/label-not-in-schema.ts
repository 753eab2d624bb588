import { labelUses } from '../../core/dockerfile/label-schema';
import type { DockerfileRule } from '../../core/rule';

export const labelNotInSchema: DockerfileRule = {
  id: 'label-not-in-schema',
  aliases: ['DL3050'],
  severity: 'info',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'With `strict-labels: true`, a label that `label-schema:` does not declare.',
    why: 'Strict labels keep images to an agreed set: no stray labels leaking build details, none that confuse the tools reading them. Turned on by `strict-labels: true` in `.stevedore.yaml` or `.hadolint.yaml`; with no `label-schema:` every label is reported, as in hadolint.',
    bad: 'FROM debian:12\nLABEL build.host=ci-runner-7',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.version=1.4.0',
    config: 'strict-labels: true\nlabel-schema:\n  org.opencontainers.image.version: semver\n',
  },
  check({ model, settings }) {
    if (!settings?.strictLabels) return [];
    const schema = settings.labelSchema ?? {};
    return labelUses(model)
      .filter((u) => !Object.hasOwn(schema, u.name))
      .map((u) => ({ message: `Label \`${u.name}\` is not in label-schema (strict-labels is on)`, range: u.nameRange }));
  },
};
