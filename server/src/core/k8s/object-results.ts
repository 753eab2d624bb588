// Results of object-scoped manifest rules (`scope: 'object'`) kept per YAML document, so that an edit runs them only
// on the objects whose document changed. The parse cache (parse-cache.ts) hands back the same parsed Document for a
// document whose text did not change, so that Document is the key; a changed document is a new one. Kept hits are
// stored with the line their document started on and its index, and moved (lines, `data.doc`) where the document
// is now when reused. Per document one small record: which rules ran on it and the hits of those that hit.
import type { Document } from 'yaml';
import type { ManifestRule, ManifestRuleContext } from '../rule';
import { hasRun, inUnitOrder, lastStartingBy, markRan, newRecord, scopedWrapper, type RanRecord } from '../kept-results';
import type { RuleHit } from '../types';
import type { ManifestFile } from './parse';

interface DocumentResults extends RanRecord<KeptHits> {
  /** What the results were computed under: the Kubernetes version and the custom checks. */
  context: string;
}

/** A rule's hits on a document as reported, with the document's first line and index then. */
interface KeptHits {
  line: number;
  index: number;
  hits: RuleHit[];
}

/** One analysis's view of a file: each object's document results, first line and last line. */
interface FileResults {
  context: string;
  records: DocumentResults[];
  first: Int32Array;
  last: Int32Array;
}

const byDocument = new WeakMap<Document.Parsed, DocumentResults>();
const byFile = new WeakMap<ManifestFile, FileResults>();

/** The rule to run: an object-scoped rule wrapped to reuse its results for unchanged documents, any other rule as it is. */
export const withKeptResults = scopedWrapper<ManifestRuleContext, ManifestRule>('object', (rule, ordinal, ctx) => checkKept(rule, ordinal, ctx));

function contextKey(ctx: ManifestRuleContext): string {
  if (!ctx.customChecks?.length) return ctx.kubernetesVersion;
  const checks = JSON.stringify(ctx.customChecks, (_key, value: unknown) => (value instanceof RegExp ? `/${value.source}/${value.flags}` : value));
  return `${ctx.kubernetesVersion}\n${checks}`;
}

function fileResults(file: ManifestFile, context: string): FileResults {
  const known = byFile.get(file);
  if (known && known.context === context) return known;
  const n = file.objects.length;
  const results: FileResults = { context, records: new Array<DocumentResults>(n), first: new Int32Array(n), last: new Int32Array(n) };
  file.objects.forEach((obj, i) => {
    let record = byDocument.get(obj.doc.doc);
    if (!record || record.context !== context) {
      record = { context, ...newRecord<KeptHits>() };
      byDocument.set(obj.doc.doc, record);
    }
    results.records[i] = record;
    results.first[i] = file.positionAt(obj.doc.start).line;
    results.last[i] = file.positionAt(obj.doc.end).line;
  });
  byFile.set(file, results);
  return results;
}

/**
 * Files with fewer objects than this are checked whole every time: rerunning a rule on a few objects costs less than
 * the bookkeeping, and their records would only add to the memory of a session that opens many small files.
 */
const KEEP_FROM_OBJECTS = 20;

function checkKept(rule: ManifestRule, ordinal: number, ctx: ManifestRuleContext): RuleHit[] {
  const { file } = ctx;
  if (file.objects.length < KEEP_FROM_OBJECTS) return rule.check(ctx);
  const { records, first, last } = fileResults(file, contextKey(ctx));
  // The objects the rule has not run on, and those it has with hits kept.
  const fresh: number[] = [];
  const keptHits: number[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (!hasRun(record, ordinal)) fresh.push(i);
    else if (record.hits?.has(ordinal)) keptHits.push(i);
  }
  // The fresh objects' hits, grouped by object.
  const found = new Map<number, RuleHit[]>();
  let all: RuleHit[] = [];
  if (fresh.length) {
    const whole = fresh.length === records.length;
    const objects = whole ? file.objects : fresh.map((i) => file.objects[i]);
    all = rule.check({ ...ctx, file: whole ? file : { ...file, objects, docs: objects.map((o) => o.doc) } });
    for (const hit of all) {
      // The hit's object: the last of the fresh ones (in file order) that starts at or before the hit's line.
      const { start, end } = hit.range;
      const at = lastStartingBy(fresh.length, (k) => first[fresh[k]], start.line);
      // A hit must lie in one document; one starting on the line where the document before it ends (a `---` line)
      // cannot be told apart. Either way the rule is not object-scoped here: run it whole and keep nothing.
      if (at < 0 || end.line > last[fresh[at]] || (at > 0 && last[fresh[at - 1]] >= start.line)) return rule.check(ctx);
      const list = found.get(fresh[at]);
      if (list) list.push(hit);
      else found.set(fresh[at], [hit]);
    }
    for (const i of fresh) markRan(records[i], ordinal);
    for (const [i, hits] of found) (records[i].hits ??= new Map()).set(ordinal, { line: first[i], index: file.objects[i].doc.index, hits });
  }
  // Nothing kept to add: the rule's own answer (all of it when every object was fresh, as a whole run).
  if (!keptHits.length) return all;
  return inUnitOrder(found, keptHits, (i) => placed(records[i].hits!.get(ordinal)!, first[i], file.objects[i].doc.index));
}

/** Kept hits where their document is now: lines shifted and `data.doc` renumbered when it moved. */
function placed(kept: KeptHits, line: number, index: number): RuleHit[] {
  const shift = line - kept.line;
  if (!shift && index === kept.index) return kept.hits;
  return kept.hits.map((hit) => {
    const { start, end } = hit.range;
    return {
      ...hit,
      range: { start: { line: start.line + shift, character: start.character }, end: { line: end.line + shift, character: end.character } },
      ...(hit.data?.doc === kept.index ? { data: { ...hit.data, doc: index } } : {}),
    };
  });
}
