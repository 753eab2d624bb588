import type { DockerfileModel, Stage } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileRule } from '../../core/rule';
import type { Finding, Fix, Range, RuleHit } from '../../core/types';
import { describeImage, type ImageDescription, type ImageVariant, type VariantKind } from '../../core/dockerfile/image-variants';

// Go's full image is a build image; replacing it is the multi-stage rule's business, not a variant swap.
const FAMILIES = new Set(['python', 'node', 'ruby', 'php', 'openjdk', 'eclipse-temurin', 'debian', 'ubuntu']);
const FIX_KINDS: Record<'slim' | 'alpine' | 'distroless', VariantKind[]> = {
  slim: ['slim', 'jre'],
  alpine: ['alpine', 'jre-alpine'],
  distroless: ['distroless'],
};
type FixKind = keyof typeof FIX_KINDS;

interface Candidate {
  stage: Stage;
  desc: ImageDescription;
  range: Range;
}

/** Stages that ship in the final image and use a full image with a smaller variant. */
function candidates(model: DockerfileModel): Candidate[] {
  const out: Candidate[] = [];
  for (const stage of model.stages) {
    const image = stage.image;
    if (!stage.inFinalImage || !image || image.unresolved || image.digest) continue;
    const desc = describeImage(image);
    if (!desc || !FAMILIES.has(desc.family) || desc.currentVariant !== 'full' || !desc.variants.length) continue;
    const range = stage.from.getImageTagRange() ?? stage.from.getImageNameRange() ?? image.range;
    out.push({ stage, desc, range });
  }
  return out;
}

function pick(desc: ImageDescription, kind: FixKind): ImageVariant | undefined {
  return desc.variants.find((v) => FIX_KINDS[kind].includes(v.kind));
}

function variantFix(kind: FixKind): Fix {
  return {
    id: kind,
    title: (f: Finding) => {
      const ref = (f.data?.refs as Record<string, string> | undefined)?.[kind];
      return ref ? `Use ${ref}` : `Use the ${kind} variant`;
    },
    safe: false,
    preferred: kind === 'slim',
    apply(input, finding) {
      const model = modelOf(input);
      const c = candidates(model).find((x) => x.stage.from.getRange().start.line === finding.data?.line);
      const v = c && pick(c.desc, kind);
      const image = c?.stage.image;
      // An ARG in the reference would be overwritten by a literal; leave that to the user.
      if (!c || !v || !image || image.raw.includes('$')) return null;
      const from = c.stage.from;
      const tagRange = from.getImageTagRange();
      const nameRange = from.getImageNameRange();
      if (!v.registry && v.repository === image.repository) {
        if (tagRange) return { edits: [{ range: tagRange, newText: v.tag }] };
        if (nameRange) return { edits: [{ range: { start: nameRange.end, end: nameRange.end }, newText: `:${v.tag}` }] };
      }
      return { edits: [{ range: image.range, newText: v.ref }] };
    },
  };
}

export const fullBaseImage: DockerfileRule = {
  id: 'full-base-image',
  aliases: [],
  severity: 'info',
  severityNote: 'warning when the smaller variant saves over 300 MB',
  category: 'size',
  scope: 'instruction',
  docs: {
    summary: 'The final image is based on a full image where a slim, Alpine or distroless variant exists.',
    why: 'Full images such as `python:3.12` or `node:20` carry compilers, headers and hundreds of packages the running app never uses: several hundred MB more to pull, store and scan for CVEs. The `-slim` variant keeps the same Debian userland without them.',
    bad: 'FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/main.py"]',
    good: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]',
  },
  check({ model }) {
    return candidates(model).map(({ stage, desc, range }): RuleHit => {
      const image = stage.image!;
      const best = desc.variants[0];
      const current = image.tag ? `${image.repository}:${image.tag}` : image.repository;
      const saving = (desc.approxSizeMb ?? 0) - best.approxSizeMb;
      const refs: Record<string, string> = {};
      for (const kind of Object.keys(FIX_KINDS) as FixKind[]) {
        const v = pick(desc, kind);
        if (v) refs[kind] = v.ref;
      }
      return {
        message: `${current} is ~${desc.approxSizeMb} MB compressed; ${best.ref} is ~${best.approxSizeMb} MB: base the final image on the smaller variant`,
        range,
        severity: saving > 300 ? 'warning' : 'info',
        data: { line: stage.from.getRange().start.line, refs },
      };
    });
  },
  fixes: [variantFix('slim'), variantFix('alpine'), variantFix('distroless')],
};
