// Generic C/C++ (or anything else built with OS toolchain packages): the same base without the toolchain,
// receiving the whole working directory since the artifacts cannot be told apart.
import { family, packageInstalls } from './packages';
import type { Plan } from './plan';
import { copyWorkdir, imagePrefix, pythonSlim, runtimeSetup } from './runtime';

/** Fills in the plan with a slim variant of the base image and a TODO to narrow the copied files. */
export function nativeTemplate(p: Plan): boolean {
  const { image } = p.f;
  const tag = image.tag;
  const codename = /^(bookworm|bullseye|buster|trixie)/.exec(tag ?? '')?.[1];
  const prefix = imagePrefix(image);
  switch (image.name) {
    case 'debian':
      p.runtimeImage = !tag || tag === 'latest' ? 'debian:stable-slim' : tag.includes('slim') ? `${prefix}:${tag}` : `${prefix}:${tag}-slim`;
      break;
    case 'gcc':
    case 'buildpack-deps':
      p.runtimeImage = `debian:${codename ?? '12'}-slim`;
      break;
    case 'python':
      p.runtimeImage = pythonSlim(image);
      break;
    default:
      // ubuntu, alpine, fedora …: the same base without the toolchain packages.
      p.runtimeImage = image.raw;
  }
  const installs = packageInstalls(p.f.model);
  const fam = /^(?:ubuntu|debian|gcc|buildpack-deps|python|node)$/.test(image.name) ? family(p.runtimeImage) : image.name === 'alpine' ? 'apk' : installs[0]?.family ?? 'apt';
  runtimeSetup(p, fam);
  return copyWorkdir(p, true);
}
