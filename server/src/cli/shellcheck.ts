// ShellCheck in the CLI: before linting, the RUNs of every Dockerfile input go to ONE ShellCheck process (unless
// `--no-shellcheck`, or the shellcheck rule is off in the file's config), so the shellcheck rule finds its answers
// when the files are linted (in this thread: the answers are this thread's cache). The binary is `--shellcheck PATH`, else `shellcheck` on PATH; without it one line on
// stderr says how to install it and everything else is linted as usual.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleLevel, type Config } from '../core/config';
import { buildModel } from '../core/dockerfile/model';
import { shellcheckInputs } from '../core/dockerfile/shellcheck-input';
import type { RuleMeta } from '../core/rule';
import { rulesById } from '../rules';
import { SHELLCHECK_OPTIONS, ShellcheckRunner, type ShellcheckOutcome } from '../tools/shellcheck';
import { diskAnswers } from '../tools/shellcheck-answers';
import { userCacheFolder } from '../user-cache';
import { fullCollection } from '../collect';

/** Below this many Dockerfiles the prefill's garbage is not worth a full collection. */
const FEW_MODELS = 20;

export interface ShellcheckInputFile {
  text: string;
  diskPath?: string;
  /** Only Dockerfiles are given to ShellCheck. */
  language: { id: string };
}

/**
 * Runs ShellCheck once over the RUNs of all Dockerfile inputs whose config leaves the shellcheck rule on. `started`
 * resolves once ShellCheck runs (or will not), `done` with how it ended ('cached' when there was nothing to check):
 * in between the caller lints what does not need the answers, on this core while ShellCheck uses the other.
 */
export function prefillShellcheck(
  files: readonly ShellcheckInputFile[],
  binary: string | undefined,
  configFor: (dir: string) => Config,
  warn: (line: string) => void,
  env: Record<string, string | undefined> = process.env,
  grammarFor: (text: string) => Promise<void> = async () => undefined,
): { started: Promise<void>; done: Promise<ShellcheckOutcome> } {
  const rule = rulesById.get('shellcheck');
  if (!binary || !rule) return { started: Promise.resolve(), done: Promise.resolve('cached') };
  const run = collect(files, rule, configFor, grammarFor).then((inputs) => start(inputs, binary, warn, env));
  // `started` rejects when a file's RUNs need the shell grammar and it cannot be loaded.
  return { started: run.then((r) => r.started), done: run.then((r) => r.done, () => 'cached' as const) };
}

/** The ShellCheck inputs of the files the rule is on for, each once; a file's RUNs are parsed with what they need. */
async function collect(files: readonly ShellcheckInputFile[], rule: RuleMeta, configFor: (dir: string) => Config, grammarFor: (text: string) => Promise<void>): Promise<Set<string>> {
  // Only the texts are kept (a ShellcheckInput holds its RUN, and through it the file's whole model: 250 models
  // held at once were ~25 MB of a folder run's peak), each once.
  const inputs = new Set<string>();
  let models = 0;
  for (const file of files) {
    if (file.language.id !== 'dockerfile') continue;
    try {
      if (ruleLevel(rule, configFor(file.diskPath ? path.dirname(file.diskPath) : process.cwd())) === 'off') continue;
      models++;
    } catch {
      // A config error is reported when the file is linted.
      continue;
    }
    await grammarFor(file.text);
    try {
      for (const input of shellcheckInputs(buildModel(file.text))) inputs.add(input.text);
    } catch {
      // A parse error is reported when the file is linted.
    }
  }
  // The models built here are garbage now, but V8 collects its old generation lazily: 250 of them (bench:peers'
  // folder) raised the run's peak from 147 to 172 MB. One full collection brings it back to ~150 MB; it costs about
  // 10 ms (a new context and the collection), so a run over a few Dockerfiles, which gains nothing, skips it.
  if (inputs.size && models >= FEW_MODELS) fullCollection();
  return inputs;
}

/** Starts ShellCheck on `inputs`; `started` once it is running, `done` once it answered. */
function start(inputs: Set<string>, binary: string, warn: (line: string) => void, env: Record<string, string | undefined>): { started: Promise<void>; done: Promise<ShellcheckOutcome> } {
  const keptIn = shellcheckAnswersDir(env);
  const answers = keptIn ? diskAnswers(keptIn, binary, SHELLCHECK_OPTIONS.join(' ')) : undefined;
  const runner = new ShellcheckRunner({ path: binary, pathSetting: '--shellcheck PATH', notify: (m) => warn(`stevedore: ${m}\n`), answers });
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  return { started: running, done: runner.check([...inputs].map((text) => ({ text })), undefined, started) };
}

/**
 * Where ShellCheck's answers are kept between runs: STEVEDORE_SHELLCHECK_CACHE if set ('' keeps none), else
 * `shellcheck` in Stevedore's folder of the user's cache folder.
 */
export function shellcheckAnswersDir(env: Record<string, string | undefined>): string | undefined {
  return userCacheFolder('STEVEDORE_SHELLCHECK_CACHE', 'shellcheck', env as NodeJS.ProcessEnv);
}

/**
 * The ShellCheck binary this run uses: `--shellcheck PATH`, else `shellcheck` found on PATH; undefined with
 * `--no-shellcheck` or when none is found (then `warn` gets the one line saying how to install it).
 */
export function shellcheckBinary(flag: string | false | undefined, env: Record<string, string | undefined>, warn: (line: string) => void): string | undefined {
  if (flag === false) return undefined;
  if (flag) return flag;
  const exe = process.platform === 'win32' ? ['shellcheck.exe', 'shellcheck.cmd'] : ['shellcheck'];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    for (const name of exe) {
      const candidate = path.join(dir, name);
      if (dir && isFile(candidate)) return candidate;
    }
  }
  warn(`stevedore: ShellCheck was not found on PATH, so RUN scripts are checked without it. Install it (apt-get install shellcheck, brew install shellcheck, dnf install ShellCheck, choco install shellcheck) or pass --shellcheck PATH (--no-shellcheck silences this).\n`);
  return undefined;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
