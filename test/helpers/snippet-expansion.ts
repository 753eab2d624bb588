// The snippets as a user gets them: the contributed snippets by prefix, `expand` to insert one the way VS Code does
// (defaults or typed values), and how the snippet tests judge what Stevedore's analyzers then report on it.
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core/types';
import { loadSnippets, prefixesOf, type SnippetDef } from '../../scripts/snippets-doc';
import { expandSnippet, type TabStopValues } from '../snippets/expand';

/** Every snippet of every contributed snippet file, with its file. */
export const snippets = loadSnippets();
const byPrefix = new Map(snippets.map((s) => [prefixesOf(s.snippet)[0], s.snippet]));
const snippet = (prefix: string): SnippetDef => byPrefix.get(prefix) ?? assert.fail(`no snippet with prefix ${prefix}`);
/** The body of the snippet with this (first) prefix, as inserted with the defaults or the given tab-stop values. */
export const expand = (prefix: string, values: TabStopValues = {}) => expandSnippet(snippet(prefix).body, values);
/** One line per finding: severity, rule, line:column, message. */
export const fmt = (f: Finding) => `${f.severity} ${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`;
/** Findings that make an expanded snippet fail: errors and warnings. */
export const blocking = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

/**
 * Info-level findings accepted on the expanded snippets, with why. Anything else at info level fails the test too, so
 * a new rule that fires on a snippet gets a decision.
 */
export const ACCEPTED_INFO: Record<string, string> = {
  // The snippets are linted as one app that has every kind of Service next to one Ingress, which no real app
  // combines: the NodePort snippet (for test clusters) is then "behind an Ingress", as the rule rightly says.
  'nodeport-service': 'a NodePort Service next to an Ingress for the same app',
};
