// A small bundled table of official base images and their smaller variants, for the full-base-image rule and
// the FROM hover (image-hover.ts). Sizes are approximate compressed (download) sizes for linux/amd64 as Docker Hub
// lists them.
import type { ImageRef } from './model';

/** When the size figures below were taken; they drift with every release. */
export const IMAGE_SIZES_AS_OF = '2025-10';

export type VariantKind = 'full' | 'slim' | 'alpine' | 'distroless' | 'jre' | 'jre-alpine';

export interface ImageVariant {
  /** The concrete reference to use, built from the user's tag, e.g. `python:3.12-slim`. */
  ref: string;
  /** Registry of `ref`; undefined for Docker Hub. */
  registry?: string;
  repository: string;
  tag: string;
  kind: VariantKind;
  approxSizeMb: number;
  note: string;
}

export interface ImageDescription {
  /** `python`, `node`, `golang`, `eclipse-temurin`, `openjdk`, `ruby`, `php`, `ubuntu`, `debian` or `distroless`. */
  family: string;
  currentVariant: VariantKind;
  approxSizeMb?: number;
  /** One line about the current image. */
  summary: string;
  /** Smaller alternatives, the usual first choice first. */
  variants: ImageVariant[];
}

const DEBIAN_SUITE = /-(bookworm|bullseye|buster|trixie)$/;
const SUITE_ONLY = /^(bookworm|bullseye|buster|trixie)$/;
const WINDOWS = /windowsservercore|nanoserver/;

const NOTE = {
  debianSlim: 'Debian slim: same glibc userland without compilers, headers and docs; apt-get what you need.',
  musl: 'musl libc: wheels with C extensions may need to be built from source; DNS and locale differ.',
  nodeMusl: 'musl libc: native addons need musl builds or a compiler; DNS resolution differs.',
  rubyMusl: 'musl libc: gems with native extensions compile from source (apk add build-base).',
  phpMusl: 'musl libc: extension build deps come from apk, not apt.',
  distrolessBase: 'glibc, libssl and CA certificates only, no shell or package manager: for binaries copied from a build stage.',
  distrolessStatic: 'No libc at all: for fully static binaries (Go with CGO_ENABLED=0, Rust on musl).',
  distrolessNode: 'No shell or npm: copy node_modules from a build stage; the entrypoint is node, CMD is the script.',
  distrolessJava: 'JRE only, no shell: the entrypoint is `java -jar`, CMD is the jar.',
  jre: 'Runtime only: no javac, jlink or jcmd.',
  jreAlpine: 'JRE on musl libc: native libraries must be musl builds.',
  temurin: '`openjdk` images are deprecated (no updates since 2022); Eclipse Temurin is a maintained OpenJDK build.',
};

const DISTROLESS: Record<string, { mb: number; note: string }> = {
  static: { mb: 2, note: NOTE.distrolessStatic },
  'base-nossl': { mb: 7, note: 'glibc and CA certificates, no libssl, no shell.' },
  base: { mb: 8, note: NOTE.distrolessBase },
  cc: { mb: 9, note: 'distroless base plus libgcc and libstdc++ (C++ and Rust binaries).' },
  python3: { mb: 18, note: "Debian 12's Python 3.11, no shell or pip: copy a virtualenv built on the same Python from a build stage." },
  nodejs20: { mb: 42, note: NOTE.distrolessNode },
  nodejs22: { mb: 45, note: NOTE.distrolessNode },
  java17: { mb: 80, note: NOTE.distrolessJava },
  java21: { mb: 85, note: NOTE.distrolessJava },
};

function hub(repository: string, tag: string, kind: VariantKind, approxSizeMb: number, note: string): ImageVariant {
  return { ref: `${repository}:${tag}`, repository, tag, kind, approxSizeMb, note };
}

function distroless(name: string, kind: VariantKind = 'distroless', note?: string): ImageVariant {
  const d = DISTROLESS[name];
  const repository = `distroless/${name}-debian12`;
  return { ref: `gcr.io/${repository}`, registry: 'gcr.io', repository, tag: 'latest', kind, approxSizeMb: d.mb, note: note ?? d.note };
}

const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join('-');

const SIZES = {
  python: { full: 370, slim: 45, alpine: 18 },
  node: { full: 390, slim: 75, alpine: 55 },
  ruby: { full: 370, slim: 65, alpine: 40 },
};

/** python, ruby (`3.12-slim-bookworm`) and node (`20-bookworm-slim`) share one tag scheme. */
function debianLanguage(repo: keyof typeof SIZES, tag: string, lang: string, alpineNote: string) {
  if (WINDOWS.test(tag)) return undefined;
  const sizes = SIZES[repo];
  const of = (current: 'full' | 'slim' | 'alpine', variants: ImageVariant[] = []) => ({
    family: repo as string,
    currentVariant: current,
    approxSizeMb: sizes[current],
    summary: current === 'full' ? `${lang} on full Debian with compilers and dev headers.` : `${lang} on ${current === 'slim' ? 'Debian slim' : 'Alpine (musl libc)'}.`,
    variants,
  });
  if (/(^|-)slim(-|$)/.test(tag)) return { version: '', d: of('slim') };
  if (/(^|-)alpine/.test(tag)) return { version: '', d: of('alpine') };
  const suite = SUITE_ONLY.test(tag) ? tag : DEBIAN_SUITE.exec(tag)?.[1];
  const version = SUITE_ONLY.test(tag) || tag === 'latest' ? '' : tag.replace(DEBIAN_SUITE, '');
  const slim = repo === 'node' ? join(version, suite, 'slim') : join(version, 'slim', suite);
  const variants = [hub(repo, slim, 'slim', sizes.slim, NOTE.debianSlim), hub(repo, join(version, 'alpine'), 'alpine', sizes.alpine, alpineNote)];
  return { version, d: of('full', variants) };
}

/** Temurin JRE suggestions for a JDK image; `version` is the tag's version part (`21`, `21.0.4_7`). */
function javaVariants(version: string | undefined, distro = ''): ImageVariant[] {
  const v = version ?? '21';
  const major = v.split('.')[0];
  const out = [
    hub('eclipse-temurin', join(v, 'jre', distro), 'jre', 90, NOTE.jre),
    hub('eclipse-temurin', `${v}-jre-alpine`, 'jre-alpine', 65, NOTE.jreAlpine),
  ];
  if (major === '17' || major === '21') out.push(distroless(`java${major}`));
  return out;
}

function describeHub(repo: string, tag: string): ImageDescription | undefined {
  switch (repo) {
    case 'python': {
      const r = debianLanguage(repo, tag, 'Python', NOTE.musl);
      if (r?.d.currentVariant === 'full') r.d.variants.push(distroless('python3'));
      return r?.d;
    }
    case 'node': {
      const r = debianLanguage(repo, tag, 'Node.js', NOTE.nodeMusl);
      const major = /^(\d+)/.exec(r?.version ?? '')?.[1] ?? { iron: '20', jod: '22' }[r?.version ?? ''];
      if (r?.d.currentVariant === 'full' && (major === '20' || major === '22')) r.d.variants.push(distroless(`nodejs${major}`));
      return r?.d;
    }
    case 'ruby':
      return debianLanguage(repo, tag, 'Ruby', NOTE.rubyMusl)?.d;
    case 'golang': {
      if (WINDOWS.test(tag)) return undefined;
      const version = tag === 'latest' || SUITE_ONLY.test(tag) ? '' : tag.replace(DEBIAN_SUITE, '');
      const runtime = [
        distroless('static', 'distroless', `Runtime for the final stage. ${NOTE.distrolessStatic}`),
        distroless('base', 'distroless', 'Runtime for the final stage when the binary uses cgo (needs glibc).'),
      ];
      if (/(^|-)alpine/.test(tag)) return { family: repo, currentVariant: 'alpine', approxSizeMb: 80, summary: 'Go toolchain on Alpine: a build image.', variants: runtime };
      const variants = [hub(repo, join(version, 'alpine'), 'alpine', 80, 'Still a build image with the whole Go toolchain; musl libc for cgo.'), ...runtime];
      return { family: repo, currentVariant: 'full', approxSizeMb: 300, summary: 'Go toolchain on Debian: a build image; ship only the binary.', variants };
    }
    case 'php': {
      if (WINDOWS.test(tag)) return undefined;
      if (/(^|-)alpine/.test(tag)) return { family: repo, currentVariant: 'alpine', approxSizeMb: 35, summary: 'PHP on Alpine (musl libc).', variants: [] };
      const base = tag === 'latest' ? '' : tag.replace(DEBIAN_SUITE, '');
      // The Apache flavour has no Alpine build.
      const variants = /(^|-)apache$/.test(base) ? [] : [hub(repo, join(base, 'alpine'), 'alpine', 35, NOTE.phpMusl)];
      return { family: repo, currentVariant: 'full', approxSizeMb: 180, summary: 'PHP on Debian with compilers kept for extension builds.', variants };
    }
    case 'eclipse-temurin': {
      if (WINDOWS.test(tag)) return undefined;
      const tokens = tag.split('-');
      const version = /^\d/.test(tokens[0]) ? tokens[0] : undefined;
      const alpine = tokens.includes('alpine');
      if (tokens.includes('jre')) {
        return { family: repo, currentVariant: alpine ? 'jre-alpine' : 'jre', approxSizeMb: alpine ? 65 : 90, summary: 'Java runtime (JRE).', variants: [] };
      }
      if (alpine) return { family: repo, currentVariant: 'alpine', approxSizeMb: 160, summary: 'Full JDK on Alpine.', variants: javaVariants(version).slice(1) };
      const distro = tokens.filter((t) => t !== version && t !== 'jdk' && t !== 'latest').join('-');
      return { family: repo, currentVariant: 'full', approxSizeMb: 190, summary: 'Full JDK (compiler and tools): only needed to build.', variants: javaVariants(version, distro) };
    }
    case 'openjdk': {
      if (WINDOWS.test(tag)) return undefined;
      const current: VariantKind = /(^|-)slim/.test(tag) ? 'slim' : /(^|-)alpine/.test(tag) ? 'alpine' : /(^|-)jre/.test(tag) ? 'jre' : 'full';
      // openjdk's point releases (17.0.2) are not Temurin tags (17.0.2_8): suggest the major line.
      const variants = javaVariants(/^(\d+)/.exec(tag)?.[1]).map((v) => (v.registry ? v : { ...v, note: `${NOTE.temurin} ${v.note}` }));
      return { family: repo, currentVariant: current, approxSizeMb: current === 'full' ? 240 : undefined, summary: 'Deprecated OpenJDK image: no updates since 2022.', variants };
    }
    case 'debian': {
      if (/(^|-)slim$/.test(tag)) return { family: repo, currentVariant: 'slim', approxSizeMb: 28, summary: 'Debian slim.', variants: [] };
      if (/backports|experimental|rc-buggy/.test(tag)) return undefined;
      const slim = tag === 'latest' ? 'stable-slim' : `${tag}-slim`;
      const variants = [hub(repo, slim, 'slim', 28, 'No man pages, docs or extra locales; same packages otherwise.'), distroless('base')];
      return { family: repo, currentVariant: 'full', approxSizeMb: 48, summary: 'Debian with docs and locales.', variants };
    }
    case 'ubuntu':
      return {
        family: repo,
        currentVariant: 'full',
        approxSizeMb: 29,
        summary: 'Ubuntu has no slim variant; its base is already small, size comes from what you install.',
        variants: [hub('alpine', '3.22', 'alpine', 4, 'Different distro: apk instead of apt, musl libc instead of glibc.'), distroless('base')],
      };
  }
  return undefined;
}

/** What the table knows about an image and its smaller variants; undefined for images it does not cover. */
export function describeImage(image: ImageRef): ImageDescription | undefined {
  if (image.unresolved) return undefined;
  if (image.registry === 'gcr.io' && image.repository.startsWith('distroless/')) {
    const key = image.name.replace(/-debian\d+$/, '');
    const d = DISTROLESS[key];
    if (!d) return undefined;
    const smaller = key === 'cc' ? [distroless('base'), distroless('static')] : key === 'base' ? [distroless('static')] : [];
    return { family: 'distroless', currentVariant: 'distroless', approxSizeMb: d.mb, summary: d.note, variants: smaller };
  }
  if (image.registry) return undefined;
  return describeHub(image.repository, image.tag ?? 'latest');
}
