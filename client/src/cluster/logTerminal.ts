// The views of "Show Logs" in VS Code: one pseudo-terminal per log, named "Stevedore Logs: <pod>/<container>".
// Lines written before VS Code opens the terminal are kept until it does; closing the terminal tells the flow,
// which stops kubectl.
import type * as vscodeT from 'vscode';
import type { OpenLogView } from './logs';

/** Opens a log terminal per call (shown without taking focus). */
export function logTerminals(vscode: typeof vscodeT): OpenLogView {
  return (title) => {
    const write = new vscode.EventEmitter<string>();
    const onClose: (() => void)[] = [];
    let pending: string[] | undefined = [];
    let closed = false;
    const pty: vscodeT.Pseudoterminal = {
      onDidWrite: write.event,
      open: () => {
        for (const text of pending ?? []) write.fire(text);
        pending = undefined;
      },
      close: () => {
        closed = true;
        for (const f of onClose) f();
        write.dispose();
      },
    };
    vscode.window.createTerminal({ name: title, pty, iconPath: new vscode.ThemeIcon('output') }).show(true);
    return {
      append(line) {
        if (closed) return;
        const text = `${line.replace(/\r?\n/g, '\r\n')}\r\n`;
        if (pending) pending.push(text);
        else write.fire(text);
      },
      onClose: (f) => void onClose.push(f),
    };
  };
}
