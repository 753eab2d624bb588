// The plan a template fills in: facts about the original stage, and what goes where in the two new stages.
import type { Instruction, Workdir } from 'dockerfile-ast';
import type { DockerfileModel, ImageRef, RunInfo, Stage } from '../model';
import type { ShellCommand } from '../shell';
import type { BuildContext } from '../../types';
import { resolvePath } from '../paths';
import { runCommands } from '../commands';

interface Facts {
  model: DockerfileModel;
  stage: Stage;
  image: ImageRef;
  /** The working directory each instruction runs in. */
  wdBefore: Map<Instruction, string>;
  finalWd: string;
  hasWorkdir: boolean;
  context?: BuildContext;
}

export interface Plan {
  f: Facts;
  /** Document-offset edits inside builder instructions. */
  edits: { start: number; end: number; text: string }[];
  /** Lines inserted into the builder before an instruction (and its comments). */
  before: Map<Instruction, string[]>;
  /** Lines appended to the builder. */
  append: string[];
  runtimeImage: string;
  /** Runtime lines between FROM and the instructions moved from the original. */
  body: string[];
  /** Replacement lines for moved instructions (null drops one). */
  transform: Map<Instruction, string[] | null>;
  /** Lines after the moved instructions. */
  tail: string[];
}

/** An empty plan for converting `stage`, built on `image`. */
export function newPlan(model: DockerfileModel, stage: Stage, image: ImageRef, context?: BuildContext): Plan {
  const wdBefore = new Map<Instruction, string>();
  let wd = '/';
  let hasWorkdir = false;
  for (const ins of stage.instructions) {
    wdBefore.set(ins, wd);
    const path = ins.getKeyword() === 'WORKDIR' ? (ins as Workdir).getPath()?.replace(/^["']|["']$/g, '') : undefined;
    if (path) {
      wd = resolvePath(wd, path);
      hasWorkdir = true;
    }
  }
  const f: Facts = { model, stage, image, wdBefore, finalWd: wd, hasWorkdir, context };
  return { f, edits: [], before: new Map(), append: [], runtimeImage: '', body: [], transform: new Map(), tail: [] };
}

/** Adds builder lines in front of `ins`. */
export function insertBefore(p: Plan, ins: Instruction, ...lines: string[]): void {
  p.before.set(ins, [...(p.before.get(ins) ?? []), ...lines]);
}

/** The directory a command runs in: the RUN's WORKDIR, changed by `cd` commands before it in the same RUN. */
export function dirAt(p: Plan, run: RunInfo, cmd: ShellCommand): string {
  let dir = p.f.wdBefore.get(run.instruction) ?? '/';
  for (const c of runCommands(run)) {
    if (c.start >= cmd.start) break;
    const to = c.program === 'cd' ? c.args[0]?.value : undefined;
    if (to && !to.includes('$') && to !== '-') dir = resolvePath(dir, to);
  }
  return dir;
}
