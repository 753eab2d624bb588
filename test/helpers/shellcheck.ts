// Tests that read ShellCheck findings first have the real `shellcheck` answer for their Dockerfiles (the rule
// itself only reads answers; the language server and the CLI run ShellCheck).
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { shellcheckInputs } from '../../server/src/core/dockerfile/shellcheck-input';
import { ShellcheckRunner } from '../../server/src/tools/shellcheck';

/** Runs the real ShellCheck over the RUNs of these Dockerfiles; fails when it is not installed or did not answer. */
export async function answerShellcheck(texts: readonly string[]): Promise<void> {
  await initShellParser();
  const messages: string[] = [];
  const runner = new ShellcheckRunner({ notify: (m) => messages.push(m), timeoutMs: 60_000 });
  const outcome = await runner.check(texts.flatMap((t) => shellcheckInputs(buildModel(t))));
  if (outcome !== 'done' && outcome !== 'cached') throw new Error(`ShellCheck ${outcome}: ${messages.join(' ')} (node scripts/install-test-deps.mjs installs it)`);
}
