// ClusterUi on top of vscode.window: quick picks, modal confirmations, progress notifications, read-only documents.
import type * as vscodeT from 'vscode';
import type { ClusterUi, PickItem, PickOptions, ProgressTask } from './clusterUi';

const SCHEME = 'stevedore-cluster';

/**
 * Read-only virtual documents for diffs, histories and describe output (no "save changes?" prompt when closed): the
 * text last shown at each URI of `scheme`; `missing` says what a URI shows before (a tab restored after a reload).
 */
export class VirtualDocs implements vscodeT.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed: vscodeT.EventEmitter<vscodeT.Uri>;
  readonly onDidChange: vscodeT.Event<vscodeT.Uri>;

  constructor(
    private readonly vscode: typeof vscodeT,
    readonly scheme = SCHEME,
    private readonly missing: (uri: vscodeT.Uri) => string = () => '',
  ) {
    this.changed = new vscode.EventEmitter<vscodeT.Uri>();
    this.onDidChange = this.changed.event;
  }

  /** Registers the provider; dispose the result on deactivation. */
  register(): vscodeT.Disposable {
    return this.vscode.Disposable.from(this.vscode.workspace.registerTextDocumentContentProvider(this.scheme, this), this.changed);
  }

  provideTextDocumentContent(uri: vscodeT.Uri): string {
    return this.texts.get(uri.toString()) ?? this.missing(uri);
  }

  async show(title: string, text: string, extension: string): Promise<void> {
    await this.open(this.vscode.Uri.from({ scheme: this.scheme, path: `/${title.replace(/[^\w.@-]+/g, '-')}.${extension}` }), text);
  }

  /** Shows `text` at `uri` (of this scheme), refreshing an editor that already shows it. */
  async open(uri: vscodeT.Uri, text: string): Promise<void> {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    const doc = await this.vscode.workspace.openTextDocument(uri);
    await this.vscode.window.showTextDocument(doc, { preview: true });
  }
}

export class VscodeClusterUi implements ClusterUi {
  constructor(
    private readonly vscode: typeof vscodeT,
    private readonly docs: VirtualDocs,
  ) {}

  pick<T>(items: PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    const qp = this.vscode.window.createQuickPick<vscodeT.QuickPickItem & { value: T }>();
    qp.title = options.title;
    qp.placeholder = options.placeholder;
    qp.matchOnDescription = true;
    qp.items = items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, value: i.value }));
    const active = qp.items[options.activeIndex ?? 0];
    if (active) qp.activeItems = [active];
    return new Promise((resolve) => {
      let chosen: T | undefined;
      qp.onDidAccept(() => {
        chosen = qp.activeItems[0]?.value;
        qp.hide();
      });
      qp.onDidHide(() => {
        qp.dispose();
        resolve(chosen);
      });
      qp.show();
    });
  }

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    return (await this.vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  }

  askToType(expected: string, prompt: string): Promise<string | undefined> {
    return Promise.resolve(this.vscode.window.showInputBox({ prompt, placeHolder: expected, ignoreFocusOut: true }));
  }

  ask(prompt: string, placeholder?: string): Promise<string | undefined> {
    return Promise.resolve(this.vscode.window.showInputBox({ prompt, value: placeholder, ignoreFocusOut: true }));
  }

  showInfo(message: string): void {
    void this.vscode.window.showInformationMessage(message);
  }

  showError(message: string): void {
    void this.vscode.window.showErrorMessage(message);
  }

  progress<T>(title: string, cancellable: boolean, task: ProgressTask<T>): Promise<T> {
    const { window, ProgressLocation } = this.vscode;
    return Promise.resolve(
      window.withProgress({ location: ProgressLocation.Notification, title, cancellable }, (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return task((message) => progress.report({ message }), abort.signal);
      }),
    );
  }

  showDiff(title: string, diff: string): Promise<void> {
    return this.docs.show(title, diff, 'diff');
  }

  showText(title: string, text: string): Promise<void> {
    return this.docs.show(title, text, 'txt');
  }
}
