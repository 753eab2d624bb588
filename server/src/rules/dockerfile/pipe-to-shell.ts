import type { ShellCommand } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const FETCHERS = new Set(['curl', 'wget']);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh']);
// Shell options that take a value (`bash -o pipefail`).
const SHELL_VALUE_OPTS = new Set(['-o', '+o', '-O', '+O']);

/** True when the command reads the program it runs from stdin (`sh`, `bash -s -- args`, `python3 -`), not `python3 -c '…'`. */
export function runsStdin(cmd: ShellCommand): boolean {
  const p = cmd.program;
  const kind = SHELLS.has(p) ? 'shell' : /^python[0-9.]*$/.test(p) ? 'python' : p === 'perl' ? 'perl' : undefined;
  if (!kind) return false;
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i].value;
    if (v === '-') return true;
    if (v === '--') return i + 1 >= cmd.args.length;
    if (!v.startsWith('-') && !v.startsWith('+')) return false; // a script file
    if (kind === 'shell') {
      if (/^-[a-zA-Z]*s/.test(v)) return true;
      if (/^-[a-zA-Z]*c/.test(v)) return false;
      if (SHELL_VALUE_OPTS.has(v)) i++;
    } else if (kind === 'python') {
      if (v === '-c' || v === '-m') return false;
      if (v === '-W' || v === '-X') i++;
    } else if (/^-[a-zA-Z]*[eE]/.test(v)) {
      return false;
    }
  }
  return true;
}

export const pipeToShell: DockerfileRule = {
  id: 'pipe-to-shell',
  aliases: [],
  severity: 'warning',
  category: 'security',
  scope: 'instruction',
  docs: {
    summary: 'A downloaded script is piped straight into a shell (`curl … | sh`).',
    why: 'Whatever the server (or anyone between you and it) sends is executed as-is during the build, and a dropped connection can run half a script. Download the file, verify a pinned checksum or signature, then run it.',
    bad: 'RUN curl -fsSL https://example.com/install.sh | sh',
    good: 'RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n    && echo "<sha256>  /tmp/install.sh" | sha256sum -c - \\\n    && sh /tmp/install.sh && rm /tmp/install.sh',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const run of model.runs) {
      if (run.execForm) continue;
      const pipelines = new Map<number, ShellCommand[]>();
      for (const cmd of run.script.commands) {
        if (cmd.pipeline) pipelines.set(cmd.pipeline.id, [...(pipelines.get(cmd.pipeline.id) ?? []), cmd]);
      }
      for (const stages of pipelines.values()) {
        stages.sort((a, b) => a.pipeline!.index - b.pipeline!.index);
        const fetch = stages.findIndex((c) => FETCHERS.has(c.program));
        const shell = fetch < 0 ? undefined : stages.slice(fetch + 1).find(runsStdin);
        if (!shell) continue;
        const fetcher = stages[fetch];
        hits.push({
          message: `\`${fetcher.program} … | ${shell.program}\` runs a downloaded script unverified; download it, check its checksum or signature, then run it`,
          range: model.rangeOf(fetcher.nameWord.start, shell.nameWord.end),
        });
      }
    }
    return hits;
  },
};
