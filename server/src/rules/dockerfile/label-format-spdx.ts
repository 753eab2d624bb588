import { LABEL_TYPE_EXAMPLE, labelsNotOfType } from '../../core/dockerfile/label-schema';
import type { DockerfileRule } from '../../core/rule';

export const labelFormatSpdx: DockerfileRule = {
  id: 'label-format-spdx',
  aliases: ['DL3054'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'A label the `label-schema:` declares as `spdx` has a value that is not an SPDX license expression.',
    why: 'Tools that read image labels (registries, scanners, inventory and release tooling) parse them by format; a value that does not parse is lost to them or misread. `label-schema:` in `.stevedore.yaml` or `.hadolint.yaml` declares the format each label must have. A value filled from a build argument cannot be checked: declare such labels as `text`.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.licenses="Apache 2"',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.licenses=Apache-2.0',
    config: 'label-schema:\n  org.opencontainers.image.licenses: spdx\n',
  },
  check({ model, settings }) {
    return labelsNotOfType(model, settings?.labelSchema, 'spdx').map((u) => ({
      message: `Label \`${u.name}\` must be ${LABEL_TYPE_EXAMPLE.spdx}; got "${u.value}"`,
      range: u.valueRange,
    }));
  },
};
