import ignore from 'ignore';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';
import { splitLines } from '../../core/text';
import type { BuildContext, RuleHit } from '../../core/types';
import { copiedNames, firstInstructionRange, ignoreFileOf } from './dockerignore-shared';

const ENTRIES: { entry: string; why: string }[] = [
  { entry: '.git', why: 'the repository history is sent with every build and a new commit invalidates the `COPY . .` cache' },
  { entry: 'node_modules', why: 'host-installed modules (often for another OS) are sent with every build and copied over the ones installed in the image' },
  { entry: '.env', why: '`COPY . .` bakes the secrets in it into an image layer that anyone who pulls the image can read' },
  { entry: 'venv', why: 'a host virtualenv is sent with every build and copied into the image, where its interpreter links are broken' },
  { entry: '.venv', why: 'a host virtualenv is sent with every build and copied into the image, where its interpreter links are broken' },
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
    return gaps(context, file, copiedNames(model)).map((entry): RuleHit => ({
      message: `${file} does not exclude \`${entry}\`: ${ENTRIES.find((e) => e.entry === entry)!.why}; add \`${entry}\` to it`,
      range,
      data: { entry, file },
    }));
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
        if (!context || !file || typeof entry !== 'string' || !gaps(context, file, copiedNames(buildModel(input.text))).includes(entry)) return null;
        const text = context.readFile(file) ?? '';
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const end = TextDocument.create('file:///.dockerignore', 'ignore', 0, text).positionAt(text.length);
        const newText = (text && !text.endsWith('\n') ? eol : '') + entry + eol;
        return { edits: [], files: [{ path: `${context.root}/${file}`, edits: [{ range: { start: end, end }, newText }] }] };
      },
    },
  ],
};
