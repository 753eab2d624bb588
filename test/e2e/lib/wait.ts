// Waiting on conditions (never fixed sleeps): poll a check until it holds or a deadline passes.
import * as fs from 'node:fs';

/** Polls `check` every `intervalMs` until it returns a value other than undefined/false; throws with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Waits until the file exists and its content satisfies `accept`; returns the content. */
export function waitForFile(file: string, accept: (text: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
  let last: string | undefined;
  return waitFor(
    `${what} (${file}${last === undefined ? ', missing' : ''})`,
    () => {
      if (!fs.existsSync(file)) return undefined;
      last = fs.readFileSync(file, 'utf8');
      return accept(last) ? last : undefined;
    },
    timeoutMs,
  ).catch((e: Error) => {
    throw new Error(`${e.message}${last === undefined ? '; the file does not exist' : `; the file holds:\n${last}`}`);
  });
}

/** Rejects after `ms` with `what` unless the promise settles first. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_r, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
