import { LABEL_TYPE_EXAMPLE, labelsNotOfType } from '../../core/dockerfile/label-schema';
import type { DockerfileRule } from '../../core/rule';

export const labelFormatUrl: DockerfileRule = {
  id: 'label-format-url',
  aliases: ['DL3052'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'A label the `label-schema:` declares as `url` has a value that is not an absolute URL.',
    why: 'Tools that read image labels (registries, scanners, inventory and release tooling) parse them by format; a value that does not parse is lost to them or misread. `label-schema:` in `.stevedore.yaml` or `.hadolint.yaml` declares the format each label must have. A value filled from a build argument cannot be checked: declare such labels as `text`.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.documentation=docs.example.com',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.documentation=https://docs.example.com',
    config: 'label-schema:\n  org.opencontainers.image.documentation: url\n',
  },
  check({ model, settings }) {
    return labelsNotOfType(model, settings?.labelSchema, 'url').map((u) => ({
      message: `Label \`${u.name}\` must be ${LABEL_TYPE_EXAMPLE.url}; got "${u.value}"`,
      range: u.valueRange,
    }));
  },
};
