import { labelUses } from '../../core/dockerfile/label-schema';
import type { Stage } from '../../core/dockerfile/model';
import { copyFromFlags } from '../../core/dockerfile/instructions';
import type { DockerfileRule } from '../../core/rule';

export const labelMissing: DockerfileRule = {
  id: 'label-missing',
  aliases: ['DL3049'],
  severity: 'info',
  category: 'correctness',
  docs: {
    summary: 'An image lacks a label that `label-schema:` requires.',
    why: 'A team that declares `label-schema:` in `.stevedore.yaml` or `.hadolint.yaml` wants every image to carry those labels (owner, version, source revision …) so registries and inventory tools can tell images apart. The finding is on the FROM of each stage that neither sets the label nor inherits it from a stage it is built FROM; stages only used as `COPY --from` sources are not images anyone runs and are left alone.',
    bad: 'FROM debian:12\nRUN echo hi',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.version=1.4.0\nRUN echo hi',
    config: 'label-schema:\n  org.opencontainers.image.version: semver\n',
  },
  check({ model, settings }) {
    const required = Object.keys(settings?.labelSchema ?? {});
    if (!required.length || !model.stages.length) return [];
    const set = new Map<Stage, Set<string>>(model.stages.map((s) => [s, new Set<string>()]));
    for (const u of labelUses(model)) set.get(u.stage)!.add(u.name);
    const has = (stage: Stage | undefined, label: string): boolean => !!stage && (set.get(stage)!.has(label) || has(stage.parent === stage ? undefined : stage.parent, label));
    const copiedFrom = new Set<Stage>();
    for (const { value } of copyFromFlags(model)) {
      const source = /^\d+$/.test(value) ? model.stages[Number(value)] : model.stages.find((s) => s.name === value.toLowerCase());
      if (source) copiedFrom.add(source);
    }
    return model.stages.flatMap((stage) => {
      if (copiedFrom.has(stage) && !stage.isFinal) return [];
      const missing = required.filter((label) => !has(stage, label));
      return missing.map((label) => ({ message: `Label \`${label}\` is missing (required by label-schema)`, range: stage.from.getRange() }));
    });
  },
};
