// Results of object-scoped manifest rules (`scope: 'object'`) kept per YAML document, so that an edit runs them only
// on the objects whose document changed. The parse cache (parse-cache.ts) hands back the same parsed Document for a
// document whose text did not change, so that Document is the key; a changed document is a new one. A kept hit is
// stored with the line its document started on and the document's index, and moved to where the document is now.
import type { Document } from 'yaml';
import type { ManifestRule, ManifestRuleContext } from '../rule';
import type { RuleHit } from '../types';
import type { K8sObject, ManifestFile, YamlDoc } from './parse';

interface Kept {
  /** What the hits were computed under: the Kubernetes version and the custom checks. */
  context: string;
  /** The line the document started on, and its index in the file, when the hits were computed. */
  line: number;
  index: number;
  hits: readonly RuleHit[];
}

const NO_HITS: readonly RuleHit[] = [];
const wrapped = new WeakMap<ManifestRule, ManifestRule>();

/**
 * The rule to run: an object-scoped rule wrapped to reuse its results for unchanged documents, any other rule as
 * it is. One wrapper per rule, so its kept results outlive the analysis.
 */
export function withKeptResults(rule: ManifestRule): ManifestRule {
  if (rule.scope !== 'object') return rule;
  let wrapper = wrapped.get(rule);
  if (!wrapper) {
    const kept = new WeakMap<Document.Parsed, Kept>();
    wrapper = { ...rule, check: (ctx) => checkKept(rule, kept, ctx) };
    wrapped.set(rule, wrapper);
  }
  return wrapper;
}

function contextKey(ctx: ManifestRuleContext): string {
  if (!ctx.customChecks?.length) return ctx.kubernetesVersion;
  const checks = JSON.stringify(ctx.customChecks, (_key, value: unknown) => (value instanceof RegExp ? `/${value.source}/${value.flags}` : value));
  return `${ctx.kubernetesVersion}\n${checks}`;
}

function checkKept(rule: ManifestRule, kept: WeakMap<Document.Parsed, Kept>, ctx: ManifestRuleContext): RuleHit[] {
  const { file } = ctx;
  const context = contextKey(ctx);
  const hits: RuleHit[] = [];
  const fresh: K8sObject[] = [];
  for (const obj of file.objects) {
    const entry = kept.get(obj.doc.doc);
    if (entry && entry.context === context) {
      if (!entry.hits.length) continue;
      const line = file.positionAt(obj.doc.start).line;
      for (const hit of entry.hits) hits.push(moved(hit, entry, line, obj.doc.index));
    } else fresh.push(obj);
  }
  if (!fresh.length) return hits;
  const view: ManifestFile = fresh.length === file.objects.length ? file : { ...file, objects: fresh, docs: fresh.map((o) => o.doc) };
  const found = rule.check({ ...ctx, file: view });
  const byDoc = splitByDocument(file, fresh.map((o) => o.doc), found);
  // A hit outside the documents it was asked about: the rule is not object-scoped after all; run it whole.
  if (!byDoc) return rule.check(ctx);
  for (const [doc, docHits] of byDoc) {
    kept.set(doc.doc, { context, line: file.positionAt(doc.start).line, index: doc.index, hits: docHits.length ? docHits : NO_HITS });
  }
  hits.push(...found);
  return hits;
}

/** The hits of each document (every hit lies within one of `docs`), or undefined when one does not. */
function splitByDocument(file: ManifestFile, docs: YamlDoc[], hits: RuleHit[]): Map<YamlDoc, RuleHit[]> | undefined {
  const spans = docs
    .map((doc) => ({ doc, first: file.positionAt(doc.start).line, last: file.positionAt(doc.end).line }))
    .sort((a, b) => a.first - b.first);
  const byDoc = new Map<YamlDoc, RuleHit[]>(spans.map((s) => [s.doc, []]));
  for (const hit of hits) {
    const { start, end } = hit.range;
    // The last document starting at or before the hit's line.
    let lo = 0;
    let hi = spans.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].first <= start.line) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // A hit must lie in one document. One that starts on the line where the document before it ends (a document's
    // `---` line) cannot be told apart: none is kept.
    if (at < 0 || end.line > spans[at].last || (at > 0 && spans[at - 1].last >= start.line)) return undefined;
    byDoc.get(spans[at].doc)!.push(hit);
  }
  return byDoc;
}

/** A kept hit where its document is now: lines shifted, and `data.doc` (the document's index) renumbered. */
function moved(hit: RuleHit, entry: Kept, line: number, index: number): RuleHit {
  const shift = line - entry.line;
  const renumber = index !== entry.index && hit.data?.doc === entry.index;
  if (!shift && !renumber) return hit;
  const { start, end } = hit.range;
  return {
    ...hit,
    range: { start: { line: start.line + shift, character: start.character }, end: { line: end.line + shift, character: end.character } },
    ...(renumber ? { data: { ...hit.data, doc: index } } : {}),
  };
}
