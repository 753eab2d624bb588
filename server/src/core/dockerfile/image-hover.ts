// The FROM hover's markdown: what the image is, and its smaller variants with their sizes (from image-variants.ts).
import { describeImage, IMAGE_SIZES_AS_OF } from './image-variants';
import type { ImageRef } from './model';

/** `~45 MB` with a no-break space, so a narrow hover column never wraps the number away from its unit. */
export function approxMb(mb: number): string {
  return `~${mb}\u00a0MB`;
}

/** A compact markdown table of the image's smaller variants and their sizes, for the FROM hover. */
export function imageHoverMarkdown(image: ImageRef): string | undefined {
  const d = describeImage(image);
  if (!d) return undefined;
  const name = image.resolved.replace(/@.*$/, '');
  const size = d.approxSizeMb !== undefined ? ` · ${approxMb(d.approxSizeMb)}` : '';
  const lines = [`**${name}** (${d.currentVariant}${size}): ${d.summary}`];
  if (d.variants.length) {
    lines.push('', '| Smaller option | Size | Note |', '| --- | ---: | --- |');
    for (const v of d.variants) lines.push(`| \`${v.ref}\` | ${approxMb(v.approxSizeMb)} | ${v.note.replace(/\|/g, '\\|')} |`);
  }
  lines.push('', `_Approximate compressed sizes, linux/amd64, as of ${IMAGE_SIZES_AS_OF}._`);
  return lines.join('\n');
}
