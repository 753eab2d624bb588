import type { Flag } from 'dockerfile-ast';
import { perModel, type DockerfileModel, type Stage } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileRule } from '../../core/rule';
import type { Severity } from '../../core/types';
import { editDistance } from '../../core/text';
import { copyFromFlags } from '../../core/dockerfile/instructions';

interface UnknownFrom {
  flag: Flag;
  value: string;
  message: string;
  severity?: Severity;
  /** An earlier stage whose name is a likely typo fix. */
  suggestion?: string;
}

/** The earlier stage name closest to `value`, if it is a plausible typo (1 edit for short names, 2 for longer). */
function closestStage(value: string, earlier: Stage[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const s of earlier) {
    if (!s.name) continue;
    const d = editDistance(value.toLowerCase(), s.name);
    if (d <= Math.min(2, Math.floor(s.name.length / 3)) && (!best || d < best.d)) best = { name: s.from.getBuildStage() ?? s.name, d };
  }
  return best?.name;
}

function unknownFroms(model: DockerfileModel): UnknownFrom[] {
  const out: UnknownFrom[] = [];
  // Where each name is first defined: a look-up per COPY instead of a scan of the earlier stages (5,000 stages that
  // each copy from the one before were quadratic).
  const firstIndex = new Map<string, number>();
  for (const s of model.stages) if (s.name && !firstIndex.has(s.name)) firstIndex.set(s.name, s.index);
  for (const { stage, flag, value } of copyFromFlags(model)) {
    if (/^\d+$/.test(value)) {
      const n = Number(value);
      if (n <= stage.index) continue; // earlier stage, or this one (copy-from-self)
      const count = model.stages.length;
      const message =
        n >= count
          ? `\`COPY --from=${value}\`: there is no stage ${n} (stages are numbered from 0, this Dockerfile has ${count} and this is stage ${stage.index}); copy from an earlier stage's index or name`
          : `\`COPY --from=${value}\` does not refer to an earlier stage (this is stage ${stage.index}); a stage can only copy from stages before it`;
      out.push({ flag, value, message, severity: 'error' });
      continue;
    }
    // An image reference (`nginx:1.27`, `ghcr.io/org/tool`) is pulled, as intended.
    if (/[/:@]/.test(value)) continue;
    const name = value.toLowerCase();
    const first = firstIndex.get(name);
    if (name === 'scratch' || name === stage.name || (first !== undefined && first < stage.index)) continue;
    const later = first !== undefined ? model.stages.find((s) => s.index > stage.index && s.name === name) : undefined;
    if (later) {
      const message = `\`COPY --from=${value}\` refers to a stage defined later (line ${later.from.getRange().start.line + 1}); move that stage before this one`;
      out.push({ flag, value, message, severity: 'error' });
      continue;
    }
    const suggestion = closestStage(value, model.stages.slice(0, stage.index));
    const hint = suggestion ? `did you mean \`${suggestion}\`?` : 'check the stage name, or write the image with a tag';
    const message = `\`--from=${value}\` is not the name of an earlier stage, so Docker pulls it as an image; ${hint}`;
    out.push({ flag, value, message, suggestion });
  }
  return out;
}

// "Fix all" applies the fix once per finding of one model: the file is walked once for all of them.
const unknownFromsIn = perModel(unknownFroms);

export const copyFromUnknownStage: DockerfileRule = {
  id: 'copy-from-unknown-stage',
  aliases: ['DL3022'],
  severity: 'warning',
  severityNote: 'error when `--from` names a later stage or a stage number that is not before this one',
  category: 'correctness',
  docs: {
    summary: '`COPY --from` names no earlier stage.',
    why: 'Docker treats a `--from` value that is not a stage name as an image to pull, so a typo in a stage name makes the build pull (or fail to pull) `docker.io/library/<typo>` instead of using your stage. Stages must also be defined before the stage that copies from them. (A name passed with `docker buildx build --build-context name=…` is fine; suppress the finding there.)',
    bad: 'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=buidler /app /app',
    good: 'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=builder /app /app',
  },
  check({ model }) {
    return unknownFroms(model).map((u) => ({
      message: u.message,
      range: u.flag.getValueRange()!,
      ...(u.severity ? { severity: u.severity } : {}),
      data: { offset: model.offsetAt(u.flag.getValueRange()!.start), ...(u.suggestion ? { suggestion: u.suggestion } : {}) },
    }));
  },
  fixes: [
    {
      id: 'use-stage',
      title: (f) => `Use stage \`${String(f.data?.suggestion ?? '')}\``,
      safe: false,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const hit = unknownFromsIn(model).find((u) => model.offsetAt(u.flag.getValueRange()!.start) === finding.data?.offset);
        return hit?.suggestion ? { edits: [{ range: hit.flag.getValueRange()!, newText: hit.suggestion }] } : null;
      },
    },
  ],
};
