// The language client: starts dist/server.js and connects Dockerfiles and YAML to it. A bundle of its own
// (dist/lsp.js), loaded right after activation so activating the extension stays cheap.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionContext } from 'vscode';
import { CodeLensRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { openCreatedFile, uriExists } from './openCreated';
import { isImageBuildCommand, isRolloutCommand, SERVER_NODE_FLAGS, WORKSPACE_TRUSTED_NOTIFICATION, type InitializationOptions } from '../../server/src/protocol';

export { runImageCommand } from './imageBuild';

/** A quick fix that creates a file (the .dockerignore) opens it once the edit is applied. */
function showCreated<T>(action: T): Promise<T> {
  if (!(action instanceof vscode.CodeAction)) return Promise.resolve(action);
  return openCreatedFile<vscode.Uri, vscode.CodeAction>(action, (uri) => uriExists(vscode, uri), (uri) => ({ title: 'Open the created file', command: 'vscode.open', arguments: [uri] })) as Promise<T>;
}

export function startLanguageClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  // kubectl (Kustomize overlays) runs in the server only for a workspace trusted when the server starts; builds
  // (stevedore.buildAndMeasure) also once the user trusts it later (WORKSPACE_TRUSTED_NOTIFICATION).
  const initializationOptions: InitializationOptions = { snippetEdits: true, rolloutLenses: true, imageBuild: true, workspaceTrusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    // Fixes with values to review arrive as snippet commands (see server/src/lsp/snippets.ts).
    // Deployments get "Rollout status/undo" lenses; they are dropped below while the workspace is untrusted.
    initializationOptions,
    middleware: {
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        if (!lenses || vscode.workspace.isTrusted) return lenses;
        return lenses.filter((l) => !isRolloutCommand(l.command?.command) && !isImageBuildCommand(l.command?.command));
      },
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        return actions && Promise.all(actions.map(showCreated));
      },
      resolveCodeAction: async (item, token, next) => {
        const resolved = await next(item, token);
        return resolved && showCreated(resolved);
      },
    },
    documentSelector: [
      { language: 'dockerfile' },
      { language: 'yaml' },
      { scheme: 'file', pattern: '**/{Dockerfile,Dockerfile.*,*.dockerfile,Containerfile,Containerfile.*}' },
    ],
    synchronize: {
      configurationSection: 'stevedore',
      // Files that change findings without the Dockerfile changing.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/{.dockerignore,*.dockerignore,requirements*.txt,package.json,go.mod,pyproject.toml,Gemfile,pom.xml,Cargo.toml,composer.json}'),
        // Manifests (cross-file checks) and the config files (.stevedore.yaml, .hadolint.yaml).
        vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
      ],
    },
  };
  const client = new LanguageClient('stevedore', 'Stevedore', serverOptions, clientOptions);
  context.subscriptions.push(
    client,
    // The rollout lenses were filtered out while untrusted: ask again for the open documents' lenses.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
      const lenses = client.getFeature(CodeLensRequest.method);
      for (const editor of vscode.window.visibleTextEditors) lenses.getProvider(editor.document)?.onDidChangeCodeLensEmitter.fire();
    }),
  );
  // Not awaited: activation should not wait for the server handshake (the client queues requests until it is up).
  void client.start();
  return client;
}

