// CodeLens above each FROM: the stage's name, its layer count, and what it builds from.
import type { CodeLens } from 'vscode-languageserver/node';
import type { DockerfileModel } from '../core/dockerfile/model';

const LAYER_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);

export function stageLenses(model: DockerfileModel): CodeLens[] {
  return model.stages.map((stage) => {
    const layers = stage.instructions.filter((i) => LAYER_INSTRUCTIONS.has(i.getKeyword())).length;
    const name = stage.name ? `stage "${stage.name}"` : `stage ${stage.index}`;
    const role = stage.isFinal ? 'final image' : stage.inFinalImage ? 'base of the final image' : 'build stage (not shipped)';
    const base = stage.parent ? ` · from stage "${stage.parent.name}"` : '';
    const title = `${name} · ${role} · ${layers} layer${layers === 1 ? '' : 's'}${base}`;
    const at = stage.from.getRange().start;
    return { range: { start: at, end: at }, command: { title, command: '' } };
  });
}
