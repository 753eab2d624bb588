import { labelUses } from '../../core/dockerfile/label-schema';
import type { DockerfileRule } from '../../core/rule';

export const labelEmpty: DockerfileRule = {
  id: 'label-empty',
  aliases: ['DL3051'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'A label that `label-schema:` requires is set to an empty value.',
    why: 'An empty required label satisfies a presence check while carrying nothing: the image looks labelled and is not. Usually a build argument that was not passed (`LABEL version=$VERSION` without `--build-arg`) or a placeholder left behind.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.authors=""',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.authors="platform-team"',
    config: 'label-schema:\n  org.opencontainers.image.authors: text\n',
  },
  check({ model, settings }) {
    const schema = settings?.labelSchema;
    if (!schema) return [];
    return labelUses(model)
      .filter((u) => Object.hasOwn(schema, u.name) && u.value.trim() === '')
      .map((u) => ({ message: `Label \`${u.name}\` is empty`, range: u.valueRange }));
  },
};
