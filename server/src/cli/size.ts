// `stevedore size`: builds each Dockerfile with the user's image engine (docker, podman or buildah) and reports the
// bytes each instruction's layer adds, the base image, wasted bytes and efficiency (tools/measure.ts); with
// --compare-fix it also applies the safe fixes of the size rules to a copy (core's fixUntilStable, the loop of
// `lint --fix`), builds that and prints before/after. A missing engine or a failed build: exit 2 with one line
// naming the file, the build log's last lines after it on stderr.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectConfigLoader } from '../core/config';
import { FolderContext } from '../core/context';
import { defaultContextRoot } from '../core/dockerfile/analyze';
import { buildModel } from '../core/dockerfile/model';
import { initShellParser } from '../core/dockerfile/shell';
import { fixUntilStable } from '../core/fixes';
import { ManifestWorkspace } from '../core/k8s/workspace';
import { languageOfFile } from '../core/languages/language';
import { walk } from '../core/walk';
import { languages, LANGUAGES, rulesById } from '../rules';
import { EngineError, findEngine, type Engine, type EngineName } from '../tools/image-engine';
import { measureDockerfile } from '../tools/measure';
import { UsageError } from './args';
import { debugRequested, errorReport, InputError, ioError } from './errors';
import { formatSizeJson, formatSizeText, type SizeReport } from './size-format';
import { fixInputOf, lintText, type LintTarget } from './lint';

export const SIZE_USAGE = `Usage: stevedore size [options] <Dockerfile|folder>...

Builds each Dockerfile (folders are walked for Dockerfiles) with your image engine and prints the size of the
layer each instruction adds, the running total, the base image, and the bytes later layers delete or overwrite
(wasted) with the image's efficiency. Each build runs the file's commands. The images are removed afterwards.

Options:
  --engine auto|docker|podman|buildah
                             the engine (default auto: docker when its daemon answers, else podman, else buildah)
  --format text|json         output format (default: text)
  --compare-fix              also build a copy with the safe fixes of the size rules applied and print
                             before/after with the difference in bytes and percent
  --debug                    print the stack trace of an unexpected error (also STEVEDORE_DEBUG=1)
  -h, --help                 show this help

Exit codes: 0 measured, 2 usage error, no engine, or a build failed (one line on stderr: "stevedore: <path>:
<message>", then the build log's last lines).`;

export interface SizeArgs {
  paths: string[];
  engine: 'auto' | EngineName;
  format: 'text' | 'json';
  compareFix: boolean;
}

const ENGINES = ['auto', 'docker', 'podman', 'buildah'];

/** Parses argv after the `size` subcommand. */
export function parseSizeArgs(argv: string[]): SizeArgs {
  const args: SizeArgs = { paths: [], engine: 'auto', format: 'text', compareFix: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const take = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--engine') {
      const e = take();
      if (!ENGINES.includes(e)) throw new UsageError(`--engine must be auto, docker, podman or buildah, not "${e}"`);
      args.engine = e as SizeArgs['engine'];
    } else if (flag === '--format') {
      const f = take();
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not "${f}"`);
      args.format = f;
    } else if (flag === '--compare-fix') args.compareFix = true;
    else if (flag === '--debug') continue;
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag} (try: stevedore size --help)`);
    else args.paths.push(flag);
  }
  if (!args.paths.length) throw new UsageError('no Dockerfile given (try: stevedore size --help)');
  return args;
}

/** Dockerfiles named or found in the named folders. */
function dockerfiles(paths: string[]): string[] {
  return paths.flatMap((p) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw ioError(p, e);
    }
    if (!stat.isDirectory()) return [p];
    const found = walk(p).filter((f) => languageOfFile(LANGUAGES, f) === languages.dockerfile);
    if (!found.length) throw new InputError(`${p}: no Dockerfile in this folder`);
    return found;
  });
}

const sizeRules = new Map([...rulesById].filter(([, r]) => r.category === 'size'));

/** The text with the size rules' safe fixes applied until stable (files they would create are left out). */
function sizeFixed(file: string, text: string): { text: string; rules: string[] } {
  const disk = path.resolve(file);
  const target: LintTarget = {
    language: languages.dockerfile,
    env: { path: disk, context: new FolderContext(defaultContextRoot(disk)), workspace: new ManifestWorkspace(), config: projectConfigLoader()(path.dirname(disk)) },
  };
  const outcome = fixUntilStable(text, { rulesById: sizeRules, analyze: (t) => ({ findings: lintText(t, target), input: fixInputOf(t, target) }) });
  return { text: outcome.text, rules: outcome.passes.flat().map((a) => a.finding.ruleId) };
}

/** An engine failure as the CLI reports it: the file, the message, then the log's last lines. */
class BuildFailed extends InputError {
  constructor(
    readonly file: string,
    readonly error: EngineError,
  ) {
    super(`${file}: ${error.message}`, { cause: error });
  }
}

async function measureFile(engine: Engine, file: string, compareFix: boolean): Promise<SizeReport> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw ioError(file, e);
  }
  const dockerfile = path.resolve(file);
  const context = path.dirname(dockerfile);
  const measure = async (t?: string) => {
    try {
      return await measureDockerfile({ engine, dockerfile, context, text: t, model: buildModel(t ?? text), wasted: true });
    } catch (e) {
      throw e instanceof EngineError ? new BuildFailed(file, e) : e;
    }
  };
  const report: SizeReport = { path: file, text, measurement: await measure() };
  if (compareFix) {
    const fixed = sizeFixed(file, text);
    report.fix = { rules: fixed.rules, text: fixed.text, measurement: fixed.text === text ? undefined : await measure(fixed.text) };
  }
  return report;
}

/** Runs `stevedore size`; returns the exit code. */
export async function sizeMain(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(SIZE_USAGE + '\n');
    return 0;
  }
  const debug = debugRequested(argv, env);
  try {
    const args = parseSizeArgs(argv);
    const files = dockerfiles(args.paths);
    await initShellParser();
    let engine: Engine;
    try {
      engine = await findEngine({ engine: args.engine, env: env as NodeJS.ProcessEnv });
    } catch (e) {
      if (e instanceof EngineError) throw new InputError(`${files[0]}: cannot build: ${e.message}`, { cause: e });
      throw e;
    }
    const reports: SizeReport[] = [];
    for (const file of files) {
      const report = await measureFile(engine, file, args.compareFix);
      reports.push(report);
      if (args.format === 'text') process.stdout.write(`${formatSizeText(report)}\n\n`);
    }
    if (args.format === 'json') process.stdout.write(formatSizeJson(reports) + '\n');
    return 0;
  } catch (e) {
    process.stderr.write(errorReport(e, debug));
    if (e instanceof BuildFailed && e.error.logTail) process.stderr.write(`${e.error.logTail}\n`);
    return 2;
  }
}
