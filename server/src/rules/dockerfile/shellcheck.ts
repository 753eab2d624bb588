// ShellCheck inside RUN: the findings of the real `shellcheck` on every RUN script (shell form and heredocs), each
// with its SC code as its own alias, ShellCheck's level and wiki link, and ShellCheck's own fix where it maps
// exactly. The language server and the CLI run ShellCheck and fill the cache this rule reads; where ShellCheck is
// not installed (or has not answered yet) the rule is silent.
import type { DockerfileModel } from '../../core/dockerfile/model';
import { shellcheckInputs, shellcheckSkipped } from '../../core/dockerfile/shellcheck-input';
import { shellcheckCache, shellcheckHits } from '../../core/dockerfile/shellcheck-results';
import type { DockerfileRule } from '../../core/rule';
import type { RuleHit, TextEdit } from '../../core/types';

// Not once per model: the same model (same text) is checked again when ShellCheck's answers have arrived.
function hitsOf(model: DockerfileModel): RuleHit[] {
  const hits: RuleHit[] = [];
  // Without ShellCheck (not installed, or nothing answered yet) there is nothing to read.
  if (!shellcheckCache.size) return hits;
  for (const input of shellcheckInputs(model)) {
    const comments = shellcheckCache.get(input.text);
    if (comments) hits.push(...shellcheckHits(model, input, comments));
  }
  const skipped = shellcheckSkipped(model);
  if (skipped) {
    const checked = skipped.total - skipped.count;
    hits.push({
      message: `ShellCheck checked the first ${checked} of this file's ${skipped.total} RUN scripts (a bound per file keeps it fast); this one and the ${skipped.count - 1} after it were not checked`,
      range: skipped.first.instruction.getInstructionRange(),
      severity: 'info',
    });
  }
  return hits;
}

export const shellcheck: DockerfileRule = {
  id: 'shellcheck',
  aliases: [],
  severity: 'warning',
  severityNote: "info for ShellCheck's info and style findings and for the notice naming RUNs past the per-file bound; error where ShellCheck says error",
  category: 'correctness',
  docs: {
    summary: 'ShellCheck reports a problem in a RUN script.',
    why:
      'A RUN is a shell script, with the mistakes shell scripts have: unquoted variables split on spaces, `[[` in ' +
      '`/bin/sh`, a `cd` that fails silently. Stevedore runs your `shellcheck` on every RUN (and RUN heredoc) with the ' +
      "stage's shell (`sh`, or `bash` after `SHELL [\"/bin/bash\", \"-c\"]`) and the ARG/ENV names in scope, and shows " +
      "its findings where they are in the Dockerfile. Each carries its `SC` code: `# hadolint ignore=SC2086` and " +
      '`.hadolint.yaml` `ignored: [SC2086]` work as with hadolint. Install ShellCheck (`apt-get install shellcheck`, ' +
      '`brew install shellcheck`) or point `stevedore.shellcheck.path` / `--shellcheck` at it.',
    bad: 'FROM debian:12\nARG APP_DIR="/opt/my app"\nRUN mkdir -p $APP_DIR && [[ -d /opt ]]\n',
    good: 'FROM debian:12\nARG APP_DIR="/opt/my app"\nRUN mkdir -p "$APP_DIR" && [ -d /opt ]\n',
  },
  check: ({ model }) => hitsOf(model),
  fixes: [
    {
      id: 'shellcheck-fix',
      title: (f) => `Apply ShellCheck's fix (${String(f.data?.code ?? 'ShellCheck')})`,
      safe: false,
      apply: (_input, f) => {
        const edits = f.data?.edits as TextEdit[] | undefined;
        return Array.isArray(edits) && edits.length ? { edits } : null;
      },
    },
  ],
};
