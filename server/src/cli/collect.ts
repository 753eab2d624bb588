// One full garbage collection on request, for the CLI's phase boundaries. Node exposes `gc` only when started with
// --expose-gc; setting the flag at run time gives new contexts a `gc`, and it is unset again at once because V8 keeps
// a hash of its flags in the code cache (a cache saved under other flags is rejected and rewritten on every run).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | undefined | null = null;

/** Runs a full garbage collection (nothing when the runtime refuses). */
export function fullCollection(): void {
  if (collector === null) {
    try {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
    } catch {
      collector = undefined;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  collector?.();
}
