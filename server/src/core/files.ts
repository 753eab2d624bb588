// Which files Stevedore analyzes, decided by name.
import * as path from 'node:path';

export type FileKind = 'dockerfile' | 'manifest';

/** The kind of a file by its name, or undefined when Stevedore does not analyze it. */
export function fileKind(file: string): FileKind | undefined {
  const base = path.basename(file);
  const lower = base.toLowerCase();
  if (lower === 'dockerfile' || lower === 'containerfile') return 'dockerfile';
  if (/^(dockerfile|containerfile)\.[^/]+$/i.test(base) && !lower.endsWith('.dockerignore')) return 'dockerfile';
  if (lower.endsWith('.dockerfile') || lower.endsWith('.containerfile')) return 'dockerfile';
  // YAML files are candidates; only documents with apiVersion and kind are analyzed as Kubernetes objects.
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'manifest';
  return undefined;
}
