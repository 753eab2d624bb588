// ShellCheck's answers kept on disk between CLI runs, for small runs: a pre-commit hook or an editor that shells
// out lints a few Dockerfiles again and again, and starting ShellCheck was ~20 ms of a 150 ms run. One file per
// input, named by a hash of the ShellCheck binary (its path, size and modification time: another version answers
// again), the options we give it and the input's text. Anything unreadable is a miss; anything unwritable is
// skipped. Entries unused for 30 days are removed, looked for at most once a day.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ShellcheckComment } from '../core/dockerfile/shellcheck-results';
import { writeCacheFile } from '../user-cache';

/** Answers of one ShellCheck binary, by input text. */
export interface ShellcheckAnswers {
  read(texts: readonly string[]): Map<string, ShellcheckComment[]>;
  write(answers: ReadonlyArray<readonly [string, ShellcheckComment[]]>): void;
}

const FORMAT = 'stevedore-shellcheck-answers-1';
const UNUSED_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The answers kept in `dir` for the binary at `binary` (a path; the options are part of the key too), or undefined
 * when the binary cannot be looked at.
 */
export function diskAnswers(dir: string, binary: string, options: string, now = Date.now()): ShellcheckAnswers | undefined {
  let identity: string;
  try {
    const real = fs.realpathSync(binary);
    const stat = fs.statSync(real);
    identity = `${FORMAT}\0${real}\0${stat.size}\0${Math.round(stat.mtimeMs)}\0${options}\0`;
  } catch {
    return undefined;
  }
  const fileOf = (text: string) => {
    const key = createHash('sha256').update(identity).update(text).digest('hex');
    return path.join(dir, key.slice(0, 2), `${key}.json`);
  };
  return {
    read(texts) {
      const found = new Map<string, ShellcheckComment[]>();
      for (const text of texts) {
        const file = fileOf(text);
        try {
          const comments: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
          if (!Array.isArray(comments) || !comments.every(isComment)) continue;
          found.set(text, comments);
          // Used now: pruning goes by the last use.
          fs.utimesSync(file, now / 1000, now / 1000);
        } catch {
          // Not kept yet, or unreadable: ShellCheck is asked.
        }
      }
      return found;
    },
    write(answers) {
      try {
        for (const [text, comments] of answers) writeCacheFile(fileOf(text), JSON.stringify(comments));
        pruneDaily(dir, now);
      } catch {
        // A cache that cannot be written changes nothing but the next run's time.
      }
    },
  };
}

function isComment(c: unknown): c is ShellcheckComment {
  const o = c as Partial<ShellcheckComment> | null;
  return typeof o === 'object' && o !== null && typeof o.line === 'number' && typeof o.column === 'number' && typeof o.code === 'number' && typeof o.message === 'string';
}

/** Removes entries unused for UNUSED_DAYS, at most once a day (a marker file's time says when it last ran). */
function pruneDaily(dir: string, now: number): void {
  const marker = path.join(dir, '.pruned');
  try {
    if (now - fs.statSync(marker).mtimeMs < DAY_MS) return;
  } catch {
    // Never pruned: prune now.
  }
  fs.writeFileSync(marker, '', { mode: 0o600 });
  fs.utimesSync(marker, now / 1000, now / 1000);
  const cutoff = now - UNUSED_DAYS * DAY_MS;
  for (const shard of fs.readdirSync(dir)) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of fs.readdirSync(path.join(dir, shard))) {
      const file = path.join(dir, shard, name);
      try {
        if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
      } catch {
        // Gone meanwhile.
      }
    }
  }
}
