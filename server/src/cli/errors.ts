// The CLI's error contract: exit 2 with ONE line on stderr, `stevedore: <path>: <message>`, whatever went wrong;
// the stack trace only with --debug or STEVEDORE_DEBUG=1. CI logs stay readable and scripts can grep the path.
import * as fs from 'node:fs';

/** An I/O or configuration problem the user can act on: exit 2 with a one-line message naming the path. */
export class InputError extends Error {}

/** An unexpected error while reading or linting one file: reported as `<path>: <first line of the error>`. */
export class FileError extends Error {
  constructor(
    readonly path: string,
    readonly error: unknown,
  ) {
    super(firstLine(error));
  }
}

/** The first non-empty line of an error's message (emscripten throws strings, some errors have multi-line messages). */
export function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message || e.name : typeof e === 'string' ? e : String(e);
  return (
    text
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .find(Boolean) ?? 'unexpected error'
  );
}

export function ioError(file: string, e: unknown): InputError {
  const err = e as NodeJS.ErrnoException;
  const reason = err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : err.code === 'EISDIR' ? 'is a directory' : firstLine(e);
  return new InputError(`${file}: ${reason}`);
}

/** Whether stack traces were asked for: `--debug` anywhere in argv or STEVEDORE_DEBUG set to anything but "" or "0". */
export function debugRequested(argv: string[], env: Record<string, string | undefined>): boolean {
  const fromEnv = env.STEVEDORE_DEBUG;
  return argv.includes('--debug') || (fromEnv !== undefined && fromEnv !== '' && fromEnv !== '0');
}

/** The stderr text for an error that ends the run: one line, plus the stack when debugging. */
export function errorReport(e: unknown, debug: boolean): string {
  const line = e instanceof FileError ? `stevedore: ${e.path}: ${e.message}` : e instanceof InputError ? `stevedore: ${e.message}` : `stevedore: ${firstLine(e)}`;
  // An InputError may carry the error behind it (`new InputError(msg, { cause })`) for --debug to show.
  const cause = e instanceof FileError ? e.error : e instanceof InputError ? e.cause : e;
  const stack = debug && cause instanceof Error && !(cause instanceof InputError) ? cause.stack : undefined;
  return stack ? `${line}\n${stack}\n` : `${line}\n`;
}

/**
 * Last-resort guards for errors that escape main()'s try (callbacks, rejected promises nobody awaited) and for a
 * reader that went away (`stevedore lint . | head`): still one line and exit 2, or a quiet exit on EPIPE.
 */
export function installProcessGuards(debug: boolean, currentPath: () => string | undefined): void {
  const die = (e: unknown) => {
    const where = currentPath();
    fs.writeSync(2, errorReport(where ? new FileError(where, e) : e, debug));
    process.exit(2);
  };
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    die(e);
  });
}
