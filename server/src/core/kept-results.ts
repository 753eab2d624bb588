// What the kept results of scoped rules share (k8s/object-results.ts: manifest rules per YAML document;
// dockerfile/instruction-results.ts: Dockerfile rules per instruction): one wrapper per rule, numbered, and per unit
// a record of which rules ran on it and the hits of those that hit.
import type { RuleHit } from './types';

/**
 * Which rules (by number) ran on one unit, and the hits of those that reported any. The rules that ran on every unit
 * of a file's first analysis are marked once, in the batch its new units share (`ran` is made when one is marked
 * alone): a first analysis is most of what a file opened and never edited costs.
 */
export interface RanRecord<K> {
  ran?: Uint8Array;
  batch?: RanBatch;
  hits?: Map<number, K>;
}

/** Rules that ran on every unit created with this batch. */
export interface RanBatch {
  ran: Uint8Array;
}

let ordinals = 0;

/** A batch for the units of one analysis that no rule has run on yet. */
export function newBatch(): RanBatch {
  return { ran: new Uint8Array(Math.max(64, ordinals)) };
}

/** A record of a unit no rule has run on yet, in `batch` when given. */
export function newRecord<K>(batch?: RanBatch): RanRecord<K> {
  return batch ? { batch } : {};
}

/** Whether rule `ordinal` ran on the unit. */
export function hasRun(record: RanRecord<unknown>, ordinal: number): boolean {
  return record.ran?.[ordinal] === 1 || record.batch?.ran[ordinal] === 1;
}

function marked(ran: Uint8Array | undefined, ordinal: number): Uint8Array {
  let out = ran ?? new Uint8Array(Math.max(64, ordinals));
  if (ordinal >= out.length) {
    const more = new Uint8Array(Math.max(ordinals, ordinal + 1, out.length * 2));
    more.set(out);
    out = more;
  }
  out[ordinal] = 1;
  return out;
}

/** Marks that rule `ordinal` ran on the unit; its earlier hits there are dropped (the caller sets the new ones). */
export function markRan<K>(record: RanRecord<K>, ordinal: number): void {
  record.ran = marked(record.ran, ordinal);
  record.hits?.delete(ordinal);
}

/** Marks that rule `ordinal` ran on every unit of the batch (which then have no hits of it but those the caller sets). */
export function markRanInBatch(batch: RanBatch, ordinal: number): void {
  batch.ran = marked(batch.ran, ordinal);
}

/**
 * The last of `count` units, in file order, whose first line is at or before `line` (`firstLine(k)` for the k-th),
 * or -1 when none is.
 */
export function lastStartingBy(count: number, firstLine: (k: number) => number, line: number): number {
  let lo = 0;
  let hi = count - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (firstLine(mid) <= line) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

/**
 * A rule's hits in unit order, as a run over the whole file gives them: the fresh ones by unit and the kept ones
 * (`kept(i)`, moved to where unit i is now); hits at one position keep the rule's order.
 */
export function inUnitOrder(found: Map<number, RuleHit[]>, keptUnits: number[], kept: (i: number) => RuleHit[]): RuleHit[] {
  const groups: Array<[number, RuleHit[]]> = [...found];
  for (const i of keptUnits) groups.push([i, kept(i)]);
  return groups.sort((a, b) => a[0] - b[0]).flatMap(([, hits]) => hits);
}

/**
 * Wraps the rules of `scope` with `checkKept` (given the rule's number); any other rule is returned as it is. One
 * wrapper per rule, so its kept results outlive the analysis.
 */
export function scopedWrapper<C, R extends { scope?: string; check(ctx: C): RuleHit[] }>(scope: string, checkKept: (rule: R, ordinal: number, ctx: C) => RuleHit[]): (rule: R) => R {
  const wrapped = new WeakMap<R, R>();
  return (rule) => {
    if (rule.scope !== scope) return rule;
    let wrapper = wrapped.get(rule);
    if (!wrapper) {
      const ordinal = ordinals++;
      wrapper = { ...rule, check: (ctx: C) => checkKept(rule, ordinal, ctx) };
      wrapped.set(rule, wrapper);
    }
    return wrapper;
  };
}
