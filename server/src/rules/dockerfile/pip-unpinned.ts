// DL3013: `pip install pkg` without a version specifier or a requirements/constraints file. Which words count as
// pinned (specifiers, local paths and archives, URLs, VCS URLs with `@ref`) is in core/dockerfile/package-pins.ts.
import type { DockerfileRule } from '../../core/rule';
import { unpinnedInModel } from '../../core/dockerfile/package-pins';
import { wordRange } from '../../core/dockerfile/instructions';

export const pipUnpinned: DockerfileRule = {
  id: 'pip-unpinned',
  aliases: ['DL3013'],
  severity: 'warning',
  category: 'reliability',
  scope: 'instruction',
  docs: {
    summary: '`pip install` of a package without a version.',
    why: 'Without a version specifier, pip installs the newest release on PyPI at build time: the same Dockerfile builds a different image next month, and a new major release can break it without any change of yours. Pin with `==` (or bound with `>=`/`~=`), or install from a requirements or constraints file (`-r`, `-c`) that pins. A VCS URL needs an `@ref` to be pinned.',
    bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask',
    good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3',
  },
  check({ model }) {
    return unpinnedInModel(model, 'pip').map((u) => ({
      message: /(^|\s@\s*)(git|hg|svn|bzr)[+:]/.test(u.name)
        ? `\`${u.name}\` installs whatever the branch holds; name a tag or commit with \`@<ref>\``
        : `\`${u.name}\` is installed without a version; pin it as \`${u.name}==<version>\` or install from a requirements file (\`-r\`)`,
      range: wordRange(model, u.word),
    }));
  },
};
