// Writing a filled-in plan out as the two-stage Dockerfile, keeping the original's comments, spacing and line endings.
import type { Instruction } from 'dockerfile-ast';
import type { Stage } from '../model';
import { splitLines } from '../../text';
import { instructionText, properties } from './instructions';
import type { Plan } from './plan';

type Role = 'build' | 'move' | 'both';

const RUNTIME_ONLY = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'STOPSIGNAL', 'VOLUME', 'ONBUILD']);
const OVERRIDDEN = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
// Image metadata that the original puts right after FROM stays right after the runtime stage's FROM.
const METADATA = new Set(['MAINTAINER', 'LABEL']);

/** Where an instruction goes: the builder, the runtime stage, or both (USER that the build also runs as). */
function roles(stage: Stage): Map<Instruction, Role | 'drop'> {
  const out = new Map<Instruction, Role | 'drop'>();
  const ins = stage.instructions;
  const lastUser = ins.filter((i) => i.getKeyword() === 'USER').pop();
  ins.forEach((i, n) => {
    const k = i.getKeyword();
    if (RUNTIME_ONLY.has(k)) out.set(i, OVERRIDDEN.has(k) && ins.slice(n + 1).some((j) => j.getKeyword() === k) ? 'drop' : 'move');
    else if (k === 'USER') {
      const buildsAfter = ins.slice(n + 1).some((j) => /^(?:RUN|COPY|ADD|WORKDIR)$/.test(j.getKeyword()));
      out.set(i, i === lastUser ? (buildsAfter ? 'both' : 'move') : 'build');
    } else out.set(i, k === 'SHELL' ? 'both' : 'build');
  });
  return out;
}

/** The converted Dockerfile: the original stage as `build`, then the runtime stage the plan describes. */
export function render(p: Plan): string {
  const { model, stage } = p.f;
  const { text, eol } = model;
  const lines = splitLines(text);
  const at = (line: number, character = 0) => model.offsetAt({ line, character });
  const fromRange = stage.from.getRange();
  const imageEnd = stage.from.getImageRange()?.end ?? fromRange.end;
  const builder = [`${text.slice(at(fromRange.start.line, fromRange.start.character), model.offsetAt(imageEnd))} AS build`];
  const moved: string[] = [];
  const head: string[] = [];
  let leading = true;
  const pushGap = (line: string) => {
    if (line.trim() || builder[builder.length - 1].trim()) builder.push(line);
  };
  const role = roles(stage);
  let prevEnd = fromRange.end.line;
  for (const ins of stage.instructions) {
    const r = ins.getRange();
    let lead = r.start.line;
    while (lead - 1 > prevEnd && lines[lead - 1].trim().startsWith('#')) lead--;
    for (let l = prevEnd + 1; l < lead; l++) pushGap(lines[l]);
    const segStart = at(lead);
    const end = model.offsetAt(r.end);
    const what = role.get(ins);
    leading &&= METADATA.has(ins.getKeyword());
    if (what === 'build' || what === 'both') {
      builder.push(...(p.before.get(ins) ?? []));
      let seg = text.slice(segStart, end);
      for (const e of [...p.edits].filter((x) => x.start >= segStart && x.end <= end).sort((a, b) => b.start - a.start)) {
        seg = seg.slice(0, e.start - segStart) + e.text + seg.slice(e.end - segStart);
      }
      builder.push(seg);
    }
    if (what === 'move' || what === 'both') {
      const comments = what === 'move' ? lines.slice(lead, r.start.line) : [];
      const replacement = p.transform.get(ins);
      if (replacement !== null) (leading ? head : moved).push(...comments, ...(replacement ?? [instructionText(model, ins)]));
    }
    prevEnd = r.end.line;
  }
  builder.push(...p.append);
  const trailing = lines.slice(prevEnd + 1).filter((l) => l.trim().startsWith('#'));
  while (!builder[builder.length - 1].trim()) builder.pop();

  const runtimeLines = [...head, ...p.body, ...moved, ...p.tail, ...trailing];
  // Stage-scoped ARGs that the runtime instructions use must be declared again there.
  const used = runtimeLines.join('\n');
  const args = stage.instructions.filter((i) => i.getKeyword() === 'ARG' && properties(i).some((pr) => new RegExp(`\\$\\{?${pr.getName()}\\b`).test(used)));
  const platform = stage.from.getPlatformFlag()?.getValue();
  const runtimeFrom = `FROM ${platform && !platform.includes('BUILDPLATFORM') ? `--platform=${platform} ` : ''}${p.runtimeImage}`;
  const runtime = [runtimeFrom, ...args.map((i) => instructionText(model, i)), ...runtimeLines];
  const header = text.slice(0, at(fromRange.start.line));
  const final = /\r?\n$/.test(text) ? eol : '';
  return `${header}${builder.join(eol)}${eol}${eol}${runtime.join(eol)}${final}`;
}
