// Build and measure, for the CLI (`stevedore size`) and the language server: builds a Dockerfile (or a text not yet
// saved, written to a temporary file and built with --file against the original context), maps the image's
// history to the instructions (core/image/layer-map.ts), builds each builder stage with --target for its
// not-shipped layers, optionally reads the image's save stream for wasted bytes (core/image/wasted.ts), then
// removes the temporary file and, unless asked to keep them, the images it built.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DockerfileModel } from '../core/dockerfile/model';
import { addBuilderStage, builderStages, mapHistory, type ImageMeasurement } from '../core/image/layer-map';
import { analyzeImageArchive } from '../core/image/wasted';
import { buildImage, imageHistory, imageSize, removeImage, saveImage, type Engine } from './image-engine';

export interface MeasureRequest {
  engine: Engine;
  /** The Dockerfile's path (its name appears in messages; with `text`, the file is not read). */
  dockerfile: string;
  context: string;
  /** The text to build instead of the file's (an unsaved editor, a fixed copy). */
  text?: string;
  /** The model of the text that is built. */
  model: DockerfileModel;
  signal?: AbortSignal;
  onOutput?: (chunk: string) => void;
  /** Also read the image's layers for wasted bytes and efficiency. */
  wasted?: boolean;
  /** Bound for each build. */
  timeoutMs?: number;
  /** Keep the built images (default: removed once measured). */
  keepImage?: boolean;
}

/** Builds and measures; rejects with the engine module's EngineError when a build fails or is cancelled. */
export async function measureDockerfile(r: MeasureRequest): Promise<ImageMeasurement> {
  const dir = r.text !== undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-measure-')) : undefined;
  const dockerfile = dir ? path.join(dir, path.basename(r.dockerfile) || 'Dockerfile') : r.dockerfile;
  if (dir) fs.writeFileSync(dockerfile, r.text!);
  const built: string[] = [];
  const build = async (target?: string) => {
    const { imageId } = await buildImage({ engine: r.engine, dockerfile, context: r.context, target, signal: r.signal, onOutput: r.onOutput, timeoutMs: r.timeoutMs });
    built.push(imageId);
    return imageId;
  };
  try {
    const imageId = await build();
    const [history, total] = [await imageHistory(r.engine, imageId, r.signal), await imageSize(r.engine, imageId)];
    const m = mapHistory(r.model, history, { imageId, total, engine: r.engine.name });
    for (const stage of builderStages(r.model)) {
      const id = await build(stage.name);
      addBuilderStage(m, stage, await imageHistory(r.engine, id, r.signal));
    }
    if (r.wasted) m.wasted = await analyzeImageArchive(saveImage(r.engine, imageId, r.signal) as AsyncIterable<Uint8Array | string>, { signal: r.signal });
    return m;
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (!r.keepImage) for (const id of built.reverse()) await removeImage(r.engine, id).catch(() => undefined);
  }
}
