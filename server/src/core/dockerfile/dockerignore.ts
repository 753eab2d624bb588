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

/** One pattern of an ignore file as Docker reads it: cleaned, and whether it is a `!` exception. */
export interface IgnorePattern {
  pattern: string;
  exclusion: boolean;
  regex: RegExp;
}

/** The patterns of an ignore file the way Docker reads them: comments and blank lines dropped, paths cleaned. */
export function readIgnorePatterns(text: string): IgnorePattern[] {
  const out: IgnorePattern[] = [];
  for (const raw of splitLines(text)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const exclusion = line.startsWith('!');
    if (exclusion) line = line.slice(1).trim();
    const pattern = cleanPath(line);
    if (pattern && pattern !== '.') out.push({ pattern, exclusion, regex: patternRegex(pattern) });
  }
  return out;
}

/** A path cleaned like Go's filepath.Clean, relative to the context root (no leading `/` or `./`). */
export function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/') || '.';
}

/** Docker's pattern syntax (moby/patternmatcher) as a regular expression: `*`, `?`, `**`, classes and `\` escapes. */
function patternRegex(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] !== '*') {
        re += '[^/]*';
        continue;
      }
      i++;
      if (pattern[i + 1] === '/') i++;
      re += i + 1 >= pattern.length ? '.*' : '((.*/)|([^/]*))';
      if (pattern[i + 1] === '/') i++;
    } else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) re += '\\' + pattern[++i];
    else if (c === '[') {
      // A class is copied as written, up to its `]`.
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return /(?!)/;
      re += pattern.slice(i, end + 1);
      i = end;
    } else re += c.replace(/[.+()|{}$^\]]/g, '\\$&');
  }
  try {
    return new RegExp(re + '$');
  } catch {
    // A malformed class: Docker fails to match it; so does this.
    return /(?!)/;
  }
}

/** The pattern that excludes `path` or one of its parent folders (patternmatcher's MatchesOrParentMatches), if any. */
export function ignoringPattern(patterns: IgnorePattern[], path: string): string | undefined {
  const parts = cleanPath(path).split('/');
  for (const p of patterns) {
    if (p.exclusion) continue;
    for (let n = parts.length; n > 0; n--) if (p.regex.test(parts.slice(0, n).join('/'))) return p.pattern;
  }
  return undefined;
}
