// Appending a command to the end of a RUN's script: how the cache rules clean up in the same layer.
import { appendToRun } from './edits';
import type { DockerfileModel, RunInfo } from './model';
import type { TextEdit } from '../types';

/**
 * An edit that runs `command` at the end of a RUN: ` && command` (on a continuation line for multi-line RUNs,
 * before a trailing `;`), or a new line of a heredoc body. Null for exec-form RUNs.
 */
export function appendCommand(model: DockerfileModel, run: RunInfo, command: string): TextEdit | null {
  if (run.execForm) return null;
  if (run.heredoc) {
    const at = model.positionAt(run.scriptEnd);
    return { range: { start: at, end: at }, newText: `${model.eol}${command}` };
  }
  const script = model.text.slice(run.scriptStart, run.scriptEnd);
  // (?<!…): a match starts only where the trailing run starts (retried inside a long run of spaces, it was quadratic).
  const trimmed = script.replace(/(?<![\s;])[\s;]+$/, '');
  if (!trimmed) return null;
  return appendToRun(model, { ...run, scriptEnd: run.scriptStart + trimmed.length }, command);
}
