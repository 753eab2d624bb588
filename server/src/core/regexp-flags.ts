// A regular expression with nested quantifiers backtracks exponentially on a string it almost matches:
// dockerfile-utils 0.16.3 checks a build stage name with /^[a-z]([a-z0-9_\-.]*)*$/, so
// `FROM node:20 x aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa="p"` (found by `npm run fuzz`) hung the language server and the CLI
// (3 s at 26 letters, doubling with each one more). V8 can move a match that has backtracked too often to its
// linear-time engine, with the same answer. The server and the CLI turn that on before their code is compiled (a
// code cache is only accepted under the flags it was made with); the validator (dockerfile/validation.ts) turns it
// on when it is loaded, for every other process that runs it (tests, tools).
import { setFlagsFromString } from 'node:v8';

/** V8 flags that bound regular-expression matching (server.ts, cli/v8-flags.ts). */
export const REGEXP_V8_FLAGS: readonly string[] = ['--enable-experimental-regexp-engine-on-excessive-backtracks'];

/** Sets REGEXP_V8_FLAGS in this process (again: setting a flag to the value it has changes nothing). */
export function boundRegexpBacktracking(): void {
  for (const flag of REGEXP_V8_FLAGS) setFlagsFromString(flag);
}
