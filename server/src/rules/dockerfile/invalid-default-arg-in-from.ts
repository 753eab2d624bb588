// BuildKit's InvalidDefaultArgInFrom: with only the ARG defaults (no --build-arg), a FROM that uses variables names
// an empty or invalid image (`ARG TAG` then `FROM busybox:${TAG}` is `busybox:`). The build then needs --build-arg.
import { parseImageRef } from '../../core/dockerfile/image-ref';
import type { DockerfileRule } from '../../core/rule';

// The values BuildKit gives its platform args on a linux/amd64 builder (only their being set matters here).
const PLATFORM_DEFAULTS: Array<[string, string]> = [
  ['BUILDPLATFORM', 'linux/amd64'], ['BUILDOS', 'linux'], ['BUILDARCH', 'amd64'], ['BUILDVARIANT', ''], ['BUILDOSVERSION', ''],
  ['TARGETPLATFORM', 'linux/amd64'], ['TARGETOS', 'linux'], ['TARGETARCH', 'amd64'], ['TARGETVARIANT', ''], ['TARGETOSVERSION', ''], ['TARGETSTAGE', 'default'],
];

// An image reference as the distribution/reference grammar reads it: [host[:port]/]path[:tag][@digest].
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const REFERENCE = new RegExp(`^(?:${HOST}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

/** True when BuildKit would accept `ref` as an image name. */
export function isValidImageReference(ref: string): boolean {
  const name = ref.split(/[:@]/)[0];
  return REFERENCE.test(ref) && name.length <= 255;
}

export const invalidDefaultArgInFrom: DockerfileRule = {
  id: 'invalid-default-arg-in-from',
  aliases: ['InvalidDefaultArgInFrom'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'With the ARG defaults, a FROM names an empty or invalid image.',
    why: 'A Dockerfile should build without `--build-arg`. When an ARG used in FROM has no default (or a bad one), `docker build .` fails with an invalid reference such as `busybox:`; give the ARG a default or use `${TAG:-latest}`.',
    bad: 'ARG TAG\nFROM busybox:${TAG}',
    good: 'ARG TAG=1.36\nFROM busybox:${TAG}',
  },
  check({ model }) {
    const args = new Map<string, string | undefined>([...PLATFORM_DEFAULTS, ...model.globalArgs]);
    return model.stages.flatMap((stage) => {
      const written = stage.from.getImage();
      const range = stage.from.getImageRange();
      if (!written || !range || !written.includes('$')) return [];
      const resolved = parseImageRef(written, range, args).resolved;
      if (isValidImageReference(resolved)) return [];
      const shown = resolved ? `\`${resolved}\`, which is not a valid image reference` : 'an empty image name';
      return [{ message: `With the ARG defaults, \`${written}\` is ${shown}; give the ARGs it uses a default (or write \`\${NAME:-default}\`)`, range }];
    });
  },
};
