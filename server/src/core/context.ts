// Build-context implementations: a real folder (CLI, LSP) and an in-memory one (tests).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BuildContext, ContextSize } from './types';

// Folder sizes on disk, by absolute path: the rules that report them run on every keystroke in a Dockerfile, and the
// size of `.git` or `node_modules` does not change that fast. Bounded in age and in count.
const SIZE_TTL_MS = 60_000;
const SIZE_CACHE_MAX = 64;
const sizeCache = new Map<string, { at: number; maxEntries: number; size: ContextSize }>();

/** Read-only view of a folder on disk. */
export class FolderContext implements BuildContext {
  constructor(readonly root: string) {}

  private abs(rel: string): string {
    return path.join(this.root, ...rel.split('/').filter(Boolean));
  }

  exists(rel: string): boolean {
    return fs.existsSync(this.abs(rel));
  }

  isDirectory(rel: string): boolean {
    try {
      return fs.statSync(this.abs(rel)).isDirectory();
    } catch {
      return false;
    }
  }

  readFile(rel: string): string | undefined {
    try {
      return fs.readFileSync(this.abs(rel), 'utf8');
    } catch {
      return undefined;
    }
  }

  list(rel = ''): string[] {
    try {
      return fs.readdirSync(this.abs(rel));
    } catch {
      return [];
    }
  }

  size(rel: string, maxEntries: number): ContextSize {
    const key = this.abs(rel);
    const now = Date.now();
    const hit = sizeCache.get(key);
    if (hit && now - hit.at < SIZE_TTL_MS && hit.maxEntries === maxEntries) return hit.size;
    const size = this.walkSize(key, maxEntries);
    sizeCache.delete(key);
    sizeCache.set(key, { at: now, maxEntries, size });
    if (sizeCache.size > SIZE_CACHE_MAX) sizeCache.delete(sizeCache.keys().next().value!);
    return size;
  }

  private walkSize(abs: string, maxEntries: number): ContextSize {
    let bytes = 0;
    let entries = 0;
    // Breadth first: a folder's files count before its sub-folders' contents, so big files near the top count
    // early. Symlinks are not followed (lstat): `docker build` sends the link, not its target.
    const queue = [abs];
    while (queue.length) {
      const dir = queue.shift()!;
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(dir);
      } catch {
        continue;
      }
      if (!stat.isDirectory()) {
        bytes += stat.size;
        entries++;
        continue;
      }
      let names: fs.Dirent[];
      try {
        names = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const d of names) {
        if (entries >= maxEntries) return { bytes, entries, complete: false };
        entries++;
        const child = path.join(dir, d.name);
        if (d.isDirectory()) queue.push(child);
        else if (d.isFile()) {
          try {
            bytes += fs.lstatSync(child).size;
          } catch {
            // Gone since the listing: nothing to count.
          }
        }
      }
    }
    return { bytes, entries, complete: true };
  }
}

/** A build context held in memory: keys are '/'-separated relative paths; a key ending in '/' is an empty folder. */
export class MemoryContext implements BuildContext {
  constructor(private readonly files: Record<string, string>, readonly root = '/ctx') {}

  exists(rel: string): boolean {
    return this.readFile(rel) !== undefined || this.isDirectory(rel);
  }

  isDirectory(rel: string): boolean {
    const prefix = rel.replace(/\/$/, '') + '/';
    return Object.keys(this.files).some((k) => k.startsWith(prefix));
  }

  readFile(rel: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.files, rel) && !rel.endsWith('/') ? this.files[rel] : undefined;
  }

  size(rel: string, maxEntries: number): ContextSize {
    const prefix = rel.replace(/\/$/, '') + '/';
    const keys = Object.keys(this.files).filter((k) => (k === rel || k.startsWith(prefix)) && !k.endsWith('/'));
    const counted = keys.slice(0, maxEntries);
    const bytes = counted.reduce((sum, k) => sum + Buffer.byteLength(this.files[k]), 0);
    return { bytes, entries: counted.length, complete: counted.length === keys.length };
  }

  list(rel = ''): string[] {
    const prefix = rel ? rel.replace(/\/$/, '') + '/' : '';
    const names = new Set<string>();
    for (const k of Object.keys(this.files)) {
      if (!k.startsWith(prefix)) continue;
      const first = k.slice(prefix.length).split('/')[0];
      if (first) names.add(first);
    }
    return [...names];
  }
}
