// Spawns a built `stevedore` CLI as CI would: an argument array, piped output, a clean colour environment.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The bundle `npm run build` writes (STEVEDORE_TEST_CLI points the tests at another, e.g. an older commit's). */
export const BUILT_CLI = process.env.STEVEDORE_TEST_CLI ?? path.resolve(__dirname, '../../dist/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string;
  /** Added to the environment; NO_COLOR, FORCE_COLOR and STEVEDORE_DEBUG are removed unless given here. */
  env?: Record<string, string>;
  /** Another CLI entry point (e.g. an installed bin) instead of dist/cli.js. */
  cli?: string;
  /** Kill the run after this long (its code is then null). */
  timeoutMs?: number;
}

/** Runs the CLI with Node and returns its exit code and output. */
export function runCli(args: string[], options: CliOptions = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'STEVEDORE_DEBUG']) delete env[name];
  Object.assign(env, options.env);
  const r = spawnSync(process.execPath, [options.cli ?? BUILT_CLI, ...args], { cwd: options.cwd, input: options.input, env, encoding: 'utf8', maxBuffer: 64 << 20, timeout: options.timeoutMs });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
