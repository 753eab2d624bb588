// The real size of a FROM's base image when the engine has it locally, for the FROM hover (issue 14: "where the
// engine has the base image locally, hovers use its real size"; the estimated size table covers the rest). Sizes
// come from every measurement's base and, in a trusted workspace, from one `image inspect` per image started by the
// first hover over that FROM (read-only, in the background: that hover answers at once, the next shows the size).
import type { Position } from 'vscode-languageserver/node';
import type { DockerfileModel } from '../core/dockerfile/model';
import { formatBytes } from '../core/image/bytes';
import { imageSize, type Engine } from '../tools/image-engine';

export class LocalBaseSizes {
  /** Image reference → bytes, or null when the engine does not have it (or could not say). */
  private readonly known = new Map<string, number | null>();
  private readonly pending = new Set<string>();

  /** A measured base image's bytes (a build just used it, so the engine has it). */
  record(image: string, bytes: number): void {
    this.known.set(image, bytes);
  }

  /**
   * Markdown for the FROM under `position` when its image's local size is known; when it is not and `engine` is
   * given (trusted workspaces), asks the engine once in the background.
   */
  hover(model: DockerfileModel, position: Position, engine?: () => Promise<Engine>): string | undefined {
    const stage = model.stages.find((s) => !s.fragment && s.image && s.from.getRange().start.line <= position.line && position.line <= s.from.getRange().end.line);
    const ref = stage?.image;
    if (!ref || ref.unresolved || ref.resolved === 'scratch') return undefined;
    const image = ref.resolved;
    const bytes = this.known.get(image);
    if (typeof bytes === 'number') return `**Local image** \`${image}\`: ${bytes.toLocaleString('en-US')} bytes (${formatBytes(bytes)}), as the engine stores it.`;
    if (bytes === undefined && engine && !this.pending.has(image)) {
      this.pending.add(image);
      void engine()
        .then((e) => imageSize(e, image))
        .then(
          (n) => this.known.set(image, Number.isFinite(n) && n > 0 ? n : null),
          () => this.known.set(image, null),
        )
        .finally(() => this.pending.delete(image));
    }
    return undefined;
  }
}
