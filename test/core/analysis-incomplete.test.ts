// A rule that throws, or that the time budget leaves out, never silently drops findings: one analysis-incomplete
// finding at the top of the file names it, for Dockerfiles and manifests alike, in the library and in the CLI.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import type { Config } from '../../server/src/core/config';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { budgetFromNow } from '../../server/src/core/engine';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import type { DockerfileRule, ManifestRule } from '../../server/src/core/rule';
import { dockerfileRules } from '../../server/src/rules/dockerfile';
import { manifestRules } from '../../server/src/rules/k8s';
import { runCli } from '../cli/run';
import { deployment } from '../helpers/k8s';

const DOCKERFILE = 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install curl\n';
const DEPLOYMENT = deployment({ containers: [{ image: 'nginx' }] });
const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A copy of a real rule whose check throws as a buggy rule would. */
function throwing<R extends DockerfileRule | ManifestRule>(rule: R): R {
  return { ...rule, check: () => { throw new TypeError("Cannot read properties of undefined (reading 'getRange')"); } };
}

const mergeRun = dockerfileRules.find((r) => r.id === 'merge-run')!;
const missingResources = manifestRules.find((r) => r.id === 'missing-resources')!;

describe('analysis-incomplete in the library', () => {
  before(() => initShellParser());

  it('a Dockerfile rule that throws is named at the top of the file; the other rules still report', () => {
    const errors: string[] = [];
    const rules = dockerfileRules.map((r) => (r === mergeRun ? throwing(r) : r));
    const findings = analyzeDockerfile(DOCKERFILE, { rules, onRuleError: (id) => errors.push(id) });
    const incomplete = findings.filter((f) => f.ruleId === 'analysis-incomplete');
    assert.deepEqual(incomplete, [
      {
        ruleId: 'analysis-incomplete',
        severity: 'info',
        message: "Rule merge-run failed on this file and was skipped: Cannot read properties of undefined (reading 'getRange'); results are incomplete",
        range: TOP,
        data: { reason: 'rule-failed', rule: 'merge-run' },
      },
    ]);
    assert.deepEqual(errors, ['merge-run'], 'the caller still hears about it (the server logs it)');
    assert.ok(findings.some((f) => f.ruleId === 'apt-missing-yes'), 'other rules still ran');
    assert.ok(!findings.some((f) => f.ruleId === 'merge-run'));
  });

  it('a manifest rule that throws is named the same way', () => {
    const rules = manifestRules.map((r) => (r === missingResources ? throwing(r) : r));
    const { findings } = analyzeManifest(DEPLOYMENT, { rules, path: '/ws/web.yaml' });
    const incomplete = findings.filter((f) => f.ruleId === 'analysis-incomplete');
    assert.equal(incomplete.length, 1);
    assert.match(incomplete[0].message, /^Rule missing-resources failed on this file and was skipped: .*; results are incomplete$/);
    assert.deepEqual(incomplete[0].range, TOP);
    assert.ok(findings.some((f) => f.ruleId === 'missing-probes' || f.ruleId === 'missing-readiness-probe' || f.ruleId === 'image-latest-tag'), findings.map((f) => f.ruleId).join());
  });

  it('a spent time budget skips the remaining rules and names them in one finding', () => {
    const findings = analyzeDockerfile(DOCKERFILE, { rules: dockerfileRules, budget: { deadline: Date.now() - 1, ms: 5 } });
    assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
    assert.equal(findings[0].ruleId, 'analysis-incomplete');
    assert.equal(findings[0].severity, 'info');
    assert.match(findings[0].message, new RegExp(`^Analysis stopped at its time budget \\(5 ms\\); ${dockerfileRules.filter((r) => !r.offByDefault).length} rules skipped: syntax, .* and \\d+ more; results are incomplete$`));
    assert.equal((findings[0].data!.rules as string[]).length, dockerfileRules.filter((r) => !r.offByDefault).length);
    // With room to spare nothing is skipped.
    assert.ok(!analyzeDockerfile(DOCKERFILE, { rules: dockerfileRules, budget: budgetFromNow(60_000) }).some((f) => f.ruleId === 'analysis-incomplete'));
  });

  it('can be turned off like any rule', () => {
    const config: Config = { layers: [{ source: 'test', rules: [['analysis-incomplete', 'off']] }] };
    const rules = dockerfileRules.map((r) => (r === mergeRun ? throwing(r) : r));
    assert.ok(!analyzeDockerfile(DOCKERFILE, { rules, config }).some((f) => f.ruleId === 'analysis-incomplete'));
  });
});

describe('analysis-incomplete in the CLI', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-incomplete-'));
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
    fs.writeFileSync(path.join(dir, 'web.yaml'), DEPLOYMENT);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('JSON output shows the failed rule of each kind at the top of its file; stderr still says so', () => {
    // The built CLI cannot be handed a throwing rule; this test hook makes real rules throw.
    const r = runCli(['lint', '--format', 'json', 'Dockerfile', 'web.yaml'], { cwd: dir, env: { STEVEDORE_TEST_FAIL_RULES: 'merge-run,missing-resources' } });
    const out = JSON.parse(r.stdout);
    const incomplete = (file: string) => out.files.find((f: any) => f.path === file).findings.filter((f: any) => f.ruleId === 'analysis-incomplete');
    const docker = incomplete('Dockerfile');
    assert.equal(docker.length, 1, r.stdout);
    assert.equal(docker[0].severity, 'info');
    assert.match(docker[0].message, /^Rule merge-run failed on this file and was skipped: merge-run made to fail by STEVEDORE_TEST_FAIL_RULES; results are incomplete$/);
    assert.deepEqual(docker[0].range.start, { line: 1, column: 1 });
    const yaml = incomplete('web.yaml');
    assert.equal(yaml.length, 1, r.stdout);
    assert.match(yaml[0].message, /^Rule missing-resources failed on this file and was skipped/);
    assert.match(r.stderr, /Dockerfile.*rule merge-run failed/);
    // An information finding does not change the exit code (the other warnings do).
    assert.equal(r.code, 1);
  });
});
