// BuildKit's LegacyKeyValueFormat: `ENV key value` / `LABEL key value`, the whitespace-separated form Docker keeps
// only for compatibility. The fix writes `key=value`, quoting a value with spaces, when that is exact.
import type { Property, PropertyInstruction } from 'dockerfile-ast';
import { modelOf } from '../../core/dockerfile/edits';
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';
import type { TextEdit } from '../../core/types';

/** ENV/LABEL properties written as `key value`. */
const legacyProperties = perModel((model: DockerfileModel): Array<{ keyword: string; prop: Property }> => {
  const out: Array<{ keyword: string; prop: Property }> = [];
  for (const ins of model.ast.getInstructions()) {
    const keyword = ins.getKeyword();
    if (keyword !== 'ENV' && keyword !== 'LABEL') continue;
    for (const prop of (ins as PropertyInstruction).getProperties()) {
      if (prop.getAssignmentOperator() === null && prop.getValue() !== null && prop.getValueRange()) out.push({ keyword, prop });
    }
  }
  return out;
});

/**
 * The `key=value` edit: the separating whitespace becomes `=`; a value holding whitespace is double-quoted, but only
 * when it holds no quote, escape or line continuation (then quoting could change it).
 */
function toKeyValue(model: DockerfileModel, prop: Property): TextEdit[] | null {
  const nameEnd = prop.getNameRange().end;
  const valueRange = prop.getValueRange()!;
  const value = model.text.slice(model.offsetAt(valueRange.start), model.offsetAt(valueRange.end));
  const separator: TextEdit = { range: { start: nameEnd, end: valueRange.start }, newText: '=' };
  if (!/\s/.test(value)) return [separator];
  if (/["'`\\]/.test(value) || value.includes(model.escape)) return null;
  return [separator, { range: valueRange, newText: `"${value}"` }];
}

export const legacyKeyValueFormat: DockerfileRule = {
  id: 'legacy-key-value-format',
  aliases: ['LegacyKeyValueFormat'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`ENV key value` or `LABEL key value` instead of `key=value`.',
    why: 'In the old whitespace form the whole rest of the line is one value, so `ENV PATH /app/bin LANG C.UTF-8` sets PATH to everything after it instead of two variables. Docker keeps the form only for compatibility and BuildKit warns about it; `key=value` says where each value ends.',
    bad: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED 1',
    good: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1',
  },
  check({ model }) {
    return legacyProperties(model).map(({ keyword, prop }) => ({
      message: `Write \`${keyword} ${prop.getName()}=…\` instead of the legacy \`${keyword} ${prop.getName()} …\` form`,
      range: prop.getNameRange(),
    }));
  },
  fixes: [
    {
      id: 'key-equals-value',
      title: () => 'Use key=value',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const hit = legacyProperties(model).find(({ prop }) => prop.getNameRange().start.line === finding.range.start.line && prop.getNameRange().start.character === finding.range.start.character);
        const edits = hit && toKeyValue(model, hit.prop);
        return edits ? { edits } : null;
      },
    },
  ],
};
