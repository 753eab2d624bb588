// The V8 flags of the CLI process, shared by its entry bundle (cli/entry.ts) and cli/main.ts run from sources.

/**
 * V8 flags the CLI runs with, set before the CLI's code is compiled (a code cache made under other flags is
 * rejected): the shell parser's WebAssembly on V8's baseline compiler only — optimising it in the background costs
 * more than a lint run gains from it (measured: 200 Dockerfiles 2.3–3.2 s → 1.5–2.0 s, 170 → 140 MB), and node would
 * wait for that work before exiting (a 2-line Dockerfile: 0.7 s → 0.25 s); and V8's young generation keeping its
 * first size instead of doubling up to 2 × 16 MB while the manifests' trees survive their first collections
 * (bench:peers' 500-file folder peaks at 148 MB instead of 162 MB, medians of 8, CPU time unchanged).
 */
export const cliV8Flags: readonly string[] = ['--liftoff-only', '--semi-space-growth-factor=1'];
