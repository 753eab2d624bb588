// Code actions: each finding's fixes, "fix all of this rule", source.fixAll.stevedore, and ignore pragmas.
// A request costs about the same whatever the number of findings: "fix all" actions carry only `data` and get their
// edit in codeAction/resolve (or, for clients that cannot resolve, once per analysis, cached); a quick-fix request
// never re-analyzes the document.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TimeBudget } from '../core/engine';
import { collectFixes, fixUntilStable } from '../core/fixes';
import { ANALYSIS_INCOMPLETE } from '../core/incomplete';
import { rulesById } from '../rules';
import { eolOf } from '../core/text';
import type { Finding, FixInput, TextEdit } from '../core/types';
import { snippetAction } from './snippets';
import { fromDiagnostic, toDiagnostic, toWorkspaceEdit } from './convert';

export const FIX_ALL_KIND = 'source.fixAll.stevedore';

export interface CodeActionEnv {
  doc: TextDocument;
  input: FixInput;
  /** Current findings of the document (for "fix all"); the same array for as long as the analysis is current. */
  findings: Finding[];
  documentChanges: boolean;
  /** The client inserts snippet edits (command `stevedore.applySnippetEdit`): fixes with placeholders use it. */
  snippetEdits?: boolean;
  /**
   * Analyses a changed text of this document like the document itself (same path, settings, build context or
   * workspace), within `budget`: lets source.fixAll repeat until nothing changes, as `stevedore lint --fix` does.
   */
  relint?: (text: string, budget: TimeBudget) => { findings: Finding[]; input: FixInput };
  /**
   * Refactorings offered at the range regardless of findings (e.g. convert to multi-stage). One that a finding's fix
   * in the same request already offers (same title) is left out, so each appears once.
   */
  refactors?: CodeAction[];
  /** The client resolves code actions' edits (codeAction/resolve): "fix all" actions go out without their edit. */
  resolve?: boolean;
  /** When the request must be answered by; quick fixes beyond it are left out, "fix all" stops repeating. */
  budget: TimeBudget;
}

/**
 * What an action sent without its edit carries to codeAction/resolve: "fix all" (of one rule when `ruleId` and
 * `fixId` are set), one costly fix of `finding` (rewrites), or the multi-stage conversion refactoring.
 */
export interface LazyActionData {
  stevedoreLazy: 'fixAll' | 'fix' | 'multiStage';
  uri: string;
  version: number;
  ruleId?: string;
  fixId?: string;
  finding?: Finding;
}

export function isLazyActionData(data: unknown): data is LazyActionData {
  return typeof data === 'object' && data !== null && typeof (data as LazyActionData).stevedoreLazy === 'string';
}

/** An action whose edit codeAction/resolve computes. */
export function lazyAction(title: string, kind: string, doc: TextDocument, what: Omit<LazyActionData, 'uri' | 'version'>, diagnostics?: Diagnostic[]): CodeAction {
  const data: LazyActionData = { uri: doc.uri, version: doc.version, ...what };
  return { title, kind, ...(diagnostics ? { diagnostics } : {}), data };
}

/** "Fix all" results computed once per analysis (keyed by its findings array) for clients that cannot resolve. */
const computed = new WeakMap<Finding[], Map<string, Omit<CodeAction, 'title'> | null>>();

function once(env: CodeActionEnv, key: string, compute: () => Omit<CodeAction, 'title'> | undefined): Omit<CodeAction, 'title'> | undefined {
  let byKey = computed.get(env.findings);
  if (!byKey) computed.set(env.findings, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, compute() ?? null);
  return byKey.get(key) ?? undefined;
}

/** All code actions for a request. */
export function codeActions(params: CodeActionParams, env: CodeActionEnv): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: CodeAction[] = [];
  if (wants(FIX_ALL_KIND)) {
    // Asked for by kind (on save), the action comes complete; in a listing it is resolved when chosen.
    if (only || !env.resolve) {
      const all = once(env, FIX_ALL_KIND, () => fixAllRepeated(env));
      if (all) actions.push({ title: FIX_ALL_TITLE, ...all });
    } else if (env.findings.some((f) => rulesById.get(f.ruleId)?.fixes?.some((fix) => fix.safe))) {
      actions.push(lazyAction(FIX_ALL_TITLE, FIX_ALL_KIND, env.doc, { stevedoreLazy: 'fixAll' }));
    }
    if (only) return actions;
  }
  let perRule: Map<string, number> | undefined;
  const countOf = (ruleId: string) => {
    perRule ??= env.findings.reduce((m, f) => m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1), new Map<string, number>());
    return perRule.get(ruleId) ?? 0;
  };
  // Each rule's "fix all" and each line's "ignore" once, however many of the request's diagnostics share them.
  const fixAllListed = new Set<string>();
  const ignoreListed = new Set<string>();
  for (const d of params.context.diagnostics) {
    if (Date.now() >= env.budget.deadline) break;
    const finding = fromDiagnostic(d);
    const rule = finding && rulesById.get(finding.ruleId);
    if (!finding || !rule) continue;
    for (const fix of rule.fixes ?? []) {
      const kind = fix.kind === 'refactor.rewrite' ? CodeActionKind.RefactorRewrite : CodeActionKind.QuickFix;
      if (!wants(kind)) continue;
      // Rewrites of the whole file can cost seconds on a huge one: computed only when chosen.
      if (env.resolve && fix.kind === 'refactor.rewrite') {
        actions.push(lazyAction(fix.title(finding), kind, env.doc, { stevedoreLazy: 'fix', ruleId: rule.id, fixId: fix.id, finding }, [d]));
        continue;
      }
      const result = fix.apply(env.input, finding);
      const edit = result && toWorkspaceEdit(env.doc, result, env.documentChanges);
      if (!edit) continue;
      const action: CodeAction = { title: fix.title(finding), kind, diagnostics: [d], isPreferred: fix.preferred ?? false, edit };
      actions.push((env.snippetEdits && snippetAction(action, result, env.doc.uri, env.doc.version)) || action);
      // "Fix all of this rule" when the same rule has several findings.
      if (countOf(finding.ruleId) > 1 && !fixAllListed.has(`${rule.id}|${fix.id}`)) {
        fixAllListed.add(`${rule.id}|${fix.id}`);
        const all = fixAllOfRule(env, d, rule.id, fix.id, `${fix.title(finding)}: fix all ${rule.id} problems in this file`);
        if (all) actions.push(all);
      }
    }
    // The engine's own note is not tied to an instruction, so a pragma could not silence it (settings can).
    const ignoreKey = `${finding.ruleId}|${finding.range.start.line}`;
    if (wants(CodeActionKind.QuickFix) && finding.ruleId !== ANALYSIS_INCOMPLETE.id && !ignoreListed.has(ignoreKey)) {
      ignoreListed.add(ignoreKey);
      const ignore = ignoreAction(env, finding);
      if (ignore) actions.push({ ...ignore, diagnostics: [d] });
    }
  }
  const offered = new Set(actions.map((a) => a.title));
  for (const refactor of env.refactors ?? []) {
    if (wants(refactor.kind ?? CodeActionKind.RefactorRewrite) && !offered.has(refactor.title)) actions.push(refactor);
  }
  return actions;
}

const FIX_ALL_TITLE = 'Fix all auto-fixable Stevedore problems';

function fixAllOfRule(env: CodeActionEnv, d: Diagnostic, ruleId: string, fixId: string, title: string): CodeAction | undefined {
  if (env.resolve) return lazyAction(title, CodeActionKind.QuickFix, env.doc, { stevedoreLazy: 'fixAll', ruleId, fixId }, [d]);
  const all = once(env, `${ruleId}|${fixId}`, () => computeFixAllOfRule(env, ruleId, fixId));
  return all && all.diagnostics!.length > 1 ? { title, ...all } : undefined;
}

function computeFixAllOfRule(env: CodeActionEnv, ruleId: string, fixId: string): Omit<CodeAction, 'title'> | undefined {
  const same = env.findings.filter((f) => f.ruleId === ruleId);
  const { applied, edits, files } = collectFixes(env.input, same, rulesById, (f) => f.id === fixId);
  if (!applied.length) return undefined;
  const edit = toWorkspaceEdit(env.doc, { edits, files }, env.documentChanges);
  return edit ? { kind: CodeActionKind.QuickFix, diagnostics: applied.map((a) => toDiagnostic(a.finding)), edit } : undefined;
}

/** Fills in the edit of a "fix all" or rewrite action sent without one (codeAction/resolve). */
export function resolveLazyFix(action: CodeAction, data: LazyActionData, env: CodeActionEnv): CodeAction {
  if (data.stevedoreLazy === 'fix') {
    const fix = rulesById.get(data.ruleId ?? '')?.fixes?.find((f) => f.id === data.fixId);
    const result = fix && data.finding ? fix.apply(env.input, data.finding) : null;
    const edit = result && toWorkspaceEdit(env.doc, result, env.documentChanges);
    return edit ? { ...action, edit } : action;
  }
  const all = data.ruleId && data.fixId ? computeFixAllOfRule(env, data.ruleId, data.fixId) : fixAllRepeated(env);
  return all?.edit ? { ...action, edit: all.edit, diagnostics: all.diagnostics } : action;
}

/** source.fixAll: core's fixUntilStable within the request's budget; one edit covers what changed. */
function fixAllRepeated(env: CodeActionEnv): Omit<CodeAction, 'title'> | undefined {
  const original = env.input.text;
  const relint = env.relint;
  const { text, passes, files } = fixUntilStable(original, {
    rulesById,
    current: { findings: env.findings, input: env.input },
    analyze: relint && ((changed) => relint(changed, env.budget)),
    budget: env.budget,
  });
  const first = passes[0] ?? [];
  if (!first.length || (text === original && !files.length)) return undefined;
  const edits = text === original ? [] : [changedSpan(env.doc, original, text)];
  const edit = toWorkspaceEdit(env.doc, { edits, files }, env.documentChanges);
  return edit ? { kind: FIX_ALL_KIND, diagnostics: first.map((a) => toDiagnostic(a.finding)), edit } : undefined;
}

/** One edit turning `before` into `after`: the span between their common prefix and common suffix. */
function changedSpan(doc: TextDocument, before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a CRLF or a surrogate pair.
  while (start > 0 && (before[start - 1] === '\r' || /[\uD800-\uDBFF]/.test(before[start - 1]))) start--;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  for (; end > 0; end--) {
    const kept = before[before.length - end];
    if (!(kept === '\n' && before[before.length - end - 1] === '\r') && !/[\uDC00-\uDFFF]/.test(kept)) break;
  }
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}

/** Inserts `# stevedore ignore=<rule>` above the line the finding starts on (kept indented like it). */
function ignoreAction(env: CodeActionEnv, finding: Finding): CodeAction | undefined {
  const lineAt = (n: number) => lineOf(env.doc, n);
  let line = finding.range.start.line;
  // Continuation lines belong to the instruction that starts above them.
  while (line > 0 && /[\\`]\s*$/.test(lineAt(line - 1))) line--;
  const indent = /^\s*/.exec(lineAt(line))?.[0] ?? '';
  const eol = eolOf(env.input.text);
  const previous = lineAt(line - 1).trim();
  const m = /^#\s*stevedore\s+ignore=(.*)$/.exec(previous);
  const edit = m
    ? { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: lineAt(line - 1).length } }, newText: `${indent}# stevedore ignore=${m[1].trim()},${finding.ruleId}` }
    : { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# stevedore ignore=${finding.ruleId}${eol}` };
  const we = toWorkspaceEdit(env.doc, { edits: [edit] }, env.documentChanges);
  // In YAML the pragma covers the next key and its value; in a Dockerfile, the next instruction.
  const scope = env.input.workspace ? 'entry' : 'instruction';
  return we ? { title: `Ignore ${finding.ruleId} for this ${scope}`, kind: CodeActionKind.QuickFix, edit: we } : undefined;
}


/** Line `n` of a document without its line break ('' outside it): one line, not a split of the whole text. */
function lineOf(doc: TextDocument, n: number): string {
  if (n < 0 || n >= doc.lineCount) return '';
  return doc.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/(\r\n|\r|\n)$/, '');
}
