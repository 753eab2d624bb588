// Code actions: each finding's fixes, "fix all of this rule", source.fixAll.stevedore, and ignore pragmas.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, collectFixes } from '../core/fixes';
import { rulesById } from '../core/registry';
import type { Finding, FixInput, FixResult, TextEdit } from '../core/types';
import { snippetAction } from './snippets';
import { fromDiagnostic, toDiagnostic, toWorkspaceEdit } from './convert';

export const FIX_ALL_KIND = 'source.fixAll.stevedore';

export interface CodeActionEnv {
  doc: TextDocument;
  input: FixInput;
  /** Current findings of the document (for "fix all"). */
  findings: Finding[];
  documentChanges: boolean;
  /** The client inserts snippet edits (command `stevedore.applySnippetEdit`): fixes with placeholders use it. */
  snippetEdits?: boolean;
  /**
   * Analyses a changed text of this document like the document itself (same path, settings, build context or
   * workspace): lets "Fix all" repeat until nothing changes, as `stevedore lint --fix` does.
   */
  relint?: (text: string) => { findings: Finding[]; input: FixInput };
  /** Extra refactorings offered at the range regardless of findings (e.g. convert to multi-stage). */
  refactors?: CodeAction[];
}

/** All code actions for a request. */
export function codeActions(params: CodeActionParams, env: CodeActionEnv): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: CodeAction[] = [];
  if (wants(FIX_ALL_KIND)) {
    const all = fixAllRepeated(env);
    if (all) actions.push(all);
    if (only) return actions;
  }
  for (const d of params.context.diagnostics) {
    const finding = fromDiagnostic(d);
    const rule = finding && rulesById.get(finding.ruleId);
    if (!finding || !rule) continue;
    for (const fix of rule.fixes ?? []) {
      const kind = fix.kind === 'refactor.rewrite' ? CodeActionKind.RefactorRewrite : CodeActionKind.QuickFix;
      if (!wants(kind)) continue;
      const result = fix.apply(env.input, finding);
      const edit = result && toWorkspaceEdit(env.doc, result, env.documentChanges);
      if (!edit) continue;
      const action: CodeAction = { title: fix.title(finding), kind, diagnostics: [d], isPreferred: fix.preferred ?? false, edit };
      actions.push((env.snippetEdits && snippetAction(action, result, env.doc.uri, env.doc.version)) || action);
      // "Fix all of this rule" when the same fix applies to several findings.
      const same = env.findings.filter((f) => f.ruleId === finding.ruleId);
      if (same.length > 1) {
        const all = fixAll(env, same, (f) => f.id === fix.id, `${fix.title(finding)}: fix all ${rule.id} problems in this file`, CodeActionKind.QuickFix);
        if (all && all.diagnostics!.length > 1) actions.push(all);
      }
    }
    if (wants(CodeActionKind.QuickFix)) {
      const ignore = ignoreAction(env, finding);
      if (ignore) actions.push({ ...ignore, diagnostics: [d] });
    }
  }
  if (env.refactors) actions.push(...env.refactors.filter((a) => wants(a.kind ?? CodeActionKind.RefactorRewrite)));
  return dedupe(actions);
}

function fixAll(env: CodeActionEnv, findings: Finding[], choose: Parameters<typeof collectFixes>[3], title: string, kind: string): CodeAction | undefined {
  const { applied, edits, files } = collectFixes(env.input, findings, rulesById, choose);
  if (!applied.length) return undefined;
  const edit = toWorkspaceEdit(env.doc, { edits, files }, env.documentChanges);
  return edit ? { title, kind, diagnostics: applied.map((a) => toDiagnostic(a.finding)), edit } : undefined;
}

const MAX_PASSES = 10;

/**
 * source.fixAll: applies every safe fix, then analyses the result and applies what has become fixable (fixes that
 * overlapped, or findings a fix uncovered), until a pass changes nothing. One edit covers what changed.
 */
function fixAllRepeated(env: CodeActionEnv): CodeAction | undefined {
  const original = env.input.text;
  let text = original;
  let input = env.input;
  let findings = env.findings;
  let first: ReturnType<typeof collectFixes>['applied'] = [];
  const files: NonNullable<FixResult['files']> = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { applied, edits, files: more } = collectFixes(input, findings, rulesById, (fix) => fix.safe);
    if (!applied.length) break;
    if (pass === 0) first = applied;
    // Other files are not changed in memory between passes, so only a path's first change is kept.
    for (const f of more) if (!files.some((g) => g.path === f.path)) files.push(f);
    const next = applyEdits(text, edits);
    if (next === text || !env.relint) {
      text = next;
      break;
    }
    text = next;
    ({ findings, input } = env.relint(text));
  }
  if (!first.length || (text === original && !files.length)) return undefined;
  const edits = text === original ? [] : [changedSpan(env.doc, original, text)];
  const edit = toWorkspaceEdit(env.doc, { edits, files }, env.documentChanges);
  return edit ? { title: 'Fix all auto-fixable Stevedore problems', kind: FIX_ALL_KIND, diagnostics: first.map((a) => toDiagnostic(a.finding)), edit } : undefined;
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
  const lines = env.input.text.split(/\r?\n/);
  let line = finding.range.start.line;
  // Continuation lines belong to the instruction that starts above them.
  while (line > 0 && /[\\`]\s*$/.test(lines[line - 1] ?? '')) line--;
  const indent = /^\s*/.exec(lines[line] ?? '')?.[0] ?? '';
  const eol = env.input.text.includes('\r\n') ? '\r\n' : '\n';
  const previous = lines[line - 1]?.trim() ?? '';
  const m = /^#\s*stevedore\s+ignore=(.*)$/.exec(previous);
  const edit = m
    ? { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: lines[line - 1].length } }, newText: `${indent}# stevedore ignore=${m[1].trim()},${finding.ruleId}` }
    : { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# stevedore ignore=${finding.ruleId}${eol}` };
  const we = toWorkspaceEdit(env.doc, { edits: [edit] }, env.documentChanges);
  // In YAML the pragma covers the next key and its value; in a Dockerfile, the next instruction.
  const scope = env.input.workspace ? 'entry' : 'instruction';
  return we ? { title: `Ignore ${finding.ruleId} for this ${scope}`, kind: CodeActionKind.QuickFix, edit: we } : undefined;
}

function dedupe(actions: CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => {
    const key = `${a.kind}|${a.title}|${JSON.stringify(a.edit ?? a.command)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
