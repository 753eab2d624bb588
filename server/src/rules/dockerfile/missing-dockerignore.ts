import type { DockerfileModel } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileRule } from '../../core/rule';
import type { BuildContext, ContextSize, RuleHit } from '../../core/types';
import { allCommands } from '../../core/dockerfile/instructions';
import { copiedNames, dockerfileRel, firstInstructionRange, ignoreFileOf, wholeContextCopy } from '../../core/dockerfile/dockerignore';

// Named first in the message: the entries that cost the most (size, cache, secrets).
const NOTABLE = ['.git', 'node_modules', '.env', 'venv', '.venv'];
const BUILD_FILES = 'Docker build files';
// Listed in a created file, but not worth a finding on their own.
const MINOR = new Set([BUILD_FILES, 'Editors and OS files', 'Logs']);
// Entries the size measurement may visit per check, across all folders: a few ms even on a slow disk.
const SIZE_BUDGET = 2000;
const SHOWN = 4;
// Never worth descending into; their presence is all that matters.
const OPAQUE = new Set(['.git', 'node_modules', 'venv', '.venv', '__pycache__', 'target', '.tox', 'vendor']);
const TEST_RUNNERS = new Set(['pytest', 'tox', 'nox', 'jest', 'vitest', 'mocha', 'rspec', 'phpunit']);
const TEST_CAPABLE = new Set(['npm', 'yarn', 'pnpm', 'go', 'cargo', 'gradle', 'gradlew', 'mvn', 'mvnw', 'bundle', 'rake', 'python', 'python3', 'make', 'dotnet']);

/** Relative paths of everything within a few levels of the context root (bounded, so huge contexts stay cheap). */
function scan(context: BuildContext, maxDepth = 3, limit = 5000): string[] {
  const paths: string[] = [];
  const queue: [string, number][] = [['', 0]];
  while (queue.length && paths.length < limit) {
    const [dir, depth] = queue.shift()!;
    for (const name of context.list(dir).sort()) {
      const rel = dir ? `${dir}/${name}` : name;
      paths.push(rel);
      if (depth < maxDepth && !OPAQUE.has(name) && context.isDirectory(rel)) queue.push([rel, depth + 1]);
    }
  }
  return paths;
}

/** True when a RUN runs a test suite: then test folders must stay in the context. */
function runsTests(model: DockerfileModel): boolean {
  for (const { cmd } of allCommands(model)) {
    if (TEST_RUNNERS.has(cmd.program)) return true;
    if (TEST_CAPABLE.has(cmd.program) && cmd.args.some((a) => /^(test|tests|spec|pytest|unittest|rspec)$|^test:/.test(a.value))) return true;
  }
  return false;
}

/** The .dockerignore lines for what this context holds, grouped under titles, in a fixed order. */
function ignoreGroups(model: DockerfileModel, context: BuildContext, dockerfile: string | undefined): [string, string[]][] {
  const root = new Set(context.list(''));
  const paths = scan(context);
  const all = new Set(paths.map((p) => p.slice(p.lastIndexOf('/') + 1)));
  const copied = copiedNames(model);
  const at = (name: string) => root.has(name) && !copied.has(name);
  const isPython = ['requirements.txt', 'pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile'].some((f) => root.has(f)) || all.has('__pycache__');
  const buildsHere = isPython || root.has('package.json');
  const envFiles = [...root].filter((n) => n.startsWith('.env.')).sort();
  const examples = envFiles.filter((n) => /\.(example|sample|template|dist)$/.test(n));
  const secretEnv = envFiles.length > examples.length && !envFiles.some((n) => copied.has(n));
  const tests = runsTests(model) ? [] : ['tests/', 'test/', '__tests__/'].filter((t) => at(t.slice(0, -1)));
  // A node_modules below the root (workspaces) needs `**/`: plain names only match at the root.
  const modules = paths.some((p) => p.endsWith('/node_modules')) ? '**/node_modules' : at('node_modules') ? 'node_modules' : undefined;

  const groups: [string, string[]][] = [
    ['Version control', at('.git') ? ['.git'] : []],
    [
      'Dependencies are installed inside the image',
      [
        ...(modules && !copied.has('node_modules') ? [modules] : []),
        ...(isPython ? ['**/__pycache__', '**/*.pyc'] : []),
        ...['venv', '.venv'].filter(at).map((v) => `${v}/`),
      ],
    ],
    [
      'Build output',
      [...(buildsHere ? ['dist', 'build'] : []), ...(root.has('Cargo.toml') || root.has('pom.xml') ? ['target'] : [])].filter(at).map((d) => `${d}/`),
    ],
    ['Tests and coverage', [...['coverage', '.nyc_output', 'htmlcov', '.pytest_cache', '.mypy_cache', '.tox'].filter(at).map((d) => `${d}/`), ...(at('.coverage') ? ['.coverage'] : []), ...tests]],
    [
      'Local environment and secrets',
      [...(at('.env') ? ['.env'] : []), ...(secretEnv ? ['.env.*', ...examples.map((e) => `!${e}`)] : [])],
    ],
    ['Editors and OS files', [...['.vscode', '.idea'].filter(at).map((d) => `${d}/`), ...(all.has('.DS_Store') ? ['**/.DS_Store'] : [])]],
    ['Logs', [...all].some((n) => n.endsWith('.log')) ? ['**/*.log'] : []],
    [BUILD_FILES, [...(dockerfile && !copied.has(dockerfile) ? [dockerfile] : []), '.dockerignore']],
  ];
  return groups;
}

/** The .dockerignore content for what this context holds, grouped under comments. */
export function dockerignoreFor(model: DockerfileModel, context: BuildContext, dockerfile: string | undefined): string {
  const eol = model.eol;
  return ignoreGroups(model, context, dockerfile)
    .filter(([, lines]) => lines.length)
    .map(([title, lines]) => [`# ${title}`, ...lines].join(eol))
    .join(eol + eol) + eol;
}

/**
 * `40 MB`; when the walk was cut short, a lower bound (`over 40 MB`, or `over 4000 entries` while under 1 MB);
 * undefined for a complete folder under 1 MB (small folders are not worth a number).
 */
function sizeText({ bytes, entries, complete }: ContextSize): string | undefined {
  const mb = Math.round(bytes / (1 << 20));
  if (complete) return bytes < 1 << 20 ? undefined : `${mb} MB`;
  return bytes < 1 << 20 ? `over ${entries >= 1000 ? Math.floor(entries / 1000) * 1000 : entries} entries` : `over ${mb} MB`;
}

/**
 * What the context holds that is worth a .dockerignore (`.git`, `**\/node_modules`, `dist`, `.env`), notable ones
 * first; editor folders, logs and the Docker files alone are not.
 */
function worthExcluding(model: DockerfileModel, context: BuildContext): string[] {
  const rank = (e: string) => (NOTABLE.includes(e) ? NOTABLE.indexOf(e) : NOTABLE.length);
  return ignoreGroups(model, context, undefined)
    .filter(([title]) => !MINOR.has(title))
    .flatMap(([, lines]) => lines)
    .filter((l) => !l.startsWith('!'))
    .map((l) => l.replace(/\/$/, ''))
    .sort((a, b) => rank(a) - rank(b));
}

/** The entries as the message names them: big folders with their size, measured within a bounded walk. */
function describeEntries(entries: string[], context: BuildContext): string[] {
  let budget = SIZE_BUDGET;
  return entries.map((entry) => {
    if (!context.size || budget <= 0 || entry.includes('*') || !context.isDirectory(entry)) return `\`${entry}\``;
    const size = context.size(entry, budget);
    budget -= size.entries;
    const text = sizeText(size);
    return text ? `\`${entry}\` (${text})` : `\`${entry}\``;
  });
}

/**
 * The finding, or undefined when the context holds nothing worth excluding and nothing copies all of it. Only a
 * whole-context COPY makes it a warning: otherwise BuildKit sends just what the COPYs name, and the entries matter
 * for a later `COPY . .` or the classic builder (which sends everything).
 */
function problem(model: DockerfileModel, context: BuildContext): RuleHit | undefined {
  const copy = wholeContextCopy(model);
  const found = worthExcluding(model, context);
  const range = firstInstructionRange(model);
  // Only the named entries are measured.
  const named = found.length > SHOWN + 1 ? [...describeEntries(found.slice(0, SHOWN), context), `${found.length - SHOWN} more`] : describeEntries(found, context);
  const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named.join('');
  if (copy && found.length) return { range, message: `No .dockerignore in the build context, so \`${copy}\` sends ${list} to the builder and copies ${found.length > 1 ? 'them' : 'it'} into the image; add a .dockerignore` };
  if (copy) return { range, message: `No .dockerignore in the build context, so \`${copy}\` copies all of it into the image, the Dockerfile included, and any file change invalidates that layer's cache; add a .dockerignore` };
  if (found.length) return { range, severity: 'info', message: `No .dockerignore in the build context, which holds ${list}: nothing keeps ${found.length > 1 ? 'them' : 'it'} out of a later \`COPY . .\` or a build with the classic builder; add a .dockerignore` };
  return undefined;
}

export const missingDockerignore: DockerfileRule = {
  id: 'missing-dockerignore',
  aliases: ['ID.10001'],
  severity: 'warning',
  severityNote: 'info when no COPY or ADD copies the whole context',
  category: 'size',
  docs: {
    summary: 'The build context has no `.dockerignore` but holds something to exclude (`.git`, `node_modules`, `.env`, build output…) or is copied whole.',
    why: 'Without it, `docker build` sends the whole folder to the builder (`.git`, `node_modules`, virtualenvs), and `COPY . .` copies it into the image, including local `.env` secrets. Every unrelated file change also invalidates the COPY layer cache. Where no instruction copies the whole context, BuildKit sends only what the COPYs name, so the finding is information: the file still guards a later `COPY . .` and builds with the classic builder. A context that holds nothing worth excluding and is not copied whole is not flagged.',
    bad: '# no .dockerignore next to:\nFROM node:20-slim\nCOPY . .',
    good: '# .dockerignore\n.git\nnode_modules\n.env',
  },
  check({ model, path, context }) {
    if (!context || ignoreFileOf(path, context)) return [];
    const hit = problem(model, context);
    return hit ? [hit] : [];
  },
  fixes: [
    {
      id: 'create',
      title: () => 'Create a .dockerignore for this build context',
      safe: true,
      preferred: true,
      apply(input) {
        const context = input.context;
        if (!context || ignoreFileOf(input.path, context)) return null;
        const model = modelOf(input);
        if (!wholeContextCopy(model) && !worthExcluding(model, context).length) return null;
        const content = dockerignoreFor(model, context, dockerfileRel(input.path, context));
        return { edits: [], files: [{ path: `${context.root}/.dockerignore`, create: content }] };
      },
    },
  ],
};
