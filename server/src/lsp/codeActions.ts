// Code actions: each finding's fixes, "fix all of this rule", source.fixAll.stevedore, and ignore pragmas.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { collectFixes } from '../core/fixes';
import { rulesById } from '../core/registry';
import type { Finding, FixInput } from '../core/types';
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
  /** Extra refactorings offered at the range regardless of findings (e.g. convert to multi-stage). */
  refactors?: CodeAction[];
}

/** All code actions for a request. */
export function codeActions(params: CodeActionParams, env: CodeActionEnv): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: CodeAction[] = [];
  if (wants(FIX_ALL_KIND)) {
    const all = fixAll(env, env.findings, (fix) => fix.safe, 'Fix all auto-fixable Stevedore problems', FIX_ALL_KIND);
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
