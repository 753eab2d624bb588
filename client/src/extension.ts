// The VS Code side: start the language server. Everything else lives in the server or in small modules.
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { registerCluster } from './cluster/register';
import { applySnippetEdit, type SnippetEditArgs } from './snippetEdit';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const vscode = await import('vscode');
  const clientOptions: LanguageClientOptions = {
    // Fixes with values to review arrive as snippet commands (see server/src/lsp/snippets.ts).
    // Deployments get "Rollout status/undo" lenses; they are dropped below while the workspace is untrusted.
    initializationOptions: { snippetEdits: true, rolloutLenses: true },
    middleware: {
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        if (!lenses || vscode.workspace.isTrusted) return lenses;
        return lenses.filter((l) => !l.command?.command.startsWith('stevedore.rollout'));
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
  context.subscriptions.push(vscode.commands.registerCommand('stevedore.applySnippetEdit', (args: SnippetEditArgs) => applySnippetEdit(vscode, args)));
  // The cluster view and commands (kubectl); off in untrusted workspaces, nothing heavy until used.
  registerCluster(context);
  client = new LanguageClient('stevedore', 'Stevedore', serverOptions, clientOptions);
  context.subscriptions.push(client);
  // Not awaited: activation should not wait for the server handshake (the client queues requests until it is up).
  void client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
