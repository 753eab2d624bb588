import { buildModel, type DockerfileModel } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';
import type { BuildContext } from '../../core/types';
import { allCommands } from './util';
import { copiedNames, dockerfileRel, firstInstructionRange, ignoreFileOf } from './dockerignore-shared';

const NOTABLE = ['.git', 'node_modules', '.env', 'venv', '.venv'];
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

/** The .dockerignore content for what this context holds, grouped under comments, in a fixed order. */
export function dockerignoreFor(model: DockerfileModel, context: BuildContext, dockerfile: string | undefined): string {
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
    ['Docker build files', [...(dockerfile && !copied.has(dockerfile) ? [dockerfile] : []), '.dockerignore']],
  ];
  const eol = model.eol;
  return groups
    .filter(([, lines]) => lines.length)
    .map(([title, lines]) => [`# ${title}`, ...lines].join(eol))
    .join(eol + eol) + eol;
}

export const missingDockerignore: DockerfileRule = {
  id: 'missing-dockerignore',
  aliases: ['ID.10001'],
  severity: 'warning',
  category: 'size',
  docs: {
    summary: 'The build context has no `.dockerignore`.',
    why: 'Without it, `docker build` sends the whole folder to the builder (`.git`, `node_modules`, virtualenvs), and `COPY . .` copies it into the image, including local `.env` secrets. Every unrelated file change also invalidates the COPY layer cache.',
    bad: '# no .dockerignore next to:\nFROM node:20-slim\nCOPY . .',
    good: '# .dockerignore\n.git\nnode_modules\n.env',
  },
  check({ model, path, context }) {
    if (!context || ignoreFileOf(path, context)) return [];
    const present = NOTABLE.filter((n) => context.exists(n)).map((n) => `\`${n}\``);
    const what = present.length ? `${present.join(', ')} ${present.length > 1 ? 'are' : 'is'}` : 'every file is';
    return [{ message: `No .dockerignore in the build context, so ${what} sent to the builder and copied by \`COPY . .\`; add a .dockerignore`, range: firstInstructionRange(model) }];
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
        const model = buildModel(input.text);
        const content = dockerignoreFor(model, context, dockerfileRel(input.path, context));
        return { edits: [], files: [{ path: `${context.root}/.dockerignore`, create: content }] };
      },
    },
  ],
};
