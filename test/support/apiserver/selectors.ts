// Label and field selectors: the query-string grammar of labelSelector/fieldSelector and metav1.LabelSelector objects.
import { badRequest } from './errors';
import type { K8sObject } from './util';

type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' };

/** A parsed selector; an empty one matches everything. */
export interface Selector {
  matches(labels: Record<string, string> | undefined): boolean;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function parseRequirement(term: string): Requirement {
  let m = /^!\s*([\w./-]+)$/.exec(term);
  if (m) return { key: m[1], op: '!exists' };
  m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
  if (m) return { key: m[1], op: m[2] as 'in' | 'notin', values: m[3].split(',').map((v) => v.trim()).filter((v) => v !== '') };
  m = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(term);
  if (m) return { key: m[1], op: m[2] === '!=' ? 'notin' : 'in', values: [m[3]] };
  m = /^([\w./-]+)$/.exec(term);
  if (m) return { key: m[1], op: 'exists' };
  throw badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`);
}

function matchRequirement(req: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.op) {
    case 'exists':
      return has;
    case '!exists':
      return !has;
    case 'in':
      return has && req.values.includes(labels[req.key]);
    case 'notin':
      return !has || !req.values.includes(labels[req.key]);
  }
}

function selectorOf(reqs: Requirement[]): Selector {
  return { matches: (labels) => reqs.every((r) => matchRequirement(r, labels ?? {})) };
}

/** Parses `app=web,tier!=db,env in (a,b),!legacy`. */
export function parseLabelSelector(text: string | null | undefined): Selector {
  return selectorOf(splitTopLevel(text ?? '').map(parseRequirement));
}

/** A metav1.LabelSelector (matchLabels + matchExpressions); a missing selector matches nothing, as for workloads. */
export function labelSelectorFromObject(selector: K8sObject | undefined): Selector {
  if (!selector) return { matches: () => false };
  const reqs: Requirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, op: 'in', values: [String(value)] }));
  for (const e of selector.matchExpressions ?? []) {
    const op = String(e.operator);
    if (op === 'In' || op === 'NotIn') reqs.push({ key: e.key, op: op === 'In' ? 'in' : 'notin', values: e.values ?? [] });
    else reqs.push({ key: e.key, op: op === 'Exists' ? 'exists' : '!exists' });
  }
  return selectorOf(reqs);
}

/** The string form of a metav1.LabelSelector, as in Scale status.selector: `app=web,tier in (a,b)`. */
export function labelSelectorString(selector: K8sObject | undefined): string {
  const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector?.matchExpressions ?? []) {
    const op = String(e.operator);
    if (op === 'In' || op === 'NotIn') parts.push(`${e.key} ${op.toLowerCase()} (${(e.values ?? []).join(',')})`);
    else parts.push(op === 'Exists' ? e.key : `!${e.key}`);
  }
  return parts.sort().join(',');
}

/** Field selector over dotted paths (`metadata.name=web,status.phase!=Running`). */
export function parseFieldSelector(text: string | null | undefined): (object: K8sObject) => boolean {
  const terms = splitTopLevel(text ?? '').map((term) => {
    const m = /^([\w.-]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    return { path: m[1].split('.'), negate: m[2] === '!=', value: m[3] };
  });
  return (object) =>
    terms.every((t) => {
      const actual = t.path.reduce<any>((o, k) => (o == null ? undefined : o[k]), object);
      return (String(actual ?? '') === t.value) !== t.negate;
    });
}
