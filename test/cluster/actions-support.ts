// Shared set-up of the Deployment-action tests (describe, events, scale, set image, HPA watch): the real kubectl
// against a test API server, a scripted UI, and the same CommandDeps register.ts builds.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ClusterCommands, type CommandDeps } from '../../client/src/cluster/commands';
import { readKubeconfig } from '../../client/src/cluster/kubeconfig';
import type { NodeTarget } from '../../client/src/cluster/model';
import { ClusterSelection } from '../../client/src/cluster/state';
import type { TestCluster } from '../support/apiserver/index';
import { FakeUi, liveKubectl, type ScriptedAnswers } from './support';

/** FakeUi that also records each free-text question with the value it was prefilled with. */
export class ActionUi extends FakeUi {
  readonly asked: { prompt: string; value?: string }[] = [];
  override async ask(prompt: string, value?: string): Promise<string | undefined> {
    this.asked.push({ prompt, value });
    return super.ask(prompt);
  }
}

export interface ActionSetup {
  ui: ActionUi;
  deps: CommandDeps;
  commands: ClusterCommands;
  /** Every kubectl command line run, as logged. */
  log: string[];
  mutations: () => number;
}

/** Commands against `cluster`; `selected` is the cluster view's selected node, if any. */
export function actionSetup(cluster: TestCluster, tmpDir: string, answers: ScriptedAnswers = {}, selected?: NodeTarget): ActionSetup {
  const log: string[] = [];
  const ui = new ActionUi(answers);
  let mutations = 0;
  const deps: CommandDeps = {
    kubectl: () => liveKubectl(cluster.kubeconfig, mkdtempSync(join(tmpDir, 'home-')), log),
    ui,
    kubeconfig: () => readKubeconfig([cluster.kubeconfig]),
    selection: new ClusterSelection(),
    protectedContexts: () => ['*prod*'],
    rolloutTimeoutSec: () => 60,
    onMutated: () => void mutations++,
    activeEditor: () => undefined,
    selectedTarget: () => selected,
  };
  return { ui, deps, commands: new ClusterCommands(deps), log, mutations: () => mutations };
}

/** The kubectl command lines of a log without the global flags (`describe hpa/web`). */
export function commandsRun(log: string[]): string[] {
  return log.filter((l) => l.startsWith('$ ')).map((l) => l.replace(/^\$ .*?--request-timeout=\S+ /, ''));
}
