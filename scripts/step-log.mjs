// Quiet progress for long scripts (code-server install, `npm start`): one line per step on the terminal, everything
// the steps' commands print goes to a log file, and a failure names that file (plus its last lines) so the details
// are one `less` away instead of 450 lines of npm output scrolling past.
import { spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** An Error whose message already says where the details are; scripts print it as is. */
export class StepError extends Error {}

/** The last `count` non-empty lines of a file ('' when it cannot be read). */
export function tailOf(file, count = 8) {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).slice(-count).join('\n');
  } catch {
    return '';
  }
}

/**
 * Creates a step logger writing details to `logFile` (truncated unless `append`) and progress lines to `out`.
 * `step(title, fn)` prints `prefix title … done (N s)` as one line; `run(cmd, args)` runs a command with its output in
 * the log; `note(text)` adds a line to the log only.
 */
export function createStepLog(logFile, { out = process.stderr, prefix = '', append = false } = {}) {
  mkdirSync(dirname(logFile), { recursive: true });
  if (!append) writeFileSync(logFile, '');
  const note = (text) => appendFileSync(logFile, `${text.endsWith('\n') ? text : `${text}\n`}`);
  note(`--- ${new Date().toISOString()} ${process.argv.slice(1).join(' ')}`);

  const failure = (what) => {
    const tail = tailOf(logFile);
    return new StepError(`${what}; details in ${logFile}${tail ? `\n${tail.replace(/^/gm, '  | ')}` : ''}`);
  };

  /**
   * Runs `fn` as one step; a thrown error becomes a StepError naming the log. Returns what `fn` returns (a promise
   * when `fn` is async, so synchronous callers such as installCodeServer stay synchronous).
   */
  function step(title, fn) {
    out.write(`${prefix}${title} … `);
    note(`\n## ${title}`);
    const started = Date.now();
    const done = (result) => {
      out.write(`done (${Math.round((Date.now() - started) / 100) / 10} s)\n`);
      return result;
    };
    const fail = (e) => {
      out.write('failed\n');
      const message = e instanceof Error ? e.message : String(e);
      note(`step failed: ${message}`);
      throw e instanceof StepError ? e : failure(`${title} failed: ${message}`);
    };
    let result;
    try {
      result = fn();
    } catch (e) {
      fail(e);
    }
    return typeof result?.then === 'function' ? result.then(done, fail) : done(result);
  }

  /** Runs a command synchronously with stdout and stderr appended to the log; throws a StepError on failure. */
  function run(cmd, args, options = {}) {
    note(`$ ${[cmd, ...args].join(' ')}`);
    const fd = openSync(logFile, 'a');
    try {
      const r = spawnSync(cmd, args, { ...options, stdio: ['ignore', fd, fd] });
      if (r.error) throw failure(`${cmd} ${args.join(' ')}: ${r.error.message}`);
      if (r.status !== 0) throw failure(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
      return r;
    } finally {
      closeSync(fd);
    }
  }

  return { logFile, step, run, note };
}
