// How the rule-table runner (ruleTable.ts) runs a rule of each file kind: where the case's other files live, what a
// fix gets as input, and how to tell that the fixed text still parses.
import assert from 'node:assert/strict';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { MemoryContext } from '../../server/src/core/context';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import type { DockerfileRule, ManifestRule } from '../../server/src/core/rule';
import type { Finding, FixInput } from '../../server/src/core/types';
import { syntax } from '../../server/src/rules/dockerfile/syntax';
import { yamlSyntax } from '../../server/src/rules/k8s/yaml-syntax';
import type { RuleInput } from './ruleTable';
import { parseStevedoreConfig, type Config } from '../../server/src/core/config';

export interface TableLanguage {
  /** Prefix of the paths of the case's other files; fix results are reported relative to it. */
  root: string;
  /** Once before the table's cases. */
  setup?: () => Promise<void> | void;
  run(rule: DockerfileRule | ManifestRule, c: RuleInput): Finding[];
  fixInput(c: RuleInput): FixInput;
  /** Fails when the fix made the document unparsable. */
  assertParses(c: RuleInput, fixedText: string): void;
}

const rethrow = (_id: string, e: unknown) => {
  throw e;
};

/** The case's configuration; a rule that is off by default is turned on (its table tests what it reports). */
function configOf(rule: DockerfileRule | ManifestRule, c: RuleInput): Config {
  const layers = c.config !== undefined ? [parseStevedoreConfig('/ctx/.stevedore.yaml', c.config)] : [];
  if (rule.offByDefault) layers.unshift({ source: 'table', rules: [[rule.id, rule.severity]] });
  return { layers };
}

function buildContext(c: RuleInput): { context?: MemoryContext; path?: string } {
  const context = c.files ? new MemoryContext(c.files) : undefined;
  return { context, path: context ? `${context.root}/Dockerfile` : undefined };
}

/** Dockerfile rules: `files` is the build context; the Dockerfile sits at its root. */
export const dockerfileTables: TableLanguage = {
  root: new MemoryContext({}).root,
  setup: () => initShellParser(),
  run: (rule, c) => analyzeDockerfile(c.text, { rules: [rule as DockerfileRule], ...buildContext(c), config: configOf(rule, c), onRuleError: rethrow }),
  fixInput: (c) => ({ text: c.text, ...buildContext(c) }),
  assertParses(c, text) {
    // No new syntax errors (the original may already have some).
    const before = dockerfileTables.run(syntax, c).length;
    assert.ok(dockerfileTables.run(syntax, { ...c, text }).length <= before, 'fix introduced a syntax error');
  },
};

/** Where manifest cases live: the manifest under test is /ws/app.yaml, `files` are the workspace's other manifests. */
export const WS = '/ws';
export const FILE = `${WS}/app.yaml`;

function workspaceOf(c: RuleInput): ManifestWorkspace {
  const ws = new ManifestWorkspace();
  for (const [rel, text] of Object.entries(c.files ?? {})) ws.set(parseManifest(text, `${WS}/${rel}`));
  return ws;
}

/** Manifest rules: the document is /ws/app.yaml in a workspace of the case's other manifests. */
export const manifestTables: TableLanguage = {
  root: WS,
  run: (rule, c) =>
    analyzeManifest(c.text, {
      path: FILE,
      workspace: workspaceOf(c),
      rules: [rule as ManifestRule],
      kubernetesVersion: c.kubernetesVersion,
      config: configOf(rule, c),
      onRuleError: rethrow,
    }).findings,
  fixInput: (c) => ({ text: c.text, path: FILE, workspace: workspaceOf(c).with(parseManifest(c.text, FILE)) }),
  assertParses(_c, text) {
    assert.deepEqual(manifestTables.run(yamlSyntax, { text }).map((f) => f.message), [], 'the fixed manifest is valid YAML');
  },
};
