// Side-by-side benchmark (never a timed test): our language server and the servers it replaces — the Docker
// extension's docker-langserver and yaml-language-server with a local Kubernetes schema — driven over stdio by the
// same client on the same generated inputs, in one run. Prints medians and ratios (ours / theirs).
//
//   npm run bench:peers                 three rounds, every size
//   npm run bench:peers -- --rounds 1 --sizes small,medium
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { bigDockerfile, bigManifest } from './bench';

const ROOT = path.resolve(__dirname, '..');
const PUSH_TIMEOUT_MS = 60_000;

type Kind = 'dockerfile' | 'manifest';

interface ServerSpec {
  name: string;
  kind: Kind;
  argv: string[];
  /** Sent as workspace/didChangeConfiguration and answered to workspace/configuration. */
  settings: Record<string, unknown>;
  /**
   * Diagnostics are pulled (textDocument/diagnostic right after the change, as VS Code does with servers that offer it)
   * rather than waited for as a push; the peers only push.
   */
  pull?: boolean;
}

interface Input {
  kind: Kind;
  label: string;
  text: string;
  /** One-line edit: the text after it. */
  edited: string;
  /** Where hover is asked (a FROM image, a `kind:` key). */
  hover: { line: number; character: number };
}

interface Finding {
  code?: string | number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

interface Sample {
  start: number;
  open: number;
  edit: number;
  action: number;
  hover: number;
  rssMb: number;
  diagnostics: number;
  /** Our analysis of the opened file stopped at its time budget (an analysis-incomplete finding): its times are not comparable. */
  incomplete: boolean;
}

/** The schema yaml-language-server validates against: every bundled Kubernetes kind, as its own Kubernetes mode does (oneOf). */
function kubernetesJsonSchema(): string {
  const bundled = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/kubernetes.json'), 'utf8')) as { kinds: Record<string, string>; definitions: unknown };
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', definitions: bundled.definitions, oneOf: [...new Set(Object.values(bundled.kinds))].map(($ref) => ({ $ref })) };
  const dir = path.join(ROOT, '.cache/bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'kubernetes-all.json');
  fs.writeFileSync(file, JSON.stringify(schema));
  return pathToFileURL(file).toString();
}

export function servers(): ServerSpec[] {
  const bin = (pkg: string, file: string) => path.join(ROOT, 'node_modules', pkg, file);
  const ours = path.join(ROOT, 'dist/server.js');
  return [
    { name: 'Stevedore', kind: 'dockerfile', argv: [ours, '--stdio'], settings: {}, pull: true },
    { name: 'docker-langserver 0.15', kind: 'dockerfile', argv: [bin('dockerfile-language-server-nodejs', 'bin/docker-langserver'), '--stdio'], settings: {} },
    { name: 'Stevedore', kind: 'manifest', argv: [ours, '--stdio'], settings: {}, pull: true },
    {
      name: 'yaml-language-server 1.25',
      kind: 'manifest',
      argv: [bin('yaml-language-server', 'bin/yaml-language-server'), '--stdio'],
      settings: { yaml: { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false }, schemas: { [kubernetesJsonSchema()]: '*.yaml' } } },
    },
  ];
}

function inputs(sizes: Set<string>): Input[] {
  const out: Input[] = [];
  const docker = (lines: number, label: string) => {
    const text = bigDockerfile(lines);
    out.push({ kind: 'dockerfile', label, text, edited: text.replace('WORKDIR /src', 'WORKDIR /srv'), hover: { line: 2, character: 6 } });
  };
  const manifest = (lines: number, label: string) => {
    const text = bigManifest(lines);
    out.push({ kind: 'manifest', label, text, edited: text.replace('value: info', 'value: debug'), hover: { line: 1, character: 2 } });
  };
  if (sizes.has('small')) docker(50, '50-line Dockerfile');
  if (sizes.has('medium')) docker(1000, '1,000-line Dockerfile');
  if (sizes.has('large')) docker(10000, '10,000-line Dockerfile');
  if (sizes.has('small')) manifest(100, '100-line manifest');
  if (sizes.has('medium')) manifest(2000, '2,000-line manifest');
  if (sizes.has('large')) manifest(20000, '20,000-line manifest');
  return out;
}

class Session {
  readonly connection: MessageConnection;
  private readonly published = new Map<string, Array<{ version?: number; diagnostics: unknown[] }>>();
  private waiters: Array<() => void> = [];

  constructor(readonly proc: ChildProcessWithoutNullStreams, settings: Record<string, unknown>) {
    this.connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    proc.stderr.resume();
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const list = this.published.get(p.uri) ?? [];
      list.push({ version: p.version, diagnostics: p.diagnostics });
      this.published.set(p.uri, list);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
      p.items.map((i) => (i.section ? (i.section.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], settings) ?? null) : settings)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  /** Waits for the `n`-th diagnostics push for `uri` (1-based) whose version, when it has one, is `version`. */
  async push(uri: string, n: number, version: number): Promise<unknown[]> {
    const deadline = Date.now() + PUSH_TIMEOUT_MS;
    for (;;) {
      const list = this.published.get(uri) ?? [];
      const hit = list.slice(n - 1).find((p) => p.version === undefined || p.version === version);
      if (hit) return hit.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 1000);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  count(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }
}

/** Peak resident set (VmHWM) of a process, in MB. */
function peakRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await f();
  return [performance.now() - t0, value];
}

/** One fresh server process: start, open, three edits, code actions and hovers; then its peak memory. */
export async function measure(server: ServerSpec, input: Input, dir: string): Promise<Sample> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, server.argv, { stdio: 'pipe', cwd: dir });
  const s = new Session(proc, server.settings);
  const rootUri = pathToFileURL(dir).toString();
  await s.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        ...(server.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
        synchronization: { didSave: true },
      },
    },
  });
  const start = performance.now() - t0;
  await s.connection.sendNotification('initialized', {});
  await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: server.settings });

  const file = input.kind === 'dockerfile' ? 'Dockerfile' : 'app.yaml';
  const uri = pathToFileURL(path.join(dir, file)).toString();
  fs.writeFileSync(path.join(dir, file), input.text);
  const languageId = input.kind === 'dockerfile' ? 'dockerfile' : 'yaml';
  const pull = async () => ((await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Finding[] }).items;
  const [open, diagnostics] = await timed(async () => {
    void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: input.text } });
    return server.pull ? pull() : ((await s.push(uri, 1, 1)) as Finding[]);
  });

  const edits: number[] = [];
  let version = 1;
  for (let k = 0; k < 3; k++) {
    const text = k % 2 === 0 ? input.edited : input.text;
    version++;
    const before = s.count(uri);
    const [ms] = await timed(async () => {
      void s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return server.pull ? pull() : s.push(uri, before + 1, version);
    });
    edits.push(ms);
  }
  // The document now holds input.edited (edits: edited, original, edited); code actions at its first finding.
  const latest = server.pull ? await pull() : ((await s.push(uri, s.count(uri), version)) as Finding[]);
  const at = latest[0]?.range ?? { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } };
  const actions: number[] = [];
  const hovers: number[] = [];
  for (let k = 0; k < 3; k++) {
    const [a] = await timed(() => s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: at, context: { diagnostics: latest.slice(0, 1) } }));
    actions.push(a);
    const [h] = await timed(() => s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: input.hover }));
    hovers.push(h);
  }
  const rssMb = peakRss(proc.pid!);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  try {
    await Promise.race([s.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    void s.connection.sendNotification('exit');
  } catch {
    /* killed below */
  }
  setTimeout(() => proc.kill('SIGKILL'), 2000).unref();
  await exited;
  s.connection.dispose();
  return { start, open, edit: median(edits), action: median(actions), hover: median(hovers), rssMb, diagnostics: diagnostics.length, incomplete: diagnostics.some((d) => d.code === 'analysis-incomplete') };
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** Wall time and peak RSS of one whole process (spawn to exit). */
function processRun(argv: string[], cwd: string): { ms: number; rssMb: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...argv], { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  const kb = Number(
    r.stderr
      .trim()
      .split('\n')
      .filter((l) => /^\d+$/.test(l))
      .pop(),
  );
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
  return { ms, rssMb: kb / 1024 };
}

/** A folder of small Dockerfiles and manifests, like a repository's: `n` files. */
function lintFolder(dir: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `svc-${i}`);
    fs.mkdirSync(sub, { recursive: true });
    if (i % 2 === 0) fs.writeFileSync(path.join(sub, 'Dockerfile'), bigDockerfile(20 + (i % 7) * 10));
    else fs.writeFileSync(path.join(sub, 'deploy.yaml'), bigManifest(60 + (i % 5) * 60).replace(/app-/g, `svc${i}-`));
  }
}

/** The CLI as a pre-commit hook or CI runs it: one small Dockerfile, and a folder, against bare node start-up. */
function cliRows(rounds: number, work: string): void {
  const cli = path.join(ROOT, 'dist/cli.js');
  const small = fs.mkdtempSync(path.join(work, 'cli-'));
  fs.writeFileSync(path.join(small, 'Dockerfile'), 'FROM debian:12\nRUN apt-get update\n');
  const folder = fs.mkdtempSync(path.join(work, 'folder-'));
  const files = 500;
  lintFolder(folder, files);
  const bare: number[] = [];
  const one: number[] = [];
  const many: Array<{ ms: number; rssMb: number }> = [];
  for (let r = 0; r < Math.max(rounds, 3); r++) {
    bare.push(processRun(['-e', '0'], small).ms);
    one.push(processRun([cli, 'lint', 'Dockerfile'], small).ms);
    many.push(processRun([cli, 'lint', '.', '--format', 'json'], folder));
  }
  const b = median(bare);
  const o = median(one);
  const m = median(many.map((x) => x.ms));
  console.log(`| CLI | one 2-line Dockerfile, whole process | ${fmt(o)} ms | ${fmt(b)} ms (bare \`node -e 0\`) | ${(o / b).toFixed(2)}× |`);
  console.log(`| CLI | ${files} small Dockerfiles and manifests | ${fmt(m)} ms, ${Math.round((files / m) * 1000)} files/s, peak ${fmt(median(many.map((x) => x.rssMb)))} MB |  |  |`);
}

async function main(): Promise<void> {
  const rounds = Number(arg('rounds', '3'));
  const sizes = new Set(arg('sizes', 'small,medium,large,cli').split(','));
  const specs = servers();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-bench-peers-'));
  console.log(`# bench:peers — ${os.cpus().length} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}, medians of ${rounds} rounds (each a fresh process)`);
  console.log('| input | measure | Stevedore | anchor | ratio |');
  console.log('|---|---|---|---|---|');
  try {
    for (const input of inputs(sizes)) {
      const [ours, theirs] = specs.filter((s) => s.kind === input.kind);
      const a: Sample[] = [];
      const b: Sample[] = [];
      for (let r = 0; r < rounds; r++) {
        // Alternate who goes first so neither always runs on a warmer machine.
        const order = r % 2 === 0 ? [ours, theirs] : [theirs, ours];
        for (const spec of order) {
          const dir = fs.mkdtempSync(path.join(work, 'ws-'));
          (spec === ours ? a : b).push(await measure(spec, input, dir));
        }
      }
      const row = (label: string, pick: (s: Sample) => number, unit = 'ms') => {
        const x = median(a.map(pick));
        const y = median(b.map(pick));
        const u = unit === 'ms' ? ' ms' : ' MB';
        console.log(`| ${input.label} | ${label} | ${fmt(x)}${u} | ${fmt(y)}${u} (${theirs.name}) | ${(x / y).toFixed(2)}× |`);
      };
      row('open → diagnostics', (s) => s.open);
      row('one-line edit → diagnostics', (s) => s.edit);
      row('code action at first finding', (s) => s.action);
      row('hover', (s) => s.hover);
      row('peak RSS', (s) => s.rssMb, 'MB');
      row('start → initialize result', (s) => s.start);
      const cut = a.filter((x) => x.incomplete).length;
      console.log(`|  | findings on open | ${a.map((x) => x.diagnostics).join(' / ')}${cut ? ` (${cut} of ${a.length} runs stopped at the analysis budget)` : ''} | ${b.map((x) => x.diagnostics).join(' / ')} |  |`);
    }
    if (sizes.has('cli')) cliRows(rounds, work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`bench:peers: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
