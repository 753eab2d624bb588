// Wires the cluster view and commands into VS Code. Everything heavy is created on first use; nothing runs in
// untrusted workspaces until trust is granted.
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscodeT from 'vscode';
import { ClusterCommands, type CommandArg, type CommandDeps, type EditorSnapshot } from './commands';
import { DescribeDocs, describeCommand } from './describe';
import { HpaWatch } from './hpaWatch';
import { openHpaLink, workspaceManifests, type HpaLinkArg } from './hpaLinks';
import { setImage } from './setImage';
import { ScaleFlow } from './scale';
import { showDeploymentEvents } from './events';
import { logTerminals } from './logTerminal';
import { LogSessions } from './logs';
import { kubeconfigPaths, readKubeconfig } from './kubeconfig';
import { Kubectl } from './kubectl';
import { copyInstallCommand } from './metricsPipeline';
import { PortForwards } from './portForward';
import { previewClusterScaling } from './scalingPreview';
import { ClusterModel, type ClusterNode } from './model';
import { ClusterSelection } from './state';
import { ClusterTreeProvider } from './treeView';
import { errorMessage } from './errors';
import { VirtualDocs, VscodeClusterUi } from './ui';
import { HPA_LINK_COMMAND, type ClusterCommandId } from '../../../server/src/protocol';
import { HPA_PREVIEW_COMMAND } from '../../../server/src/protocol';

const DISABLED = 'Cluster features are disabled in untrusted workspaces.';

interface Settings {
  kubectlPath: string;
  kubeconfig?: string;
  requestTimeoutSec: number;
  protectedContexts: string[];
  rolloutTimeoutSec: number;
  watchIntervalSec: number;
}

function expandHome(p: string): string {
  return p === '~' ? os.homedir() : p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p;
}

function readSettings(vscode: typeof vscodeT): Settings {
  const c = vscode.workspace.getConfiguration('stevedore');
  const seconds = (key: string, def: number) => {
    const v = c.get<number>(key, def);
    return Number.isFinite(v) && v > 0 ? Math.round(v) : def;
  };
  const kubeconfig = c.get<string>('kubeconfig', '').trim();
  return {
    kubectlPath: expandHome(c.get<string>('kubectl.path', '').trim() || 'kubectl'),
    kubeconfig: kubeconfig ? expandHome(kubeconfig) : undefined,
    requestTimeoutSec: seconds('cluster.requestTimeout', 15),
    protectedContexts: c.get<string[]>('cluster.protectedContexts', ['*prod*']).filter((p) => typeof p === 'string'),
    rolloutTimeoutSec: seconds('cluster.rolloutTimeout', 300),
    watchIntervalSec: seconds('cluster.watchInterval', 5),
  };
}


/** The cluster features, built but not registered: a tree data provider and a runner for the commands. */
export interface ClusterParts {
  tree: ClusterTreeProvider;
  run(command: ClusterCommandId, arg?: unknown): unknown;
}

/**
 * Builds the cluster features; disposables go to the context's subscriptions. `selectedNodes` reads the cluster
 * view's selection, so commands run from the palette act on the selected Deployment.
 */
export function createCluster(context: vscodeT.ExtensionContext, selectedNodes: () => readonly unknown[] = () => []): ClusterParts {
  const vscode = require('vscode') as typeof vscodeT;
  let trusted = vscode.workspace.isTrusted;
  let settings: Settings | undefined;
  const config = () => (settings ??= readSettings(vscode));

  let output: vscodeT.OutputChannel | undefined;
  const log = (line: string) => {
    if (!output) {
      output = vscode.window.createOutputChannel('Stevedore: kubectl');
      context.subscriptions.push(output);
    }
    output.appendLine(line);
  };
  let kubectl: Kubectl | undefined;
  const getKubectl = () => {
    const s = config();
    return (kubectl ??= new Kubectl({ path: s.kubectlPath, kubeconfig: s.kubeconfig, requestTimeoutSec: s.requestTimeoutSec, log }));
  };
  const kubeconfig = () => readKubeconfig(kubeconfigPaths(config().kubeconfig));
  const selection = new ClusterSelection(context.globalState);
  const hpaLinks = workspaceManifests(vscode);
  const model = new ClusterModel({ kubectl: getKubectl, kubeconfig, selection: () => selection.get(), metrics: true, hpaLinks });
  const disabledNode: ClusterNode = { id: 'untrusted', label: DISABLED, contextValue: 'stevedore.info', icon: 'workspace-untrusted', collapsible: false };
  const tree = new ClusterTreeProvider(vscode, () => (trusted ? model.roots() : Promise.resolve([disabledNode])));
  const docs = new VirtualDocs(vscode);
  const ui = new VscodeClusterUi(vscode, docs);

  const activeEditor = (): EditorSnapshot | undefined => {
    const e = vscode.window.activeTextEditor;
    if (!e) return undefined;
    return { languageId: e.document.languageId, text: e.document.getText(), offset: e.document.offsetAt(e.selection.active), label: path.basename(e.document.fileName) };
  };
  const commandDeps: CommandDeps = {
    kubectl: getKubectl,
    ui,
    kubeconfig,
    selection,
    protectedContexts: () => config().protectedContexts,
    rolloutTimeoutSec: () => config().rolloutTimeoutSec,
    onMutated: () => tree.refresh(),
    activeEditor,
    // Only while the tree shows cluster nodes (not the untrusted notice); the view holds the nodes the model made.
    selectedTarget: () => (trusted ? (selectedNodes()[0] as ClusterNode | undefined)?.target : undefined),
  };
  const commands = new ClusterCommands(commandDeps);
  const portForwards = new PortForwards({
    kubectl: getKubectl,
    ui,
    scope: () => commands.scope(),
    selectedTarget: commandDeps.selectedTarget,
    statusItem: (f, tooltip) => {
      const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left);
      Object.assign(item, { text: f.text, tooltip, command: { title: 'Stop Port-Forward', command: 'stevedore.stopPortForward', arguments: [{ portForward: f.id }] } });
      item.show();
      return item;
    },
  });
  const describeDocs = new DescribeDocs(vscode);
  const hpaWatch = new HpaWatch({ kubectl: getKubectl, intervalMs: () => config().watchIntervalSec * 1000, refresh: (n) => tree.refreshNode(n), links: hpaLinks });
  tree.childrenRequested = (n) => hpaWatch.childrenRequested(n);
  // From the tree the argument is the node; from the palette, the node selected in the view.
  const watchHpa = (a: unknown) => hpaWatch.start((a ?? selectedNodes()[0]) as ClusterNode | undefined) || ui.showInfo('Select an HorizontalPodAutoscaler in the cluster view (expanded) to watch it.');
  const logs = new LogSessions(commands, commandDeps, logTerminals(vscode));

  // A saved file is applied by path (clearer kubectl messages); unsaved or untitled text goes through stdin.
  const applyArg = (arg: unknown): CommandArg => {
    if (arg instanceof vscode.Uri) return { path: arg.fsPath };
    if (arg) return arg as CommandArg;
    const doc = vscode.window.activeTextEditor?.document;
    return doc && doc.uri.scheme === 'file' && !doc.isDirty ? { path: doc.uri.fsPath } : undefined;
  };

  // Keyed by every cluster command id: a command without a handler does not compile.
  const handlers: Record<ClusterCommandId, (arg?: unknown) => unknown> = {
    'stevedore.rolloutStatus': (a) => commands.rolloutStatus(a as CommandArg),
    'stevedore.rolloutHistory': (a) => commands.rolloutHistory(a as CommandArg),
    'stevedore.rolloutUndo': (a) => commands.rolloutUndo(a as CommandArg),
    'stevedore.rolloutRestart': (a) => commands.rolloutRestart(a as CommandArg),
    'stevedore.selectContext': (a) => commands.selectContext(a as CommandArg),
    'stevedore.selectNamespace': (a) => commands.selectNamespace(a as CommandArg),
    'stevedore.useAsCurrentContext': (a) => commands.useAsCurrentContext(a as CommandArg),
    'stevedore.applyFile': (a) => commands.applyFile(applyArg(a)),
    'stevedore.previewClusterScaling': (a) => previewClusterScaling(commands, commandDeps, (args) => vscode.commands.executeCommand(HPA_PREVIEW_COMMAND, args), a as CommandArg),
    'stevedore.copyMetricsInstallCommand': (a) => copyInstallCommand(a, { copy: async (t) => vscode.env.clipboard.writeText(t), showInfo: (m) => ui.showInfo(m) }),
    'stevedore.portForward': (a) => portForwards.start(a).catch((e) => ui.showError(errorMessage(e))),
    'stevedore.stopPortForward': (a) => portForwards.stop(a),
    'stevedore.refreshClusters': () => {
      model.clearCaches();
      tree.refresh();
    },
    'stevedore.describe': (a) => describeCommand(commands, commandDeps, describeDocs, a as CommandArg),
    'stevedore.watchHpa': (a) => watchHpa(a),
    'stevedore.setImage': (a) => setImage(commands, commandDeps, a as CommandArg),
    'stevedore.scale': (a) => new ScaleFlow(commands, commandDeps).run(a as CommandArg),
    'stevedore.showEvents': (a) => showDeploymentEvents(commands, commandDeps, a as CommandArg),
    'stevedore.showLogs': (a) => logs.show(a as CommandArg),
    'stevedore.stopLogs': () => logs.stop(),
  };
  context.subscriptions.push(
    tree,
    docs.register(),
    { dispose: () => portForwards.dispose() },
    describeDocs.register(),
    { dispose: () => hpaWatch.dispose() },
    vscode.commands.registerCommand(HPA_LINK_COMMAND, (a: HpaLinkArg) => openHpaLink(vscode, a)),
    { dispose: () => logs.dispose() },
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      trusted = true;
      tree.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!['stevedore.kubectl', 'stevedore.kubeconfig', 'stevedore.cluster'].some((s) => e.affectsConfiguration(s))) return;
      settings = undefined;
      kubectl = undefined;
      model.clearCaches();
      tree.refresh();
    }),
  );
  return {
    tree,
    run(id, arg) {
      if (!trusted) return void vscode.window.showWarningMessage(DISABLED);
      return handlers[id](arg);
    },
  };
}
