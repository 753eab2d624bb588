// Snippet edits: a fix's guessed values become tab stops in editors that can take them (our VS Code client says so
// in initializationOptions). LSP 3.17 has no snippet text edits, so such a fix travels as a command the client
// runs with `editor.insertSnippet`; the plain edit is sent along for when the document changed in between.
import type { CodeAction, Command } from 'vscode-languageserver/node';
import type { FixResult } from '../core/types';
import { APPLY_SNIPPET_EDIT_COMMAND, type SnippetEditArgs } from '../protocol';

/** Escapes text for a snippet body (`$`, `}` and `\` are special). */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * The snippet for `newText` where the first `key: value` line of each placeholder gets a tab stop around its value,
 * numbered in text order. Returns undefined when no placeholder is found.
 */
export function snippetOf(newText: string, placeholders: NonNullable<FixResult['placeholders']>): string | undefined {
  const spans: Array<{ start: number; end: number }> = [];
  for (const { key, value } of placeholders) {
    const re = new RegExp(`(^|[\\s{,])${escapeRe(key)}: (${escapeRe(value)})(?=\\s*(?:$|[\\r\\n,}]))`, 'm');
    const m = re.exec(newText);
    if (!m) continue;
    const start = m.index + m[0].length - m[2].length;
    if (!spans.some((s) => s.start === start)) spans.push({ start, end: start + m[2].length });
  }
  if (!spans.length) return undefined;
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  spans.forEach((s, i) => {
    out += escapeSnippet(newText.slice(at, s.start)) + `\${${i + 1}:${escapeSnippet(newText.slice(s.start, s.end))}}`;
    at = s.end;
  });
  return out + escapeSnippet(newText.slice(at));
}

/** Turns a one-edit fix with placeholders into a code action that inserts a snippet; undefined when it does not fit. */
export function snippetAction(action: CodeAction, result: FixResult, uri: string, version: number): CodeAction | undefined {
  if (!result.placeholders?.length || result.edits.length !== 1 || result.files?.length) return undefined;
  const edit = result.edits[0];
  const snippet = snippetOf(edit.newText, result.placeholders);
  if (!snippet) return undefined;
  const args: SnippetEditArgs = { uri, version, edit, snippet };
  const command: Command = { title: action.title, command: APPLY_SNIPPET_EDIT_COMMAND, arguments: [args] };
  const { edit: _plain, ...rest } = action;
  return { ...rest, command };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
