// Applying fixes to files on disk (core's fixUntilStable, writing other files as it goes), atomic writes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, fixUntilStable } from '../core/fixes';
import { fixInputOf, lintText, type LintTarget } from './lint';
import { rulesById } from '../rules';

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

/**
 * Applies safe fixes to `text` until a pass changes nothing. Files the fixes create or edit are written
 * (atomically) as they are produced and reported through `onWrite`; the main text is returned for the caller to write.
 */
export function fixText(text: string, target: LintTarget, onWrite: (file: string, text: string) => void = () => {}): FixOutcome {
  const touched = new Set<string>();
  const outcome = fixUntilStable(text, {
    rulesById,
    analyze: (t) => ({ findings: lintText(t, { ...target, options: { ...target.options, keepResults: true } }), input: fixInputOf(t, target) }),
    writeFiles(files) {
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
    },
  });
  return { text: outcome.text, fixed: outcome.passes.flat().map((a) => a.finding.ruleId), touched: [...touched] };
}
