import type { DockerfileRule } from '../../core/rule';
import { pragmaLines } from '../../core/suppress';
import { splitLines } from '../../core/text';

export const inlineIgnorePragma: DockerfileRule = {
  id: 'inline-ignore-pragma',
  aliases: ['DL1001'],
  severity: 'info',
  offByDefault: true,
  category: 'correctness',
  docs: {
    summary: 'An in-file ignore pragma (`# hadolint ignore=…`, `# stevedore ignore=…`); off unless turned on.',
    why: 'Some teams want every exception to a rule visible in review and configured in one place, not scattered through Dockerfiles. `disable-ignore-pragma: true` in `.stevedore.yaml` or `.hadolint.yaml` (hadolint\'s key) stops honouring the pragmas and reports each one with this rule; `rules: { DL1001: warning }` reports them while still honouring them.',
    bad: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl',
    good: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u5',
    config: 'disable-ignore-pragma: true\n',
  },
  check({ model }) {
    return pragmaLines(splitLines(model.text)).map(({ line, start, text }) => ({
      message: `Ignore pragma \`${text}\`: configure exceptions in .stevedore.yaml instead`,
      range: { start: { line, character: start }, end: { line, character: start + text.length } },
    }));
  },
};
