import type { Add } from 'dockerfile-ast';
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileRule } from '../../core/rule';
import { unquoted } from '../../core/dockerfile/instructions';

const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
// ADD unpacks local tar archives, detected by content: anything that may be a (compressed) tarball stays ADD.
const ARCHIVE = /\.(tar|tgz|taz|tbz2?|tb2|txz|tlz|tzst|gz|bz2|xz|lz|lzma|zst|z)$/i;
// Flags only ADD has (remote sources); any of them means ADD is intended.
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);
const COPY_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude', 'parents']);

/** ADD instructions whose sources are all plain local files or folders. */
function localAdds(model: DockerfileModel): Add[] {
  return model.ast.getInstructions().filter((ins): ins is Add => {
    if (ins.getKeyword() !== 'ADD') return false;
    const add = ins as Add;
    if (add.getFlags().some((f) => ADD_ONLY_FLAGS.has(f.getName()))) return false;
    const json = add.getJSONStrings();
    // Docker strips the quotes of a shell-form word: `ADD "app.tgz" /opt/` unpacks, `ADD "https://…"` downloads.
    const args = json.length ? json.map((s) => s.getJSONValue()) : add.getArguments().map((a) => unquoted(a.getValue()));
    // Heredoc sources (`ADD <<EOF /dst`) are inline text; the rest of their arguments are the body.
    const sources = args[0]?.startsWith('<<') ? [] : args.slice(0, -1);
    if (!sources.length && !args[0]?.startsWith('<<')) return false;
    // A variable may hold a URL or an archive name.
    return sources.every((s) => !s.includes('$') && !REMOTE.test(s) && !ARCHIVE.test(s));
  });
}

// "Fix all" applies the fix once per finding of one model: the file is walked once for all of them.
const localAddsIn = perModel(localAdds);

export const addInsteadOfCopy: DockerfileRule = {
  id: 'add-instead-of-copy',
  aliases: ['DL3020'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'ADD used for local files or folders where COPY does the same.',
    why: 'ADD also downloads URLs and unpacks tar archives, so a reader cannot tell what `ADD app.tar.gz /app` or `ADD $SRC /app` will do without checking the file. COPY only copies; keep ADD for remote sources and archives you mean to unpack.',
    bad: 'ADD requirements.txt /app/',
    good: 'COPY requirements.txt /app/',
  },
  check({ model }) {
    return localAdds(model).map((add) => ({
      message: 'ADD of local files also unpacks archives and fetches URLs; use COPY',
      range: add.getInstructionRange(),
      data: { line: add.getInstructionRange().start.line },
    }));
  },
  fixes: [
    {
      id: 'use-copy',
      title: () => 'Replace ADD with COPY',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const add = localAddsIn(model).find((a) => a.getInstructionRange().start.line === finding.data?.line);
        if (!add || add.getFlags().some((f) => !COPY_FLAGS.has(f.getName()))) return null;
        const keyword = add.getInstruction();
        return { edits: [{ range: add.getInstructionRange(), newText: keyword === keyword.toLowerCase() ? 'copy' : 'COPY' }] };
      },
    },
  ],
};
