import { LABEL_TYPE_EXAMPLE, labelsNotOfType } from '../../core/dockerfile/label-schema';
import type { DockerfileRule } from '../../core/rule';

export const labelFormatEmail: DockerfileRule = {
  id: 'label-format-email',
  aliases: ['DL3058'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'A label the `label-schema:` declares as `email` has a value that is not an email address.',
    why: 'Tools that read image labels (registries, scanners, inventory and release tooling) parse them by format; a value that does not parse is lost to them or misread. `label-schema:` in `.stevedore.yaml` or `.hadolint.yaml` declares the format each label must have. A value filled from a build argument cannot be checked: declare such labels as `text`.',
    bad: 'FROM debian:12\nLABEL maintainer="The Team"',
    good: 'FROM debian:12\nLABEL maintainer=team@example.com',
    config: 'label-schema:\n  maintainer: email\n',
  },
  check({ model, settings }) {
    return labelsNotOfType(model, settings?.labelSchema, 'email').map((u) => ({
      message: `Label \`${u.name}\` must be ${LABEL_TYPE_EXAMPLE.email}; got "${u.value}"`,
      range: u.valueRange,
    }));
  },
};
