// What a stage's base image is known to contain (shell, user tools, default user), for root-user,
// missing-pipefail and sudo. Only well-known images are classified; anything else is 'unknown'.
import type { ImageRef, Stage } from './model';

export type ImageFamily =
  /** glibc distro or official image built on one: bash, groupadd/useradd. */
  | 'debian'
  | 'alpine'
  | 'busybox'
  /** No shell at all: distroless, chiseled, Chainguard non-dev. */
  | 'shell-less'
  | 'scratch'
  | 'windows'
  | 'unknown';

// Official images whose non-alpine variants are Debian/Ubuntu (or another distro with bash and useradd).
const DEBIAN_LIKE = new Set([
  'debian', 'ubuntu', 'python', 'node', 'golang', 'ruby', 'php', 'openjdk', 'eclipse-temurin', 'amazoncorretto',
  'rust', 'maven', 'gradle', 'buildpack-deps', 'perl', 'elixir', 'erlang', 'haskell', 'julia', 'r-base', 'swift',
  'clojure', 'nginx', 'httpd', 'postgres', 'mysql', 'mariadb', 'redis', 'mongo', 'centos', 'fedora', 'rockylinux',
  'almalinux', 'amazonlinux', 'oraclelinux', 'archlinux', 'sdk', 'aspnet', 'runtime', 'runtime-deps',
]);
const DEBIAN_TAG = /(bookworm|bullseye|buster|trixie|jammy|noble|focal|slim)/;

/** The image at the root of a stage's `FROM <stage>` chain. */
export function rootImage(stage: Stage): ImageRef | undefined {
  let s: Stage | undefined = stage;
  while (s?.parent) s = s.parent;
  return s?.image;
}

/** Classifies a base image by what it is known to ship. */
export function imageFamily(image: ImageRef | undefined): ImageFamily {
  if (!image || image.unresolved) return 'unknown';
  const { registry, repository, name } = image;
  const tag = image.tag ?? '';
  if (!registry && repository === 'scratch') return 'scratch';
  if (/(^|\/)windows\/|^(nanoserver|servercore)$/.test(repository) || /nanoserver|windowsservercore|ltsc20/.test(tag)) return 'windows';
  if ((registry === 'gcr.io' && repository.startsWith('distroless/')) || tag.includes('chiseled')) return 'shell-less';
  // Chainguard's -dev variants and wolfi-base carry busybox; the others have no shell.
  if (registry === 'cgr.dev') return /(^|-)dev$/.test(tag) || name === 'wolfi-base' ? 'busybox' : 'shell-less';
  if (name === 'alpine' || tag.includes('alpine')) return 'alpine';
  if (name === 'busybox') return 'busybox';
  const official = !registry && !repository.includes('/');
  const dotnet = registry === 'mcr.microsoft.com' && repository.startsWith('dotnet/');
  if (((official || dotnet) && DEBIAN_LIKE.has(name)) || (official && DEBIAN_TAG.test(tag))) return 'debian';
  return 'unknown';
}

/** True when the image is documented to run as a non-root user when no USER is given. */
export function runsAsNonRoot(image: ImageRef): boolean {
  const tag = image.tag ?? '';
  if (image.registry === 'gcr.io' && image.repository.startsWith('distroless/')) return tag.includes('nonroot');
  if (image.registry === 'cgr.dev') return !/(^|-)dev$/.test(tag) && image.name !== 'wolfi-base';
  if (image.registry === 'mcr.microsoft.com' && tag.includes('chiseled')) return true;
  if (!image.registry && image.repository.startsWith('bitnami/')) return image.repository !== 'bitnami/minideb';
  return !image.registry && image.repository === 'nginxinc/nginx-unprivileged';
}
