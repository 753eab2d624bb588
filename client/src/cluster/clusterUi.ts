// What the cluster commands need from the editor UI. ui.ts implements it with vscode.window; tests with a script.

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface PickOptions {
  title: string;
  placeholder?: string;
  /** The item highlighted when the pick opens (the default choice). */
  activeIndex?: number;
}

export type ProgressTask<T> = (report: (message: string) => void, signal: AbortSignal) => Promise<T>;

export interface ClusterUi {
  pick<T>(items: PickItem<T>[], options: PickOptions): Promise<T | undefined>;
  /** A modal confirmation; true only when the user pressed `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** Asks the user to type `expected` to confirm; returns what they typed (undefined when dismissed). */
  askToType(expected: string, prompt: string): Promise<string | undefined>;
  /** Free text input (e.g. a namespace when listing namespaces is forbidden). */
  ask(prompt: string, placeholder?: string): Promise<string | undefined>;
  showInfo(message: string): void;
  showError(message: string): void;
  /** Runs `task` under a progress notification; `signal` aborts when the user cancels. */
  progress<T>(title: string, cancellable: boolean, task: ProgressTask<T>): Promise<T>;
  showDiff(title: string, diff: string): Promise<void>;
  showText(title: string, text: string): Promise<void>;
}
