import ignore from 'ignore';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileRule } from '../../core/rule';
import { splitLines } from '../../core/text';
import type { BuildContext, RuleHit } from '../../core/types';
import { copiedNames, firstInstructionRange, ignoreFileOf, wholeContextCopy } from '../../core/dockerfile/dockerignore';

// Why each entry matters when an instruction copies the whole context (`copy` is that instruction), and when none
// does (BuildKit then sends only what the COPYs name: the entry waits for a later `COPY . .` or the classic builder).
const VENV = {
  copied: (copy: string) => `a host virtualenv is sent with every build and \`${copy}\` copies it into the image, where its interpreter links are broken`,
  kept: 'a host virtualenv would be copied into the image by a later `COPY . .`, with broken interpreter links',
};
const ENTRIES: { entry: string; copied: (copy: string) => string; kept: string }[] = [
  { entry: '.git', copied: (copy) => `the repository history is sent with every build and a new commit invalidates the \`${copy}\` cache`, kept: 'the repository history would be sent by a later `COPY . .` (or the classic builder), and every commit would invalidate its cache' },
  { entry: 'node_modules', copied: (copy) => `host-installed modules (often for another OS) are sent with every build and \`${copy}\` copies them over the ones installed in the image`, kept: 'host-installed modules (often for another OS) would be copied over the ones installed in the image by a later `COPY . .`' },
  { entry: '.env', copied: (copy) => `\`${copy}\` bakes the secrets in it into an image layer that anyone who pulls the image can read`, kept: 'a later `COPY . .` would bake the secrets in it into an image layer that anyone who pulls the image can read' },
  { entry: 'venv', ...VENV },
  { entry: '.venv', ...VENV },
];

/** Entries present in the context that the ignore file lets through. */
function gaps(context: BuildContext, file: string, copied: Set<string>): string[] {
  const ig = ignore({ ignorecase: false });
  for (const raw of splitLines(context.readFile(file) ?? '')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    // Docker cleans patterns like filepath.Clean: `./x` and `/x` both mean `x` at the context root.
    const neg = line.startsWith('!');
    const pattern = (neg ? line.slice(1) : line).replace(/^(\.\/)+/, '').replace(/^\/+/, '');
    if (!pattern) continue;
    try {
      ig.add((neg ? '!' : '') + pattern);
    } catch {
      // A pattern the library rejects is one Docker would not match either.
    }
  }
  return ENTRIES.map((e) => e.entry).filter((entry) => {
    if (!context.exists(entry) || copied.has(entry)) return false;
    if (ig.ignores(entry)) return false;
    // `node_modules/` or `node_modules/*` exclude a folder's content, which is what matters.
    return !(context.isDirectory(entry) && (ig.ignores(`${entry}/`) || ig.ignores(`${entry}/x`)));
  });
}

export const dockerignoreGap: DockerfileRule = {
  id: 'dockerignore-gap',
  aliases: [],
  severity: 'warning',
  category: 'size',
  docs: {
    summary: '`.dockerignore` does not exclude `.git`, `node_modules`, `.env` or a virtualenv present in the build context.',
    why: 'Whatever `.dockerignore` lets through is sent to the builder and copied by `COPY . .`: `.git` and `node_modules` bloat the context and bust the cache, and a `.env` file puts its secrets into an image layer.',
    bad: '# .dockerignore\n*.log',
    good: '# .dockerignore\n*.log\n.git\nnode_modules\n.env',
  },
  check({ model, path, context }) {
    const file = context && ignoreFileOf(path, context);
    if (!context || !file) return [];
    const range = firstInstructionRange(model);
    const copy = wholeContextCopy(model);
    return gaps(context, file, copiedNames(model)).map((entry): RuleHit => {
      const e = ENTRIES.find((x) => x.entry === entry)!;
      return { message: `${file} does not exclude \`${entry}\`: ${copy ? e.copied(copy) : e.kept}; add \`${entry}\` to it`, range, data: { entry, file } };
    });
  },
  fixes: [
    {
      id: 'append',
      title: (f) => `Add ${String(f.data?.entry)} to ${String(f.data?.file ?? '.dockerignore')}`,
      safe: true,
      preferred: true,
      apply(input, finding) {
        const context = input.context;
        const entry = finding.data?.entry;
        const file = context && ignoreFileOf(input.path, context);
        if (!context || !file || typeof entry !== 'string' || !gaps(context, file, copiedNames(modelOf(input))).includes(entry)) return null;
        const text = context.readFile(file) ?? '';
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const end = TextDocument.create('file:///.dockerignore', 'ignore', 0, text).positionAt(text.length);
        const newText = (text && !text.endsWith('\n') ? eol : '') + entry + eol;
        return { edits: [], files: [{ path: `${context.root}/${file}`, edits: [{ range: { start: end, end }, newText }] }] };
      },
    },
  ],
};
