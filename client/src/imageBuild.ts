// The client's half of "Build and measure" and "Measure this fix": the language server builds and measures; this
// asks it to, under a cancellable progress notification (cancelling sends $/cancelRequest, which stops the build),
// streams its build output into the "Stevedore Build" output channel and shows the one-line outcome. Part of the
// dist/lsp.js bundle, reached from the commands extension.ts registers; nothing runs while the workspace is untrusted.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  BUILD_AND_MEASURE_COMMAND,
  BUILD_AND_MEASURE_REQUEST,
  BUILD_OUTPUT_NOTIFICATION,
  MEASURE_FIX_REQUEST,
  type BuildAndMeasureParams,
  type BuildOutputParams,
  type ImageBuildResult,
  type MeasureFixArgs,
} from '../../server/src/protocol';

let channel: vscode.OutputChannel | undefined;
const listening = new WeakSet<LanguageClient>();

/** The "Stevedore Build" channel, created on the first build, fed by the server's build output notifications. */
function outputFor(client: LanguageClient): vscode.OutputChannel {
  channel ??= vscode.window.createOutputChannel('Stevedore Build');
  if (!listening.has(client)) {
    listening.add(client);
    client.onNotification(BUILD_OUTPUT_NOTIFICATION, (p: BuildOutputParams) => channel?.append(p.text));
  }
  return channel;
}

/** Runs `stevedore.buildAndMeasure` (argument: a lens's target, else the active editor) or `stevedore.measureFix`. */
export async function runImageCommand(client: LanguageClient | undefined, id: string, arg?: unknown): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Stevedore: building runs the Dockerfile\'s commands, so it is off in an untrusted workspace.');
    return;
  }
  if (!client) return;
  const building = id === BUILD_AND_MEASURE_COMMAND;
  const uri = building ? ((arg as BuildAndMeasureParams | undefined)?.uri ?? vscode.window.activeTextEditor?.document.uri.toString()) : (arg as MeasureFixArgs | undefined)?.uri;
  if (!uri) {
    void vscode.window.showWarningMessage('Stevedore: open a Dockerfile to build.');
    return;
  }
  const output = outputFor(client);
  const name = path.basename(vscode.Uri.parse(uri).path);
  output.appendLine(`--- ${new Date().toISOString()} ${building ? 'Build and measure' : 'Measure this fix'}: ${name}`);
  const title = building ? `Stevedore: building ${name}` : `Stevedore: measuring a fix of ${name}`;
  let result: ImageBuildResult;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) =>
      (building ? client.sendRequest<ImageBuildResult>(BUILD_AND_MEASURE_REQUEST, { uri } satisfies BuildAndMeasureParams, token) : client.sendRequest<ImageBuildResult>(MEASURE_FIX_REQUEST, arg, token)).catch((e: unknown) => {
        // The server answers a cancelled build itself; a client that drops the answer on cancel lands here.
        if (token.isCancellationRequested) return { ok: false, cancelled: true, message: 'Build cancelled.' };
        throw e;
      }),
    );
  } catch (e) {
    result = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  if (!result) result = { ok: false, cancelled: true, message: 'Build cancelled.' };
  if (result.ok) void vscode.window.showInformationMessage(`Stevedore: ${result.message}`);
  else if (result.cancelled) void vscode.window.showInformationMessage(`Stevedore: ${result.message}`);
  else {
    const show = 'Show Build Output';
    void vscode.window.showErrorMessage(`Stevedore: ${result.message}`, show).then((picked) => picked === show && output.show(true));
  }
}
