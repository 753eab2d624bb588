// Wasted bytes of a built image: the engine's `save` stream (image-engine.ts) read by core/image/wasted.ts as it
// arrives, so nothing is written to disk and memory stays flat whatever the image's size. A failed or cancelled
// read stops the `save` process; every failure is an EngineError.
import { analyzeImageArchive, type WastedReport } from '../core/image/wasted';
import { EngineError, saveImage, type Engine } from './image-engine';

/** Streams `<engine> save <image>` into the wasted-bytes analysis; rejects with an EngineError. */
export async function wastedBytes(engine: Engine, image: string, signal?: AbortSignal): Promise<WastedReport> {
  const cancelled = () => new EngineError('cancelled', `reading the layers of ${image} was cancelled`);
  if (signal?.aborted) throw cancelled();
  const stop = new AbortController();
  const onAbort = () => stop.abort(cancelled());
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await analyzeImageArchive(saveImage(engine, image, stop.signal), { signal: stop.signal });
  } catch (e) {
    if (signal?.aborted) throw cancelled();
    if (e instanceof EngineError) throw e;
    throw new EngineError('failed', `${engine.name} save ${image} gave no readable image: ${(e as Error).message}`);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Ends a `save` still writing after the read failed; a finished one has exited already.
    stop.abort();
  }
}
