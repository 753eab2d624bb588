// Runs the bundled in-host suite with mocha and reports every test; used by @vscode/test-electron (`run`) and by the
// test extension in code-server (`runAndReport`, which writes the results file the e2e harness waits for).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}
export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: TestResult[];
}

/** Runs the suite (out/suite.js next to this bundle) and resolves with every test's outcome. */
export function runSuite(): Promise<SuiteResults> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'suite.js'));
  const tests: TestResult[] = [];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const count = (s: TestResult['state']) => tests.filter((t) => t.state === s).length;
        resolve({ passed: count('passed'), failed: count('failed'), pending: count('pending'), durationMs: Date.now() - started, tests });
      });
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
      runner.on('fail', (t, err: Error) => tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: err.stack ?? String(err) }));
    } catch (e) {
      reject(e);
    }
  });
}

/** Entry point for @vscode/test-electron's extensionTestsPath: rejects when a test fails. */
export async function run(): Promise<void> {
  const r = await runSuite();
  if (r.failed) throw new Error(`${r.failed} of ${r.tests.length} in-host tests failed`);
  if (!r.passed) throw new Error('no in-host test passed');
}

/** Runs the suite and writes the results as JSON (via a temp file and rename, so readers never see half a file). */
export async function runAndReport(resultsPath: string): Promise<SuiteResults> {
  let results: SuiteResults;
  try {
    results = await runSuite();
  } catch (e) {
    results = { passed: 0, failed: 1, pending: 0, durationMs: 0, tests: [{ title: 'load the suite', state: 'failed', error: e instanceof Error ? e.stack ?? e.message : String(e) }] };
  }
  fs.mkdirSync(path.dirname(resultsPath), { recursive: true });
  fs.writeFileSync(`${resultsPath}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${resultsPath}.tmp`, resultsPath);
  return results;
}
