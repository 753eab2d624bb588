// DL3010: a local tar archive COPYed into the image and unpacked by a later RUN of the same stage: the archive stays
// in the COPY layer for good, where `ADD archive.tar.gz /dir/` would unpack it in one step.
import type { JSONInstruction } from 'dockerfile-ast';
import type { ShellCommand } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import type { Range, RuleHit } from '../../core/types';
import { basename } from '../../core/dockerfile/paths';
import { copyArgWords, fromFlag, unquoted } from '../../core/dockerfile/instructions';

// Archives ADD unpacks itself: tar, plain or compressed with gzip, bzip2, xz or zstd.
const TAR_ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst)|tgz|taz|tbz2?|tb2|txz|tzst)$/i;

/** True when `tar` is asked to extract: `-x…`, `--extract`, `--get`, or the old `tar xzf` spelling. */
function tarExtracts(cmd: ShellCommand): boolean {
  if (cmd.program !== 'tar') return false;
  return cmd.args.some((a, i) => a.value === '--extract' || a.value === '--get' || /^-[A-Za-z]*x/.test(a.value) || (i === 0 && /^[A-Za-z]*x[A-Za-z]*$/.test(a.value)));
}

/** The file names a tar command reads (`-f x`, `--file=x` or a glued `-xzfx`), as basenames. */
function tarFiles(cmd: ShellCommand): string[] {
  return cmd.args.map((a) => basename(unquoted(a.value.replace(/^--file=/, '')))).filter((v) => TAR_ARCHIVE.test(v));
}

export const copyArchiveThenExtract: DockerfileRule = {
  id: 'copy-archive-then-extract',
  aliases: ['DL3010'],
  severity: 'info',
  category: 'size',
  docs: {
    summary: 'A local tar archive is COPYed and then unpacked by a later RUN.',
    why: 'The COPY layer keeps the archive even when the RUN deletes it afterwards, so the image carries it and its unpacked files. `ADD app.tar.gz /opt/app/` unpacks a local tar archive (gzip, bzip2, xz or zstd) while copying, in one layer, with nothing left over.',
    bad: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz',
    good: 'FROM debian:12\nADD app.tar.gz /opt/',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      // Archive basename → the COPY source word it came from (not yet reported).
      const copied = new Map<string, Range>();
      for (const ins of stage.instructions) {
        const kw = ins.getKeyword();
        if (kw === 'COPY' && !fromFlag(ins)) {
          const words = copyArgWords(model, ins as JSONInstruction);
          if (words.length < 2 || words[0].value.startsWith('<<')) continue;
          const dest = basename(unquoted(words[words.length - 1].value));
          for (const src of words.slice(0, -1)) {
            const name = TAR_ARCHIVE.test(dest) ? dest : basename(unquoted(src.value));
            if (TAR_ARCHIVE.test(name) && !name.includes('$')) copied.set(name, src.range);
          }
        } else if (kw === 'RUN' && copied.size) {
          for (const cmd of model.runOf(ins)?.script.commands ?? []) {
            if (!tarExtracts(cmd)) continue;
            for (const name of tarFiles(cmd)) {
              const range = copied.get(name);
              if (!range) continue;
              copied.delete(name);
              hits.push({ message: `\`${name}\` is copied and then unpacked, so the archive stays in the COPY layer; \`ADD ${name} <dir>\` unpacks it in one step`, range });
            }
          }
        }
      }
    }
    return hits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};
