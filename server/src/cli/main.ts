// `stevedore` command line: the same analysis core as the editor, for CI pipelines.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { defaultContextRoot } from '../core/dockerfile/analyze';
import { ConfigError, configFailOn, projectConfigLoader, type Config } from '../core/config';
import { FolderContext } from '../core/context';
import { initShellParser } from '../core/dockerfile/shell';
import { languageOfFile, type Language } from '../core/languages/language';
import { ManifestWorkspace } from '../core/k8s/workspace';
import { fixInputOf, lintText, type LintTarget } from './lint';
import { languages, LANGUAGES, rulesById } from '../rules';
import { severityRank, type Finding, type Severity } from '../core/types';
import { parseLintArgs, USAGE, type LintArgs } from './args';
import { useColor } from './color';
import { debugRequested, errorReport, FileError, firstLine, InputError, installProcessGuards, ioError } from './errors';
import { fixText, writeAtomic } from './fixfile';
import { formatJson, formatSarif, formatText, type FileReport } from './format';
import { walk } from '../core/walk';

declare const STEVEDORE_VERSION: string | undefined;
const version = typeof STEVEDORE_VERSION === 'string' ? STEVEDORE_VERSION : '0.0.0-dev';

/** The file being read or linted, so an unexpected error can name it. */
let currentPath: string | undefined;

/** Runs `work` for one file; an unexpected error becomes a FileError naming it (our own errors pass through). */
function forFile<T>(file: string, work: () => T): T {
  currentPath = file;
  try {
    return work();
  } catch (e) {
    if (e instanceof InputError || e instanceof FileError) throw e;
    throw new FileError(file, e);
  } finally {
    currentPath = undefined;
  }
}

/** Expands the given paths into files to lint; folders are walked. */
function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      files.push(p);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw ioError(p, e);
    }
    if (stat.isDirectory()) files.push(...walk(p));
    else files.push(p);
  }
  return files;
}

function readStdin(): string {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch (e) {
    throw ioError('-', e);
  }
}

function fixableFlags(findings: Finding[], text: string, target: LintTarget): boolean[] {
  const input = fixInputOf(text, target);
  return findings.map((f) => (rulesById.get(f.ruleId)?.fixes ?? []).some((fix) => fix.safe && fix.apply(input, f) !== null));
}

function readInput(file: string): string {
  if (file === '-') return readStdin();
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw ioError(file, e);
  }
}

interface Input {
  file: string;
  displayPath: string;
  diskPath?: string;
  text: string;
  language: Language;
}

/** Reads every input and loads the manifests among them into one workspace for cross-file checks. */
function readInputs(files: string[], args: LintArgs): { inputs: Input[]; workspace: ManifestWorkspace } {
  const workspace = new ManifestWorkspace();
  const inputs = files.map((file): Input => {
    const fromStdin = file === '-';
    const displayPath = fromStdin ? args.stdinFilename ?? '-' : file;
    const diskPath = fromStdin ? (args.stdinFilename ? path.resolve(args.stdinFilename) : undefined) : path.resolve(file);
    return forFile(displayPath, () => {
      const text = readInput(file);
      // Named files of other kinds are linted as Dockerfiles (e.g. `stevedore lint build/Dockerfile-prod`).
      const language = languageOfFile(LANGUAGES, displayPath) ?? languages.dockerfile;
      if (diskPath) language.publish?.(workspace, diskPath, text);
      return { file, displayPath, diskPath, text, language };
    });
  });
  return { inputs, workspace };
}

/** What the files of one run share: the manifests, and the config files found and read. */
interface Run {
  workspace: ManifestWorkspace;
  configFor: (dir: string) => Config;
}

/** A file --fix wrote, shown the way the input's own path is (relative to the cwd when it was given relative). */
function displayPathOf(written: string, input: Input): string {
  if (!input.diskPath) return path.relative(process.cwd(), written) || written;
  return path.join(path.dirname(input.displayPath), path.relative(path.dirname(input.diskPath), written));
}

function lintOne(input: Input, args: LintArgs, run: Run): { report?: FileReport; failOn?: Severity | 'none' } {
  const { file, displayPath, diskPath, language } = input;
  let text = input.text;
  const dir = diskPath ? path.dirname(diskPath) : process.cwd();
  let config;
  try {
    config = run.configFor(dir);
  } catch (e) {
    if (e instanceof ConfigError) throw new InputError(e.message);
    throw e;
  }
  const onRuleError = (id: string, e: unknown) => process.stderr.write(`stevedore: ${displayPath}: rule ${id} failed: ${firstLine(e)}\n`);
  const target: LintTarget = {
    language,
    // The build context is the file's folder; text from stdin without a name has none.
    env: { path: diskPath, context: diskPath ? new FolderContext(defaultContextRoot(diskPath)) : undefined, workspace: run.workspace, config },
    options: { onRuleError },
  };
  if (!language.recognises(text, diskPath)) return {};
  let fixed: string[] = [];
  let wrote: string[] = [];
  if (args.fix && file !== '-') {
    const outcome = fixText(text, target, (other, written) => {
      languageOfFile(LANGUAGES, other)?.publish?.(run.workspace, other, written);
    });
    if (outcome.text !== text) {
      try {
        writeAtomic(file, outcome.text);
      } catch (e) {
        throw ioError(file, e);
      }
      text = outcome.text;
      if (diskPath) language.publish?.(run.workspace, diskPath, text);
    }
    fixed = outcome.fixed;
    wrote = outcome.touched.map((p) => displayPathOf(p, input));
  }
  const findings = lintText(text, target);
  return { report: { path: displayPath, findings, fixable: fixableFlags(findings, text, target), fixed, wrote }, failOn: configFailOn(config) };
}

/** Runs the CLI; returns the exit code. Never throws: every failure is one line on stderr and exit 2. */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const debug = debugRequested(argv, env);
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (!command) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  if (command === '-v' || command === '--version' || (command === 'lint' && (rest.includes('-v') || rest.includes('--version')))) {
    process.stdout.write(version + '\n');
    return 0;
  }
  if (command !== 'lint') {
    process.stderr.write(`stevedore: unknown command "${command}" (try: stevedore lint --help)\n`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  try {
    const args = parseLintArgs(rest);
    try {
      await initShellParser();
    } catch (e) {
      throw new InputError(`cannot load the shell parser: ${firstLine(e)}`, { cause: e });
    }
    const { inputs, workspace } = readInputs(collectFiles(args.paths), args);
    const reports: FileReport[] = [];
    let configFail: Severity | 'none' | undefined;
    // --fix writes a .dockerignore or manifests, never a config file.
    const run: Run = { workspace, configFor: projectConfigLoader(args.config ? path.resolve(args.config) : undefined) };
    for (const input of inputs) {
      const { report, failOn } = forFile(input.displayPath, () => lintOne(input, args, run));
      if (report) reports.push(report);
      configFail = failOn ?? configFail;
    }
    const color = useColor({ flag: args.color, env, isTTY: process.stdout.isTTY === true });
    const out = args.format === 'json' ? formatJson(reports) : args.format === 'sarif' ? formatSarif(reports, version) : formatText(reports, color);
    process.stdout.write(out + '\n');
    const failOn = args.failOn ?? configFail ?? 'warning';
    if (failOn === 'none') return 0;
    const failing = reports.some((r) => r.findings.some((f) => severityRank(f.severity) <= severityRank(failOn)));
    return failing ? 1 : 0;
  } catch (e) {
    process.stderr.write(errorReport(e, debug));
    return 2;
  }
}

if (require.main === module) {
  // The shell parser's WebAssembly runs on V8's baseline compiler only: optimising it in the background costs more
  // than a lint run gains from it (measured: 200 Dockerfiles 2.3–3.2 s → 1.5–2.0 s, 170 → 140 MB), and node would
  // wait for that work before exiting (a 2-line Dockerfile: 0.7 s → 0.25 s). Must precede the module's compilation.
  setFlagsFromString('--liftoff-only');
  const argv = process.argv.slice(2);
  installProcessGuards(debugRequested(argv, process.env), () => currentPath);
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}

