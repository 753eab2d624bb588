// Applying fixes to files on disk: repeated passes until nothing changes, atomic writes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, collectFixes } from '../core/fixes';
import { fixInputOf, lintText, type LintTarget } from './lint';
import { rulesById } from '../rules';
import type { Finding } from '../core/types';

/** Writes a file atomically: a temp file in the same folder, then rename over the target. */
export function writeAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.stevedore-${process.pid}.tmp`);
  try {
    let mode: number | undefined;
    try {
      mode = fs.statSync(file).mode;
    } catch {
      mode = undefined;
    }
    fs.writeFileSync(tmp, text, mode === undefined ? undefined : { mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export interface FixOutcome {
  text: string;
  /** Rule ids fixed, one per applied fix. */
  fixed: string[];
  /** Other files created or edited. */
  touched: string[];
}

const MAX_PASSES = 10;

/**
 * Applies safe fixes to `text` until a pass changes nothing. Files the fixes create or edit are written
 * (atomically) as they are produced and reported through `onWrite`; the main text is returned for the caller to write.
 */
export function fixText(text: string, target: LintTarget, onWrite: (file: string, text: string) => void = () => {}): FixOutcome {
  const fixed: string[] = [];
  const touched = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const findings: Finding[] = lintText(text, target);
    const { applied, edits, files } = collectFixes(fixInputOf(text, target), findings, rulesById, (f) => f.safe);
    if (!applied.length) break;
    for (const f of files) {
      let written: string;
      if (f.create !== undefined) {
        if (fs.existsSync(f.path)) continue;
        written = f.create;
      } else if (f.edits) {
        written = applyEdits(fs.readFileSync(f.path, 'utf8'), f.edits);
      } else continue;
      writeAtomic(f.path, written);
      onWrite(f.path, written);
      touched.add(f.path);
    }
    const next = applyEdits(text, edits);
    fixed.push(...applied.map((a) => a.finding.ruleId));
    if (next === text && !files.length) break;
    text = next;
  }
  return { text, fixed, touched: [...touched] };
}
