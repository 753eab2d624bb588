// A minimal LSP client over stdio for tests: spawns dist/server.js and speaks JSON-RPC with vscode-jsonrpc.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface ClientOptions {
  /** Advertise pull diagnostics (default true); false makes the server push. */
  pull?: boolean;
  /** Settings returned for workspace/configuration requests of section "stevedore". */
  settings?: Record<string, unknown>;
  documentChanges?: boolean;
  /** Workspace folders (absolute paths) the client reports. */
  folders?: string[];
  initializationOptions?: Record<string, unknown>;
  /** Advertise codeAction/resolve for `edit` (as VS Code does): "fix all" actions then arrive without their edit. */
  codeActionResolve?: boolean;
  /** Flags for the server's node process (e.g. --max-old-space-size=512, --expose-gc). */
  nodeArgs?: string[];
  /** Answer window/showMessageRequest with an error, as a client without message support may. */
  failMessageRequests?: boolean;
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly pushed = new Map<string, { version?: number; diagnostics: any[] }>();
  private readonly waiters: Array<() => void> = [];
  readonly messages: string[] = [];
  readonly stderr: string[] = [];
  /** workspace/diagnostic/refresh requests received. */
  refreshes = 0;
  private versions = new Map<string, number>();

  private constructor(readonly proc: ChildProcessWithoutNullStreams, options: ClientOptions) {
    this.connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    proc.stderr.on('data', (d) => this.stderr.push(String(d)));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: any) => {
      this.pushed.set(p.uri, { version: p.version, diagnostics: p.diagnostics });
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.onNotification('window/logMessage', (p: any) => {
      this.messages.push(p.message);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.onNotification('window/showMessage', (p: any) => this.messages.push(p.message));
    this.connection.onRequest('window/showMessageRequest', (p: any) => {
      this.messages.push(p.message);
      if (options.failMessageRequests) throw new Error('window/showMessageRequest is not supported here');
      return null;
    });
    this.connection.onRequest('workspace/configuration', (p: any) => p.items.map((i: any) => (i.section === 'stevedore' ? options.settings ?? {} : null)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => (options.folders ?? []).map((f) => ({ uri: pathToFileURL(f).toString(), name: path.basename(f) })));
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.waiters.splice(0).forEach((w) => w());
      return null;
    });
    this.connection.listen();
  }

  /** Starts the server and completes the initialize handshake. */
  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: 'pipe' });
    const client = new TestClient(proc, options);
    const pull = options.pull ?? true;
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: options.documentChanges ?? true, resourceOperations: ['create', 'rename', 'delete'] },
          diagnostics: { refreshSupport: true },
        },
        textDocument: {
          ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
            ...(options.codeActionResolve ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}),
          },
        },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, languageId = 'dockerfile'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Pull diagnostics for a document. */
  async diagnostics(uri: string): Promise<any[]> {
    const report: any = await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    return report.items;
  }

  /** Waits for pushed diagnostics of a document version (push mode). */
  async waitForPush(uri: string, version: number, timeoutMs = 10_000): Promise<any[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = this.pushed.get(uri);
      if (got && got.version === version) return got.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics pushed for ${uri} v${version}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits until the server has asked for more than `count` diagnostic refreshes. */
  async waitForRefresh(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.refreshes <= count) {
      if (Date.now() > deadline) throw new Error(`no workspace/diagnostic/refresh after ${count}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits for a log message matching `pattern` (e.g. the server's test-only analysis trace). */
  async waitForMessage(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find((m) => pattern.test(m));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no log message matching ${pattern}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.proc.exitCode !== null ? resolve() : this.proc.once('exit', () => resolve())));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    await exited;
    this.connection.dispose();
  }
}
