import { LABEL_TYPE_EXAMPLE, labelsNotOfType } from '../../core/dockerfile/label-schema';
import type { DockerfileRule } from '../../core/rule';

export const labelFormatSemver: DockerfileRule = {
  id: 'label-format-semver',
  aliases: ['DL3056'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'A label the `label-schema:` declares as `semver` has a value that is not a semantic version.',
    why: 'Tools that read image labels (registries, scanners, inventory and release tooling) parse them by format; a value that does not parse is lost to them or misread. `label-schema:` in `.stevedore.yaml` or `.hadolint.yaml` declares the format each label must have. A value filled from a build argument cannot be checked: declare such labels as `text`.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.version=v1.4',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.version=1.4.0',
    config: 'label-schema:\n  org.opencontainers.image.version: semver\n',
  },
  check({ model, settings }) {
    return labelsNotOfType(model, settings?.labelSchema, 'semver').map((u) => ({
      message: `Label \`${u.name}\` must be ${LABEL_TYPE_EXAMPLE.semver}; got "${u.value}"`,
      range: u.valueRange,
    }));
  },
};
