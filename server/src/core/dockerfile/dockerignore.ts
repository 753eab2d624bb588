// The build context seen from a Dockerfile: which ignore file the build uses, and what the COPY/ADD
// instructions take from the context (for missing-dockerignore, dockerignore-gap).
import type { JSONInstruction } from 'dockerfile-ast';
import * as path from 'node:path';
import { copyArgs } from './instructions';
import type { DockerfileModel } from './model';
import { splitLines } from '../text';
import type { BuildContext, Range } from '../types';

/** Where the .dockerignore findings go: the first instruction's keyword, or 0:0 of an empty document. */
export function firstInstructionRange(model: DockerfileModel): Range {
  const first = model.ast.getInstructions()[0];
  return first ? first.getInstructionRange() : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** The Dockerfile's path relative to the context root ('/'-separated), or undefined when it lies outside. */
export function dockerfileRel(file: string | undefined, context: BuildContext): string | undefined {
  if (!file) return undefined;
  const rel = path.relative(context.root, file).split(path.sep).join('/');
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : undefined;
}

/**
 * The ignore file the build uses: BuildKit prefers `<Dockerfile>.dockerignore` next to the Dockerfile over the
 * context's `.dockerignore`. Undefined when there is neither.
 */
export function ignoreFileOf(file: string | undefined, context: BuildContext): string | undefined {
  const rel = dockerfileRel(file, context);
  if (rel && context.exists(`${rel}.dockerignore`) && !context.isDirectory(`${rel}.dockerignore`)) return `${rel}.dockerignore`;
  return context.exists('.dockerignore') && !context.isDirectory('.dockerignore') ? '.dockerignore' : undefined;
}

/** First path components of every local COPY/ADD source (`COPY tests/ ./tests` → `tests`). */
export function copiedNames(model: DockerfileModel): Set<string> {
  const names = new Set<string>();
  for (const ins of model.ast.getInstructions()) {
    const kw = ins.getKeyword();
    if (kw !== 'COPY' && kw !== 'ADD') continue;
    const copy = ins as JSONInstruction;
    if (copy.getFlags().some((f) => f.getName() === 'from')) continue;
    for (const src of copyArgs(copy).slice(0, -1)) {
      const first = src.replace(/^\.?\/+/, '').split('/')[0];
      if (first && first !== '.') names.add(first);
    }
  }
  return names;
}

/** The first COPY/ADD that copies the whole context (`COPY . .`, `ADD ./ /app`), as written. */
export function wholeContextCopy(model: DockerfileModel): string | undefined {
  for (const ins of model.ast.getInstructions()) {
    const kw = ins.getKeyword();
    if (kw !== 'COPY' && kw !== 'ADD') continue;
    const copy = ins as JSONInstruction;
    if (copy.getFlags().some((f) => f.getName() === 'from')) continue;
    // (?<!…): a match starts only where the trailing run starts (retried inside a long run of spaces, it was quadratic).
    if (copyArgs(copy).slice(0, -1).some((src) => /^(\.\/?|\.\/\*|\*|\/)$/.test(src))) return splitLines(model.doc.getText(ins.getRange()))[0].replace(/(?<!\s)\s*\\$/, '');
  }
  return undefined;
}
