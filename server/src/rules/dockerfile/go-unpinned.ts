// DL3062: `go install|get|run pkg` without `@version` (`@latest` is not a pin). Which words count as pinned (local
// packages and files too) is in core/dockerfile/package-pins.ts.
import type { DockerfileRule } from '../../core/rule';
import { unpinnedInModel } from '../../core/dockerfile/package-pins';
import { wordRange } from '../../core/dockerfile/instructions';

export const goUnpinned: DockerfileRule = {
  id: 'go-unpinned',
  aliases: ['DL3062'],
  severity: 'warning',
  category: 'reliability',
  scope: 'instruction',
  docs: {
    summary: '`go install` of a module without a version, or with `@latest`.',
    why: 'A remote package without `@version` (or with `@latest`) resolves to the newest tagged release when the image is built: rebuilds drift, and a breaking release lands unannounced. Name the version (`@v1.2.3`) or a commit; local packages (`./cmd/app`, `.`) build from the copied sources and need none.',
    bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest',
    good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2',
  },
  check({ model }) {
    return unpinnedInModel(model, 'go').map((u) => {
      const name = u.name.replace(/@latest$/, '');
      return {
        message: `\`${u.name}\` resolves to the newest release at build time; pin it as \`${name}@<version>\` (\`go list -m -versions <module>\` lists the versions)`,
        range: wordRange(model, u.word),
      };
    });
  },
};
