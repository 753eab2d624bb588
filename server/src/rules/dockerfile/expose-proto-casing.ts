// BuildKit's ExposeProtoCasing: `EXPOSE 80/TCP`; the protocol is lower-case (`tcp`, `udp`, `sctp`).
import type { Argument } from 'dockerfile-ast';
import { modelOf } from '../../core/dockerfile/edits';
import { instructionsOf } from '../../core/dockerfile/instructions';
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';

/** EXPOSE arguments whose protocol has upper-case letters, with the argument's text fixed. */
const upperProtocols = perModel((model: DockerfileModel): Array<{ arg: Argument; fixed: string }> => {
  const out: Array<{ arg: Argument; fixed: string }> = [];
  for (const ins of instructionsOf(model, 'EXPOSE')) {
    for (const arg of ins.getArguments()) {
      const raw = model.text.slice(model.offsetAt(arg.getRange().start), model.offsetAt(arg.getRange().end));
      // Variables are expanded first: their value is unknown here.
      if (raw.includes('$')) continue;
      const m = /^(["']?)([^/]*)\/([^/"']+)\1$/.exec(raw);
      if (m && m[3] !== m[3].toLowerCase()) out.push({ arg, fixed: `${m[1]}${m[2]}/${m[3].toLowerCase()}${m[1]}` });
    }
  }
  return out;
});

export const exposeProtoCasing: DockerfileRule = {
  id: 'expose-proto-casing',
  aliases: ['ExposeProtoCasing'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'EXPOSE with an upper-case protocol (`80/TCP`).',
    why: 'Docker lower-cases the protocol, so `80/TCP` works, but BuildKit warns about it and the image metadata then differs from what the Dockerfile says. Write `tcp`, `udp` or `sctp`.',
    bad: 'FROM nginx:1.27\nEXPOSE 80/TCP',
    good: 'FROM nginx:1.27\nEXPOSE 80/tcp',
  },
  check({ model }) {
    return upperProtocols(model).map(({ arg, fixed }) => ({
      message: `The protocol in \`EXPOSE ${arg.getValue()}\` should be lower-case: \`${fixed.replace(/^["']|["']$/g, '')}\``,
      range: arg.getRange(),
    }));
  },
  fixes: [
    {
      id: 'lowercase',
      title: () => 'Lower-case the protocol',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const hit = upperProtocols(modelOf(input)).find(({ arg }) => arg.getRange().start.line === finding.range.start.line && arg.getRange().start.character === finding.range.start.character);
        return hit ? { edits: [{ range: hit.arg.getRange(), newText: hit.fixed }] } : null;
      },
    },
  ],
};
