// BuildKit's ExposeInvalidFormat: `EXPOSE 8080:80` or `EXPOSE 0.0.0.0:80:80`. EXPOSE only documents a container
// port; the host side belongs to `docker run -p`. The fix keeps the container port, which is all Docker records.
import type { Argument } from 'dockerfile-ast';
import { modelOf } from '../../core/dockerfile/edits';
import { instructionsOf } from '../../core/dockerfile/instructions';
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';

/** EXPOSE arguments with an IP address or host port, and the container port (with protocol) they expose. */
const hostMappings = perModel((model: DockerfileModel): Array<{ arg: Argument; container: string }> => {
  const out: Array<{ arg: Argument; container: string }> = [];
  for (const ins of instructionsOf(model, 'EXPOSE')) {
    for (const arg of ins.getArguments()) {
      const raw = model.text.slice(model.offsetAt(arg.getRange().start), model.offsetAt(arg.getRange().end));
      if (raw.includes('$')) continue;
      const m = /^(["']?)(.*)\1$/.exec(raw)!;
      const parts = m[2].split(':');
      const container = parts[parts.length - 1];
      // `[::1]:80:80`: the IPv6 address holds colons too; whatever precedes the last colon is a host part.
      if (parts.length > 1 && container && !container.startsWith('/')) out.push({ arg, container: `${m[1]}${container}${m[1]}` });
    }
  }
  return out;
});

export const exposeHostMapping: DockerfileRule = {
  id: 'expose-host-mapping',
  aliases: ['ExposeInvalidFormat'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'EXPOSE with a host port or IP address (`8080:80`, `0.0.0.0:80:80`).',
    why: 'EXPOSE records which port the container listens on; it cannot publish anything. Docker ignores the host part, so `EXPOSE 8080:80` only exposes 80 while reading as if 8080 were published. BuildKit warns and plans to make it an error; publish with `docker run -p 8080:80`.',
    bad: 'FROM nginx:1.27\nEXPOSE 8080:80',
    good: 'FROM nginx:1.27\nEXPOSE 80',
  },
  check({ model }) {
    return hostMappings(model).map(({ arg, container }) => ({
      message: `EXPOSE cannot map a host port or address: \`${arg.getValue()}\` only exposes \`${container.replace(/^["']|["']$/g, '')}\`; publish ports with \`docker run -p\``,
      range: arg.getRange(),
    }));
  },
  fixes: [
    {
      id: 'container-port',
      title: () => 'Keep only the container port',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const hit = hostMappings(modelOf(input)).find(({ arg }) => arg.getRange().start.line === finding.range.start.line && arg.getRange().start.character === finding.range.start.character);
        return hit ? { edits: [{ range: hit.arg.getRange(), newText: hit.container }] } : null;
      },
    },
  ],
};
