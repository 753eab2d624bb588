// Test doubles for the cluster tests: a scriptable fake kubectl executable and a scripted ClusterUi.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterUi, PickItem, PickOptions, ProgressTask } from '../../client/src/cluster/clusterUi';
import { Kubectl } from '../../client/src/cluster/kubectl';
import type { ClusterNode } from '../../client/src/cluster/model';
import assert from 'node:assert/strict';

/** A temporary folder removed by the returned cleanup. */
export function tempDir(prefix = 'stevedore-cluster-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes an executable node script (shebang = this node) and returns its path. */
export function writeScript(dir: string, name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `#!${process.execPath}\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** One canned answer of the fake kubectl, chosen when the command (after the global flags) starts with `cmd`. */
export interface FakeRule {
  cmd: string;
  stdout?: string;
  stderr?: string;
  code?: number;
  /** Never exits (until killed). */
  hang?: boolean;
}

/**
 * A fake kubectl that logs each argv (one JSON array a line) and answers from `rules`, first match wins.
 * Unmatched commands exit 1 with `error: fake kubectl has no answer for …`.
 */
export function fakeKubectl(dir: string, rules: FakeRule[]): { path: string; calls: () => string[][]; setRules: (r: FakeRule[]) => void } {
  const rulesFile = join(dir, 'rules.json');
  const logFile = join(dir, 'calls.log');
  writeFileSync(rulesFile, JSON.stringify(rules));
  const path = writeScript(
    dir,
    'kubectl',
    `const fs = require('fs');
const argv = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(logFile)}, JSON.stringify(argv) + '\\n');
const i = argv.findIndex((a) => a.startsWith('--request-timeout='));
const cmd = argv.slice(i + 1).join(' ');
const rules = JSON.parse(fs.readFileSync(${JSON.stringify(rulesFile)}, 'utf8'));
const rule = rules.find((r) => cmd.startsWith(r.cmd));
if (!rule) { process.stderr.write('error: fake kubectl has no answer for ' + cmd + '\\n'); process.exit(1); }
if (rule.hang) { setInterval(() => {}, 1000); }
else {
  if (rule.stdout) process.stdout.write(rule.stdout);
  if (rule.stderr) process.stderr.write(rule.stderr);
  process.exitCode = rule.code ?? 0;
}`,
  );
  return {
    path,
    calls: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]) : []),
    setRules: (r) => writeFileSync(rulesFile, JSON.stringify(r)),
  };
}

/** The command part of a logged argv (after the global flags). */
export function commandOf(argv: string[]): string {
  const i = argv.findIndex((a) => a.startsWith('--request-timeout='));
  return argv.slice(i + 1).join(' ');
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface ScriptedAnswers {
  /** Chooses from a pick: return the value, or undefined to dismiss. Default: the active item. */
  pick?: <T>(items: PickItem<T>[], options: PickOptions) => T | undefined;
  confirm?: (message: string, detail: string) => boolean;
  type?: (expected: string, prompt: string) => string | undefined;
  ask?: (prompt: string) => string | undefined;
  /** Called with each progress line; may abort the operation through `cancel`. */
  onProgress?: (line: string, cancel: () => void) => void;
}

/** A ClusterUi that answers from a script and records everything the user would have seen. */
export class FakeUi implements ClusterUi {
  readonly infos: string[] = [];
  readonly errors: string[] = [];
  readonly confirms: { message: string; detail: string; action: string }[] = [];
  readonly picks: { items: PickItem<unknown>[]; options: PickOptions }[] = [];
  readonly typed: { expected: string; prompt: string }[] = [];
  readonly progressLines: string[] = [];
  readonly progressTitles: string[] = [];
  readonly diffs: { title: string; diff: string }[] = [];
  readonly texts: { title: string; text: string }[] = [];

  constructor(public answers: ScriptedAnswers = {}) {}

  async pick<T>(items: PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    this.picks.push({ items, options });
    return this.answers.pick ? this.answers.pick(items, options) : items[options.activeIndex ?? 0]?.value;
  }
  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    this.confirms.push({ message, detail, action });
    return this.answers.confirm ? this.answers.confirm(message, detail) : true;
  }
  async askToType(expected: string, prompt: string): Promise<string | undefined> {
    this.typed.push({ expected, prompt });
    return this.answers.type ? this.answers.type(expected, prompt) : expected;
  }
  async ask(prompt: string): Promise<string | undefined> {
    return this.answers.ask?.(prompt);
  }
  showInfo(message: string): void {
    this.infos.push(message);
  }
  showError(message: string): void {
    this.errors.push(message);
  }
  progress<T>(title: string, _cancellable: boolean, task: ProgressTask<T>): Promise<T> {
    this.progressTitles.push(title);
    const abort = new AbortController();
    return task((line) => {
      this.progressLines.push(line);
      this.answers.onProgress?.(line, () => abort.abort());
    }, abort.signal);
  }
  async showDiff(title: string, diff: string): Promise<void> {
    this.diffs.push({ title, diff });
  }
  async showText(title: string, text: string): Promise<void> {
    this.texts.push({ title, text });
  }
}

/** The real kubectl pointed at a test cluster's kubeconfig, with HOME and the discovery cache in `dir`. */
export function liveKubectl(kubeconfig: string, dir: string, log: string[] = [], requestTimeoutSec = 10): Kubectl {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir };
  delete env.KUBECONFIG;
  return new Kubectl({ path: '/usr/bin/kubectl', kubeconfig, requestTimeoutSec, log: (l) => log.push(l), cacheDir: join(dir, 'cache'), env });
}

/** A tree node's children (the node must have them). */
export async function childrenOf(node: ClusterNode): Promise<ClusterNode[]> {
  assert.ok(node.children, `${node.label} has children`);
  return node.children();
}

/** The node labelled `label` among `nodes`; the assertion lists the labels there are. */
export function findNode(nodes: ClusterNode[], label: string): ClusterNode {
  const n = nodes.find((x) => x.label === label);
  assert.ok(n, `"${label}" in [${nodes.map((x) => x.label).join(', ')}]`);
  return n;
}

/** Nodes as the tree shows them: `label — description`. */
export const showNodes = (nodes: ClusterNode[]) => nodes.map((n) => `${n.label}${n.description ? ` — ${n.description}` : ''}`);
