// One fresh server process driven over stdio the way an editor drives it: the LSP client side of bench:peers.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const PUSH_TIMEOUT_MS = 60_000;

export type Kind = 'dockerfile' | 'manifest';

export interface ServerSpec {
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
  /** Sent as the initialize request's initializationOptions (e.g. a larger analysisBudgetMs to see whole analyses). */
  initializationOptions?: unknown;
}

export interface Input {
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
  message?: string;
  range: {
    start: { line: number; character: number };
    end: { line: number; character: number };
  };
}

export interface Sample {
  start: number;
  open: number;
  edit: number;
  action: number;
  hover: number;
  rssMb: number;
  diagnostics: number;
  /**
   * Why our analysis of the opened file is incomplete (its analysis-incomplete findings): the time budget, or a part
   * beyond the size limits left unchecked. Its times then cover less work than the anchor's.
   */
  incomplete: string[];
}

/** A server after start: resident and peak resident memory (VmRSS, VmHWM) once it has idled. */
export interface IdleSample {
  start: number;
  rssMb: number;
  peakMb: number;
}

class Session {
  readonly connection: MessageConnection;
  private readonly published = new Map<string, Array<{ version?: number; diagnostics: unknown[] }>>();
  private waiters: Array<() => void> = [];

  constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    settings: Record<string, unknown>,
  ) {
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

  /** Asks for shutdown and exit; kills the process if it has not gone within 2 s. */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.connection.sendNotification('exit');
    } catch {
      /* killed below */
    }
    setTimeout(() => this.proc.kill('SIGKILL'), 2000).unref();
    await exited;
    this.connection.dispose();
  }
}

/** Resident (VmRSS) and peak resident (VmHWM) memory of a process, in MB. */
function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return { rssMb: mb('VmRSS'), peakMb: mb('VmHWM') };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await f();
  return [performance.now() - t0, value];
}

/** Spawns the server in `dir` and completes initialize; `start` is spawn → initialize result. */
async function startSession(server: ServerSpec, dir: string): Promise<{ s: Session; start: number }> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, server.argv, {
    stdio: 'pipe',
    cwd: dir,
  });
  const s = new Session(proc, server.settings);
  const rootUri = pathToFileURL(dir).toString();
  await s.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    initializationOptions: server.initializationOptions,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
      },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        ...(server.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        hover: { contentFormat: ['markdown', 'plaintext'] },
        // As VS Code asks: actions whose edit is costly ("fix all", rewrites) may come without it, for codeAction/resolve.
        codeAction: {
          codeActionLiteralSupport: {
            codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] },
          },
          dataSupport: true,
          resolveSupport: { properties: ['edit'] },
        },
        synchronization: { didSave: true },
      },
    },
  });
  const start = performance.now() - t0;
  await s.connection.sendNotification('initialized', {});
  await s.connection.sendNotification('workspace/didChangeConfiguration', {
    settings: server.settings,
  });
  return { s, start };
}

/** One fresh server process: start, initialize, then `idleMs` with nothing open; its memory then. */
export async function idle(server: ServerSpec, dir: string, idleMs = 2000): Promise<IdleSample> {
  const { s, start } = await startSession(server, dir);
  await new Promise((r) => setTimeout(r, idleMs));
  const mem = memory(s.proc.pid!);
  await s.close();
  return { start, ...mem };
}

/** One fresh server process: start, open, three edits, code actions and hovers; then its peak memory. */
export async function measure(server: ServerSpec, input: Input, dir: string): Promise<Sample> {
  const { s, start } = await startSession(server, dir);
  const file = input.kind === 'dockerfile' ? 'Dockerfile' : 'app.yaml';
  const uri = pathToFileURL(path.join(dir, file)).toString();
  fs.writeFileSync(path.join(dir, file), input.text);
  const languageId = input.kind === 'dockerfile' ? 'dockerfile' : 'yaml';
  // As vscode-languageclient pulls: with the result id of the report it holds; an `unchanged` report keeps its items.
  let held: { resultId?: string; items: Finding[] } = { items: [] };
  const pull = async () => {
    const report = (await s.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
      ...(held.resultId ? { previousResultId: held.resultId } : {}),
    })) as { kind: 'full' | 'unchanged'; resultId?: string; items?: Finding[] };
    held = report.kind === 'unchanged' ? { ...held, resultId: report.resultId } : { resultId: report.resultId, items: report.items ?? [] };
    return held.items;
  };
  const [open, diagnostics] = await timed(async () => {
    void s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text: input.text },
    });
    return server.pull ? pull() : ((await s.push(uri, 1, 1)) as Finding[]);
  });

  const edits: number[] = [];
  let version = 1;
  for (let k = 0; k < 3; k++) {
    const text = k % 2 === 0 ? input.edited : input.text;
    version++;
    const before = s.count(uri);
    const [ms] = await timed(async () => {
      void s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
      return server.pull ? pull() : s.push(uri, before + 1, version);
    });
    edits.push(ms);
  }
  // The document now holds input.edited (edits: edited, original, edited); code actions at its first finding.
  const latest = server.pull ? await pull() : ((await s.push(uri, s.count(uri), version)) as Finding[]);
  const at = latest[0]?.range ?? {
    start: { line: 1, character: 0 },
    end: { line: 1, character: 0 },
  };
  const actions: number[] = [];
  const hovers: number[] = [];
  for (let k = 0; k < 3; k++) {
    const [a] = await timed(() =>
      s.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: at,
        context: { diagnostics: latest.slice(0, 1) },
      }),
    );
    actions.push(a);
    const [h] = await timed(() =>
      s.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: input.hover,
      }),
    );
    hovers.push(h);
  }
  const rssMb = memory(s.proc.pid!).peakMb;
  await s.close();
  return {
    start,
    open,
    edit: median(edits),
    // The first request after the edits: the one that computes what the later ones reuse.
    action: actions[0],
    hover: median(hovers),
    rssMb,
    diagnostics: diagnostics.length,
    incomplete: diagnostics.filter((d) => d.code === 'analysis-incomplete').map((d) => (/time budget/.test(d.message ?? '') ? 'stopped at the time budget' : 'beyond the size limit')),
  };
}
