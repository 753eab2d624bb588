// Image sizes as people read them: decimal units with one decimal, the way docker and podman print them, and a
// difference with its sign and share. Shared by the CLI's `stevedore size` and the editor's hints.

/** `158,884,012` → `158.9 MB`; under 1000 bytes exact (`512 B`). */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  if (abs < 1000) return `${bytes} B`;
  const [unit, scale] = abs < 1e6 ? ['kB', 1e3] : abs < 1e9 ? ['MB', 1e6] : ['GB', 1e9];
  return `${(bytes / scale).toFixed(1)} ${unit}`;
}

/** A difference with its sign and share of `before`: `−24.9 MB (−15.7 %)` (a real minus sign). */
export function formatDelta(before: number, after: number): string {
  const delta = after - before;
  const sign = delta < 0 ? '−' : '+';
  const percent = before > 0 ? ` (${sign}${((Math.abs(delta) / before) * 100).toFixed(1)} %)` : '';
  return `${sign}${formatBytes(Math.abs(delta))}${percent}`;
}
