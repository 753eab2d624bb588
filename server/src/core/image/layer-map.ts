// Mapping a built image's history to the Dockerfile's instructions: which instruction produced which layer and how
// many bytes it added. Pure: tools/measure.ts builds and reads the history, the CLI and the language server show
// the result. The history's last entries are the final stage's instructions (and those of the stages it is built
// FROM), matched from the end by keyword (podman and the legacy builder write `#(nop) ENV …`, BuildKit `ENV …`, a
// RUN is its shell command); everything before them is the base image. Every instruction with a history entry gets
// a LayerSize — metadata-only ones (ENV, LABEL, CMD, EXPOSE …) with `bytes: 0`; an instruction the engine recorded
// no entry for (BuildKit's ARG) gets none. Builder stages are measured by building `--target <stage>` and mapped
// with mapStage(…, shipped: false).
import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { WastedReport } from './wasted';

/** One history entry, oldest first (the engine module's HistoryEntry; core does not import tools). */
export interface HistoryEntryLike {
  id: string;
  createdBy: string;
  size: number;
  created?: string;
  comment?: string;
}

export interface LayerSize {
  /** 0-based first line of the instruction. */
  line: number;
  endLine: number;
  keyword: string;
  bytes: number;
  stage: number;
  /** False for the layers of builder stages, which the final image does not contain. */
  shipped: boolean;
}

export interface ImageMeasurement {
  imageId: string;
  /** The image's size as the engine reports it (history sizes summed when it did not say). */
  total: number;
  /** History entries with bytes (the image's filesystem layers, base included). */
  layerCount: number;
  /** The external image the final stage starts from (through its parent stages), its size and its FROM line. */
  base?: { image: string; bytes: number; line: number };
  /** Shipped layers in file order, then the builder stages' (shipped: false). */
  layers: LayerSize[];
  wasted?: WastedReport;
  engine: string;
  measuredAt: string;
  /** Hash of the measured Dockerfile text (textHash()), to tell whether a measurement is of the current text. */
  textHash: string;
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** The instruction keyword a history entry records. */
export function historyKeyword(createdBy: string): string {
  const nop = /#\(nop\)\s+([A-Z]+)/.exec(createdBy);
  if (nop && KEYWORDS.has(nop[1])) return nop[1];
  const first = /^\s*([A-Z]+)\b/.exec(createdBy)?.[1];
  if (first && KEYWORDS.has(first)) return first;
  return 'RUN';
}

/** The stages whose instructions make up `stage`'s image, root first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.parent) chain.unshift(s);
  return chain;
}

interface Mapped {
  layers: LayerSize[];
  base?: { image: string; bytes: number; line: number };
}

/** Maps the history of an image built from `stage` (its --target) to that stage's chain of instructions. */
export function mapStage(stage: Stage, history: readonly HistoryEntryLike[], shipped: boolean): Mapped {
  const chain = stageChain(stage);
  const instructions = chain.flatMap((s) => s.instructions.map((ins) => ({ ins, stage: s.index })));
  const layers: LayerSize[] = [];
  let j = history.length - 1;
  for (let i = instructions.length - 1; i >= 0 && j >= 0; i--) {
    const { ins, stage: index } = instructions[i];
    const keyword = ins.getKeyword().toUpperCase();
    if (historyKeyword(history[j].createdBy) !== keyword) continue;
    const r = ins.getRange();
    layers.unshift({ line: r.start.line, endLine: r.end.line, keyword, bytes: history[j].size, stage: index, shipped });
    j--;
  }
  const root = chain[0];
  const image = root.image?.resolved ?? root.image?.raw;
  const baseBytes = history.slice(0, j + 1).reduce((sum, h) => sum + h.size, 0);
  return { layers, base: image ? { image, bytes: baseBytes, line: root.from.getRange().start.line } : undefined };
}

/** Maps the final image's history onto the model; `meta` fills what the history does not say. */
export function mapHistory(
  model: DockerfileModel,
  history: readonly HistoryEntryLike[],
  meta: { imageId?: string; total?: number; engine?: string; measuredAt?: string } = {},
): ImageMeasurement {
  const final = model.stages[model.stages.length - 1];
  const mapped: Mapped = final ? mapStage(final, history, true) : { layers: [] };
  return {
    imageId: meta.imageId ?? history[history.length - 1]?.id ?? '',
    total: meta.total ?? history.reduce((sum, h) => sum + h.size, 0),
    layerCount: history.filter((h) => h.size > 0).length,
    base: mapped.base,
    layers: mapped.layers,
    engine: meta.engine ?? '',
    measuredAt: meta.measuredAt ?? new Date().toISOString(),
    textHash: textHash(model.text),
  };
}

/** The builder stages a measurement builds with --target: named stages whose layers the final image does not ship. */
export function builderStages(model: DockerfileModel): Stage[] {
  return model.stages.filter((s) => !s.inFinalImage && s.name && !s.fragment);
}

/** Adds a builder stage's layers (its own instructions only) to a measurement, shipped: false, in file order. */
export function addBuilderStage(m: ImageMeasurement, stage: Stage, history: readonly HistoryEntryLike[]): void {
  const own = mapStage(stage, history, false).layers.filter((l) => l.stage === stage.index);
  m.layers = [...m.layers.filter((l) => l.stage !== stage.index || l.shipped), ...own].sort((a, b) => Number(b.shipped) - Number(a.shipped) || a.line - b.line);
}

/** A short hash of a Dockerfile's text (FNV-1a, 32 bits, with the length). */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length.toString(16)}-${h.toString(16).padStart(8, '0')}`;
}

/**
 * The first line of the instruction that made each filesystem layer of the image (manifest order, oldest first):
 * the last layers are the shipped RUN, COPY and ADD layers in file order, the ones before them the base image's
 * (its FROM line, or undefined with `base: 'none'` for callers that leave the base's files alone). Empty when the
 * counts do not fit.
 */
export function layerLines(m: ImageMeasurement, layerCount: number, base: 'from' | 'none' = 'from'): (number | undefined)[] {
  const baseLine = base === 'from' ? m.base?.line : undefined;
  const produced = m.layers.filter((l) => l.shipped && ['RUN', 'COPY', 'ADD'].includes(l.keyword.toUpperCase())).sort((a, b) => a.line - b.line);
  const baseLayers = layerCount - produced.length;
  if (baseLayers < 0) return [];
  return Array.from({ length: layerCount }, (_, i) => (i < baseLayers ? baseLine : produced[i - baseLayers].line));
}
