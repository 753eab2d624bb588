// Build-context implementations: a real folder (CLI, LSP) and an in-memory one (tests).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BuildContext } from './types';

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
