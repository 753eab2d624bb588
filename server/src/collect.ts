// Full garbage collections at the points where a run or a session knows most of its heap just became garbage: the
// CLI's phase boundaries, and the language server after an analysis that left much behind. Node exposes `gc` only
// when started with --expose-gc; setting the flag at run time gives new contexts a `gc`, and it is unset again at
// once because V8 keeps a hash of its flags in the code cache (a cache saved under other flags is rejected and
// rewritten on every run).
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
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

/** The heap in use after the last collection made here. */
let liveAfterLast = 0;

/**
 * A full collection when the heap in use has grown by `growthBytes` since the last one made here. V8 collects its old
 * generation late: each analysis of a 10,000-line Dockerfile promotes ~6 MB that is garbage once the next one
 * replaces it, and three quick edits grew the server from 88 to 113 MB without a major collection. Called once an
 * answer has been sent, so the collection (10–20 ms at that size) does not delay it.
 */
export function collectIfGrown(growthBytes: number): void {
  if (getHeapStatistics().used_heap_size - liveAfterLast < growthBytes) return;
  fullCollection();
  liveAfterLast = getHeapStatistics().used_heap_size;
}
