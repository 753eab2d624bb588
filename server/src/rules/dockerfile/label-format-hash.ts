import { LABEL_TYPE_EXAMPLE, labelsNotOfType } from '../../core/dockerfile/label-schema';
import type { DockerfileRule } from '../../core/rule';

export const labelFormatGitHash: DockerfileRule = {
  id: 'label-format-hash',
  aliases: ['DL3055'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'A label the `label-schema:` declares as `hash` has a value that is not a git commit hash.',
    why: 'Tools that read image labels (registries, scanners, inventory and release tooling) parse them by format; a value that does not parse is lost to them or misread. `label-schema:` in `.stevedore.yaml` or `.hadolint.yaml` declares the format each label must have. A value filled from a build argument cannot be checked: declare such labels as `text`.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.revision=main',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.revision=4f2c1e9',
    config: 'label-schema:\n  org.opencontainers.image.revision: hash\n',
  },
  check({ model, settings }) {
    return labelsNotOfType(model, settings?.labelSchema, 'hash').map((u) => ({
      message: `Label \`${u.name}\` must be ${LABEL_TYPE_EXAMPLE.hash}; got "${u.value}"`,
      range: u.valueRange,
    }));
  },
};
