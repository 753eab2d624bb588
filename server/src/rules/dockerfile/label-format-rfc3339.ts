import { LABEL_TYPE_EXAMPLE, labelsNotOfType } from '../../core/dockerfile/label-schema';
import type { DockerfileRule } from '../../core/rule';

export const labelFormatRfc3339: DockerfileRule = {
  id: 'label-format-rfc3339',
  aliases: ['DL3053'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'A label the `label-schema:` declares as `rfc3339` has a value that is not an RFC 3339 time.',
    why: 'Tools that read image labels (registries, scanners, inventory and release tooling) parse them by format; a value that does not parse is lost to them or misread. `label-schema:` in `.stevedore.yaml` or `.hadolint.yaml` declares the format each label must have. A value filled from a build argument cannot be checked: declare such labels as `text`.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.created="May 1, 2024"',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.created=2024-05-01T12:00:00Z',
    config: 'label-schema:\n  org.opencontainers.image.created: rfc3339\n',
  },
  check({ model, settings }) {
    return labelsNotOfType(model, settings?.labelSchema, 'rfc3339').map((u) => ({
      message: `Label \`${u.name}\` must be ${LABEL_TYPE_EXAMPLE.rfc3339}; got "${u.value}"`,
      range: u.valueRange,
    }));
  },
};
