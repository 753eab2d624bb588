// Finds the files to lint under a folder, honouring .gitignore files along the way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { fileKind } from './files';

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

interface Scope {
  dir: string;
  rules: Ignore;
}

/** Lintable files under `root` (sorted, paths joined onto `root` as given). */
export function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, scopes: Scope[]): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const gitignore = path.join(dir, '.gitignore');
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        scopes = [...scopes, { dir, rules: ignore().add(fs.readFileSync(gitignore, 'utf8')) }];
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (ALWAYS_SKIPPED.has(e.name)) continue;
      const full = path.join(dir, e.name);
      const isDir = e.isDirectory();
      if (scopes.some((s) => s.rules.ignores(path.relative(s.dir, full).split(path.sep).join('/') + (isDir ? '/' : '')))) continue;
      if (isDir) visit(full, scopes);
      else if (e.isFile() && fileKind(e.name)) out.push(full);
    }
  };
  visit(root, []);
  return out;
}
