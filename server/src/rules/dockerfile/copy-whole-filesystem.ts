// DL3067: `COPY --from=<stage> / /` copies another stage's entire filesystem over this one.
import type { JSONInstruction } from 'dockerfile-ast';
import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { copyArgWords, fromFlag, unquoted } from '../../core/dockerfile/instructions';

export const copyWholeFilesystem: DockerfileRule = {
  id: 'copy-whole-filesystem',
  aliases: ['DL3067'],
  severity: 'warning',
  category: 'size',
  scope: 'instruction',
  docs: {
    summary: '`COPY --from=… / /` copies a whole filesystem from another stage or image.',
    why: 'Copying `/` brings along the other stage\'s package database, caches, compilers and `/etc` files, overwriting this stage\'s own: the image grows by the whole build environment and its system files come from two places. Copy only the files the image needs (`COPY --from=build /app/bin/server /usr/local/bin/`), or build FROM that stage if you want all of it.',
    bad: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build / /',
    good: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'COPY' || !fromFlag(ins)) continue;
        const words = copyArgWords(model, ins as JSONInstruction);
        const dest = words[words.length - 1];
        const root = words.slice(0, -1).find((w) => unquoted(w.value) === '/');
        if (!root || !dest || unquoted(dest.value) !== '/') continue;
        const from = fromFlag(ins)!.getValue() ?? '';
        hits.push({ message: `This copies the whole filesystem of \`${from}\` over the image; copy only the paths it needs`, range: root.range });
      }
    }
    return hits;
  },
};
