// Drives ONE long-lived dist/server.js through every request type for each fuzz input, timing each request and
// collecting failures: error responses, slow answers, crashes, failure log lines, and RSS growth.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lspClient';
import { manifestRules } from '../../server/src/rules/k8s';
import type { FuzzInput } from './corpus';
import type { Rng } from './prng';

export interface Failure {
  input: string;
  request: string;
  error: string;
  ms?: number;
}

export interface DriverOptions {
  /** A request slower than this fails (the issue's 1 s). */
  limitMs?: number;
  /** A request that has not answered after this is a hang: the server is restarted. */
  hangMs?: number;
}

/** Log lines that mean something broke inside the server (a rule that threw, an uncaught exception). */
const FAILURE_LOG = /fail|error|exception|maximum call stack|out of memory|unreachable/i;
/**
 * A finding that says a rule threw or the parser threw (a bug, shown as an analysis-incomplete info finding).
 * The designed degradations (a RUN over the shell-parser limits, the editor's time budget) are not failures here:
 * the request timings already hold the server to 1 s.
 */
const isRuleFailure = (d: any) =>
  d.code === 'analysis-incomplete' ? ['rule-failed', 'parse-failed'].includes(d.data?.reason) || (!d.data?.reason && /\bfailed\b|could not parse/i.test(String(d.message))) : /\brule\b.*\bfailed\b/i.test(String(d.message));

const TRIVIAL_DOCKERFILE = 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install curl\nUSER nobody\nCMD ["bash"]\n';
const TRIVIAL_MANIFEST = manifestRules.find((r) => r.id === 'missing-resources')!.docs.bad;

export const formatFailure = (f: Failure) => `${f.input} | ${f.request} | ${f.error}${f.ms === undefined ? '' : ` | ${f.ms} ms`}`;

class Hang extends Error {}

/** LSP line starts (\n, \r\n and a lone \r all end a line) and lengths, in UTF-16 units. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

export class FuzzDriver {
  client!: TestClient;
  /** Rejects when the current server process exits, so a pending request fails at once instead of hanging. */
  private exited!: Promise<never>;
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-fuzz-'));
  private counter = 0;
  private readonly limitMs: number;
  private readonly hangMs: number;
  /** RSS of the server after warm-up and a full GC (MB), the baseline for the growth check. */
  baselineRssMb = 0;
  restarts = 0;
  /** Slowest request seen: for the summary. */
  slowest = { input: '', request: '', ms: 0 };

  constructor(options: DriverOptions = {}) {
    this.limitMs = options.limitMs ?? 1000;
    this.hangMs = options.hangMs ?? 30_000;
    fs.writeFileSync(path.join(this.dir, '.dockerignore'), '.git\nnode_modules\n');
  }

  /** Starts the server and warms it up (grammar, schemas, first analyses), then records the RSS baseline. */
  async start(): Promise<Failure[]> {
    await this.spawn();
    const failures: Failure[] = [];
    for (let i = 0; i < 3; i++) failures.push(...(await this.healthCheck('warm-up')));
    this.baselineRssMb = (await this.memory()).rssMb;
    return failures;
  }

  /** Resident set size of the server process in MB, from /proc (what the OS sees, garbage included). */
  rssMb(): number {
    const status = fs.readFileSync(`/proc/${this.client.proc.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return Math.round(kb / 1024);
  }

  /** RSS and JS heap in MB after a full GC, from the server's stevedore/memory request; /proc RSS if it has none. */
  async memory(): Promise<{ rssMb: number; heapMb?: number; externalMb?: number }> {
    try {
      const m: any = await this.client.request('stevedore/memory', {});
      // external includes WebAssembly memories (the shell grammar's heap), which never shrink.
      return { rssMb: Math.round(m.rss / 2 ** 20), heapMb: Math.round(m.heapUsed / 2 ** 20), externalMb: Math.round(m.external / 2 ** 20) };
    } catch {
      return { rssMb: this.rssMb() };
    }
  }

  get alive(): boolean {
    return this.client.proc.exitCode === null && this.client.proc.signalCode === null;
  }

  private uriFor(kind: FuzzInput['kind']): string {
    const n = ++this.counter;
    return pathToFileURL(path.join(this.dir, kind === 'dockerfile' ? `Dockerfile.${n}` : `manifest-${n}.yaml`)).toString();
  }

  /** Sends one request, timed; a rejection, a slow answer or no answer becomes a Failure. */
  private async timed<T>(input: string, request: string, failures: Failure[], send: () => Promise<T>): Promise<T | undefined> {
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Hang(`no answer after ${this.hangMs} ms`)), this.hangMs)));
    try {
      const result = await Promise.race([send(), hang, this.exited]);
      const ms = Math.round(performance.now() - t0);
      if (ms > this.slowest.ms) this.slowest = { input, request, ms };
      if (ms > this.limitMs) failures.push({ input, request, error: `slower than ${this.limitMs} ms`, ms });
      return result;
    } catch (e) {
      const ms = Math.round(performance.now() - t0);
      const message = ((e as Error).message ?? String(e)).split('\n')[0].slice(0, 300);
      failures.push({ input, request, error: message, ms });
      if (e instanceof Hang || !this.alive) throw e;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Opens the input, sends every request type, edits it, and closes it. */
  async exercise(input: FuzzInput, rng: Rng): Promise<Failure[]> {
    const failures: Failure[] = [];
    const logMark = this.client.messages.length;
    const errMark = this.client.stderr.length;
    try {
      await this.requests(input, rng, failures);
    } catch {
      // A hang or a crash: the failure is recorded; a fresh server serves the next input.
      await this.restart(input.name, failures);
      return failures;
    }
    for (const line of this.client.messages.slice(logMark)) if (FAILURE_LOG.test(line)) failures.push({ input: input.name, request: 'log', error: line.split('\n')[0].slice(0, 300) });
    const stderr = this.client.stderr.slice(errMark).join('').trim();
    if (stderr) failures.push({ input: input.name, request: 'stderr', error: stderr.split('\n')[0].slice(0, 300) });
    return failures;
  }

  private async requests(input: FuzzInput, rng: Rng, failures: Failure[]): Promise<void> {
    const { name } = input;
    const uri = this.uriFor(input.kind);
    const textDocument = { uri };
    const conn = this.client.connection;
    const send = <T = any>(request: string, method: string, params: unknown) => this.timed<T>(name, request, failures, () => conn.sendRequest(method, params) as Promise<T>);
    let text = input.text;
    let version = 1;
    void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: input.kind === 'dockerfile' ? 'dockerfile' : 'yaml', version, text } });

    const lens = lineLengths(text);
    const last = lens.length - 1;
    const end = { line: last, character: lens[last] };
    const randomPos = () => {
      const line = rng.int(lens.length);
      return { line, character: rng.int(lens[line] + 1) };
    };
    const report = await send<any>('diagnostic', 'textDocument/diagnostic', { textDocument });
    const diags: any[] = report?.items ?? [];
    for (const d of diags) if (isRuleFailure(d)) failures.push({ input: name, request: 'diagnostic', error: `${d.code} finding: ${String(d.message).slice(0, 200)}` });
    // Actions that arrive without their edit are resolved, as VS Code does before applying one (a few per list).
    const resolveSome = async (label: string, actions: any) => {
      const unresolved = (Array.isArray(actions) ? actions : []).filter((a) => a && !a.edit && !a.command && a.data !== undefined);
      for (const a of unresolved.slice(0, 3)) await send(`codeAction/resolve ${label} "${String(a.title).slice(0, 60)}"`, 'codeAction/resolve', a);
    };
    await resolveSome('whole document', await send('codeAction whole document', 'textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: diags } }));
    const cursor = diags.length ? rng.pick(diags).range : { start: randomPos(), end: randomPos() };
    if (cursor.end.line < cursor.start.line) [cursor.start, cursor.end] = [cursor.end, cursor.start];
    const atCursor = diags.filter((d) => d.range.start.line <= cursor.end.line && d.range.end.line >= cursor.start.line);
    await resolveSome('at cursor', await send('codeAction at cursor', 'textDocument/codeAction', { textDocument, range: cursor, context: { diagnostics: atCursor } }));
    const fixAllRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    await resolveSome('fixAll', await send('codeAction fixAll', 'textDocument/codeAction', { textDocument, range: fixAllRange, context: { diagnostics: [], only: ['source.fixAll.stevedore'] } }));
    const positions = [{ line: 0, character: 0 }, cursor.start, randomPos(), end];
    for (const [i, position] of positions.entries()) await send(`hover #${i} ${position.line}:${position.character}`, 'textDocument/hover', { textDocument, position });
    for (const position of [cursor.start, end]) await send(`completion ${position.line}:${position.character}`, 'textDocument/completion', { textDocument, position, context: { triggerKind: 1 } });
    await send('codeLens', 'textDocument/codeLens', { textDocument });
    await send('documentSymbol', 'textDocument/documentSymbol', { textDocument });
    const pos = randomPos();
    await send(`definition ${pos.line}:${pos.character}`, 'textDocument/definition', { textDocument, position: pos });
    await send(`references ${pos.line}:${pos.character}`, 'textDocument/references', { textDocument, position: pos, context: { includeDeclaration: true } });
    await send('foldingRange', 'textDocument/foldingRange', { textDocument });

    // Typing: one-character incremental edits, each followed by a diagnostics pull as an editor does.
    const edits = 1 + (input.edits ?? 0);
    for (let i = 0; i < edits; i++) {
      const lines = lineLengths(text);
      const line = rng.int(lines.length);
      const character = rng.int(lines[line] + 1);
      const inserted = rng.pick(['a', ' ', '\n', '-', ':', '\\', '$', '"']);
      text = insertAtPosition(text, line, character, inserted);
      void conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: inserted }],
      });
      await send(`diagnostic after edit ${i + 1}`, 'textDocument/diagnostic', { textDocument });
    }
    await send('codeAction after edits', 'textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: [] } });
    void conn.sendNotification('textDocument/didClose', { textDocument });
  }

  /** A trivial Dockerfile and a trivial manifest still get their normal findings, in time. */
  async healthCheck(label = 'health check'): Promise<Failure[]> {
    const failures: Failure[] = [];
    const probe = async (kind: FuzzInput['kind'], text: string, expected: string) => {
      const uri = this.uriFor(kind);
      void this.client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: kind === 'dockerfile' ? 'dockerfile' : 'yaml', version: 1, text } });
      const report = await this.timed<any>(label, `${kind} diagnostic`, failures, () => this.client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }));
      const codes = (report?.items ?? []).map((d: any) => d.code);
      if (report && !codes.includes(expected)) failures.push({ input: label, request: `${kind} diagnostic`, error: `expected ${expected} among [${codes.join(', ')}]` });
      void this.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    };
    try {
      await probe('dockerfile', TRIVIAL_DOCKERFILE, 'merge-run');
      await probe('manifest', TRIVIAL_MANIFEST, 'missing-resources');
    } catch {
      await this.restart(label, failures);
    }
    return failures;
  }

  private async restart(input: string, failures: Failure[]): Promise<void> {
    failures.push({ input, request: 'server', error: this.alive ? 'hung; restarted' : `crashed (code ${this.client.proc.exitCode}, signal ${this.client.proc.signalCode}); restarted` });
    this.client.proc.kill('SIGKILL');
    this.client.connection.dispose();
    this.restarts++;
    await this.spawn();
  }

  private async spawn(): Promise<void> {
    // As VS Code: code actions may come without their edit, to be resolved when chosen. --expose-gc lets
    // stevedore/memory collect garbage first, so RSS growth means memory kept, not garbage not yet collected.
    this.client = await TestClient.start({ codeActionResolve: true, nodeArgs: ['--expose-gc'] });
    const proc = this.client.proc;
    this.exited = new Promise<never>((_, reject) => proc.once('exit', (code, signal) => reject(new Error(`server exited (code ${code}, signal ${signal})`))));
    this.exited.catch(() => {});
  }

  async stop(): Promise<void> {
    if (this.alive) await this.client.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function insertAtPosition(text: string, line: number, character: number, inserted: string): string {
  const re = /\r\n|\r|\n/g;
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const m = re.exec(text);
    if (!m) break;
    offset = m.index + m[0].length;
  }
  return text.slice(0, offset + character) + inserted + text.slice(offset + character);
}
