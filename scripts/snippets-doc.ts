// The snippet files Stevedore ships, read for README's snippet table and package.json's `contributes.snippets`,
// so neither can drift from the files. Called by scripts/gen-docs.ts and the snippet tests.
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');

/** One snippet as VS Code reads it from a snippets file. */
export interface SnippetDef {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

/** A snippets file and the language it is contributed for. */
export interface SnippetFile {
  language: string;
  /** Relative to the extension root, as package.json names it. */
  path: string;
  /** How README names the files it applies to. */
  label: string;
}

/**
 * Every snippets file, in README order. `.dockerignore` files get the `ignore` language (VS Code's git-base
 * grammar) only through a `contributes.languages` entry, see DOCKERIGNORE_LANGUAGE.
 */
export const SNIPPET_FILES: readonly SnippetFile[] = [
  { language: 'yaml', path: './snippets/kubernetes.json', label: 'Kubernetes YAML' },
  { language: 'dockerfile', path: './snippets/dockerfile.json', label: 'Dockerfile' },
  { language: 'ignore', path: './snippets/dockerignore.json', label: '`.dockerignore`' },
];

/**
 * VS Code's built-in `ignore` language covers `.gitignore` only; this maps `.dockerignore` to it (as the Docker
 * extension does), so the `.dockerignore` snippets and highlighting apply there.
 */
export const DOCKERIGNORE_LANGUAGE = { id: 'ignore', filenames: ['.dockerignore'] } as const;

/** The `contributes.snippets` entries of package.json. */
export function snippetContributions(): Array<{ language: string; path: string }> {
  return SNIPPET_FILES.map(({ language, path: p }) => ({ language, path: p }));
}

export interface LoadedSnippet {
  /** The key in the snippets file. */
  name: string;
  file: SnippetFile;
  snippet: SnippetDef;
}

/** Every snippet of every file, in file order. Throws on a file that is not valid JSON. */
export function loadSnippets(): LoadedSnippet[] {
  return SNIPPET_FILES.flatMap((file) => {
    const text = fs.readFileSync(path.join(root, file.path), 'utf8');
    let parsed: Record<string, SnippetDef>;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new Error(`${file.path} is not valid JSON: ${(e as Error).message}`);
    }
    return Object.entries(parsed).map(([name, snippet]) => ({ name, file, snippet }));
  });
}

/** A snippet's prefixes, first the main one. */
export function prefixesOf(snippet: SnippetDef): string[] {
  return Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The README snippet table: prefix | language | what it inserts, one row per snippet. */
export function snippetTable(): string {
  return [
    '| Prefix | Language | What it inserts |',
    '|---|---|---|',
    ...loadSnippets().map(({ file, snippet }) => `| ${prefixesOf(snippet).map((p) => `\`${p}\``).join(', ')} | ${file.label} | ${cell(snippet.description)} |`),
  ].join('\n');
}
