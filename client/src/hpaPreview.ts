// The HPA behaviour preview panel (a bundle of its own, dist/hpaPreview.js, loaded when the preview is first opened):
// reads the autoscaler the lens or the cluster tree passed, and shows it in a webview beside the editor. One panel
// per autoscaler and origin; opening it again brings it back with the newer spec. Touches no cluster.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type * as vscodeT from 'vscode';
import { defaultPattern, parsePreviewSpec } from '../../server/src/core/k8s/hpa-preview';
import type { HpaPreviewArgs } from '../../server/src/protocol';
import { previewHtml } from './webview/hpaPreviewHtml';

/** The bundled webview script, next to this bundle in dist/. */
export const VIEW_SCRIPT = 'hpaPreviewView.js';

const panels = new Map<string, vscodeT.WebviewPanel>();

/** Opens (or refreshes) the preview of the autoscaler in `args`; says why when it cannot be previewed. */
export function openHpaPreview(vscode: typeof vscodeT, args: HpaPreviewArgs | undefined): void {
  const spec = parsePreviewSpec(args?.object);
  if ('error' in spec) {
    void vscode.window.showWarningMessage(`Preview scaling: ${spec.error}.`);
    return;
  }
  const key = `${args?.origin ?? ''}\0${spec.kind}\0${spec.name}`;
  const dist = vscode.Uri.file(__dirname);
  let panel = panels.get(key);
  if (panel) panel.reveal(undefined, true);
  else {
    panel = vscode.window.createWebviewPanel('stevedore.hpaPreview', `Scaling: ${spec.name}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    panels.set(key, panel);
    panel.onDidDispose(() => panels.delete(key));
  }
  const scriptUri = panel.webview.asWebviewUri(vscode.Uri.file(path.join(__dirname, VIEW_SCRIPT))).toString();
  panel.webview.html = previewHtml({
    cspSource: panel.webview.cspSource,
    nonce: randomBytes(16).toString('base64'),
    scriptUri,
    state: { spec, origin: args?.origin, pattern: defaultPattern(spec) },
  });
}
