import type { PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { looksLikeSecret } from '../../core/dockerfile/secret-names';

export const secretInEnv: DockerfileRule = {
  id: 'secret-in-env',
  aliases: ['DL3064', 'SecretsUsedInArgOrEnv'],
  severity: 'warning',
  category: 'security',
  scope: 'instruction',
  docs: {
    summary: 'ENV or ARG whose name says it holds a secret (password, token, API key …).',
    why: 'ENV values are stored in the image config and ARG values in the build history (`docker history`), so anyone who can pull the image can read them. Pass build secrets with `RUN --mount=type=secret,id=<name>` and runtime secrets through the orchestrator.',
    bad: 'ARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci',
    good: 'RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const ins of model.ast.getInstructions()) {
      const keyword = ins.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') continue;
      for (const prop of (ins as PropertyInstruction).getProperties()) {
        const name = prop.getName();
        // `ENV TOKEN=` only clears the variable.
        if (!name || !looksLikeSecret(name) || (keyword === 'ENV' && !prop.getValue())) continue;
        const id = name.toLowerCase();
        const where = keyword === 'ENV' ? 'the image config' : 'the build history';
        hits.push({
          message: `\`${keyword} ${name}\` looks like a secret and ends up in ${where}; use \`RUN --mount=type=secret,id=${id}\` instead`,
          range: prop.getNameRange(),
          data: { name },
        });
      }
    }
    return hits;
  },
};
