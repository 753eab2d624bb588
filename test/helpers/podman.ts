// Tests that build real images: the env podman needs in this sandbox (the test-only containers.conf that
// scripts/install-image-deps.mjs writes) and a one-time set-up of podman and the local Debian base images.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
// @ts-expect-error: a plain .mjs script without types
import { CONTAINERS_CONF, installImageDeps } from '../../scripts/install-image-deps.mjs';

/** The fixture folders under test/fixtures/images. */
export const IMAGE_FIXTURES = path.resolve(__dirname, '../fixtures/images');

/** process.env plus CONTAINERS_CONF pointing at the test-only containers.conf. */
export function podmanEnv(): NodeJS.ProcessEnv {
  return { ...process.env, CONTAINERS_CONF: CONTAINERS_CONF as string };
}

let ready: string | undefined;
/** Installs podman and builds the base images once per process; throws with the reason when it cannot. */
export function ensureImageDeps(): void {
  ready ??= (installImageDeps as () => string)();
  if (ready) throw new Error(`image tests need podman and the local base images: ${ready} (node scripts/install-image-deps.mjs)`);
}

/** Runs podman with the test env; returns trimmed stdout, throws with stderr when it fails. */
export function podman(args: string[]): string {
  const r = spawnSync('podman', args, { env: podmanEnv(), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`podman ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** Removes images the test built (ignores ones already gone); never the base images. */
export function removeImages(...ids: (string | undefined)[]): void {
  for (const id of ids) if (id) spawnSync('podman', ['rmi', '--force', id], { env: podmanEnv(), stdio: 'ignore' });
}

/** `podman history` sizes of an image, oldest first, as podman reports them. */
export function podmanHistorySizes(image: string): { createdBy: string; size: number }[] {
  const rows = JSON.parse(podman(['history', '--no-trunc', '--format', 'json', image])) as { CreatedBy: string; size: number }[];
  return rows.reverse().map((r) => ({ createdBy: r.CreatedBy, size: r.size }));
}
