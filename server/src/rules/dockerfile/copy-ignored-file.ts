// BuildKit's CopyIgnoredFile: a COPY/ADD source from the build context that `.dockerignore` excludes. The file is
// not sent to the builder, so the build fails (or, with a wildcard, silently copies less). Like BuildKit, nothing
// is reported when the ignore file has `!` exceptions, which a static check cannot weigh.
import type { JSONInstruction } from 'dockerfile-ast';
import { ignoreFileOf, ignoringPattern, readIgnorePatterns } from '../../core/dockerfile/dockerignore';
import type { DockerfileRule } from '../../core/rule';
import type { Range, RuleHit } from '../../core/types';

/** The source arguments of a COPY/ADD with their ranges (the last argument is the destination). */
function sources(ins: JSONInstruction): Array<{ value: string; range: Range }> {
  const json = ins.getJSONStrings();
  const words = json.length && ins.getOpeningBracket() ? json.map((s) => ({ value: s.getJSONValue(), range: s.getRange() })) : ins.getArguments().map((a) => ({ value: a.getValue(), range: a.getRange() }));
  return words.slice(0, -1);
}

export const copyIgnoredFile: DockerfileRule = {
  id: 'copy-ignored-file',
  aliases: ['CopyIgnoredFile'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'COPY or ADD of a file that `.dockerignore` excludes.',
    why: 'Files matched by `.dockerignore` are never sent to the builder, so `COPY` of one fails with "not found" (or a wildcard copies less than expected). Either the ignore pattern is too broad or the COPY is stale.',
    bad: '# .dockerignore: .git, node_modules, .env\nFROM node:20\nCOPY .env /app/.env',
    good: '# .dockerignore: .git, node_modules, .env\nFROM node:20\nCOPY package.json /app/',
  },
  check({ model, path, context }) {
    const file = context && ignoreFileOf(path, context);
    if (!context || !file) return [];
    const patterns = readIgnorePatterns(context.readFile(file) ?? '');
    if (!patterns.length || patterns.some((p) => p.exclusion)) return [];
    // `COPY . .` only counts when the file ignores everything.
    const rootIgnored = patterns.some((p) => p.pattern === '*' || p.pattern === '**' || p.pattern === '**/*');
    const hits: RuleHit[] = [];
    for (const ins of model.ast.getInstructions()) {
      const keyword = ins.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const copy = ins as JSONInstruction;
      if (copy.getFlags().some((f) => f.getName() === 'from') || /<<-?["']?[A-Za-z_]/.test(ins.getTextContent())) continue;
      for (const { value, range } of sources(copy)) {
        if (value.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('git@')) continue;
        const clean = value.replace(/^\/+/, '');
        const pattern = /^\.?\/?$/.test(clean) ? (rootIgnored ? '*' : undefined) : ignoringPattern(patterns, clean);
        if (pattern) hits.push({ message: `${keyword} \`${value}\`: ${file} excludes it (pattern \`${pattern}\`), so it is not in the build context`, range });
      }
    }
    return hits;
  },
};
