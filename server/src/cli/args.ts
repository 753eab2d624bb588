// Command-line parsing for `stevedore lint`. Usage errors throw UsageError (exit code 2).
import { SEVERITIES, type Severity } from '../core/types';
import { InputError } from './errors';

export type Format = 'text' | 'json' | 'sarif';

export interface LintArgs {
  paths: string[];
  format: Format;
  fix: boolean;
  failOn?: Severity | 'none';
  config?: string;
  stdinFilename?: string;
  /** `--color` / `--no-color`; undefined leaves it to the environment and the terminal (see color.ts). */
  color?: boolean;
  /** Print the stack trace of an unexpected error (also STEVEDORE_DEBUG=1). */
  debug: boolean;
  /** `--shellcheck PATH`: the ShellCheck binary (default `shellcheck` on PATH); false with `--no-shellcheck`. */
  shellcheck?: string | false;
}

/** A command-line mistake: exit 2 with a one-line message (no stack even with --debug). */
export class UsageError extends InputError {}

export const USAGE = `Usage: stevedore lint [options] <path|->...
       stevedore size [options] <Dockerfile|folder>...   (stevedore size -h: layer sizes from a real build)
       stevedore --version

Lints Dockerfiles and Kubernetes manifests (files, or folders walked for Dockerfile*, *.dockerfile,
Containerfile, *.yaml and *.yml; .gitignore respected).

Options:
  --format text|json|sarif   output format (default: text)
  --fix                      apply every fix that is safe unattended, then report what is left
  --fail-on error|warning|info|hint|none
                             exit 1 when a finding is at or above this severity (default: warning)
  --config FILE              use this .stevedore.yaml instead of the nearest one
  --stdin-filename NAME      name (and folder for the build context) of the text read from "-"
  --color, --no-color        colour the text output or not (default: colour on a terminal; NO_COLOR and
                             FORCE_COLOR are honoured, the flags win over them)
  --shellcheck PATH          the ShellCheck binary that checks RUN scripts (default: shellcheck on PATH)
  --no-shellcheck            do not run ShellCheck
  --debug                    print the stack trace of an unexpected error (also STEVEDORE_DEBUG=1)
  -h, --help                 show this help
  -v, --version              print the version

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, I/O or configuration error
(one line on stderr: "stevedore: <path>: <message>").`;

/** Parses argv after the `lint` subcommand. */
export function parseLintArgs(argv: string[]): LintArgs {
  const args: LintArgs = { paths: [], format: 'text', fix: false, debug: false };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('--') && v !== '-')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const flagOnly = (): void => {
      if (inline !== undefined) throw new UsageError(`${a} takes no value`);
    };
    const take = (flag: string): string => {
      if (inline !== undefined) return inline;
      const v = value(i, flag);
      i++;
      return v;
    };
    switch (a) {
      case '--format': {
        const f = take(a);
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}"`);
        args.format = f;
        break;
      }
      case '--fix':
        flagOnly();
        args.fix = true;
        break;
      case '--fail-on': {
        const f = take(a);
        if (f !== 'none' && !(SEVERITIES as readonly string[]).includes(f)) throw new UsageError(`--fail-on must be error, warning, info, hint or none, not "${f}"`);
        args.failOn = f as Severity | 'none';
        break;
      }
      case '--config':
        args.config = take(a);
        break;
      case '--stdin-filename':
        args.stdinFilename = take(a);
        break;
      case '--no-color':
        flagOnly();
        args.color = false;
        break;
      case '--color':
        flagOnly();
        args.color = true;
        break;
      case '--debug':
        flagOnly();
        args.debug = true;
        break;
      case '--shellcheck':
        args.shellcheck = take(a);
        break;
      case '--no-shellcheck':
        flagOnly();
        args.shellcheck = false;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${argv[i]}`);
        args.paths.push(argv[i]);
    }
  }
  if (!args.paths.length) throw new UsageError('no paths given (use - for standard input)');
  if (args.paths.filter((p) => p === '-').length > 1) throw new UsageError('- may be given only once');
  if (args.fix && args.paths.includes('-')) throw new UsageError('--fix cannot write to standard input; pipe the file instead');
  return args;
}
