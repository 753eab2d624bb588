// `check`: validates a manifest against the offline Kubernetes schema and returns each finding's message with the
// source text it flags, so the schema tests read as the input next to the exact expected messages.
import assert from 'node:assert/strict';
import { parseDocument, type Node as YamlNode } from 'yaml';
import { hasSchema, validateObject } from '../../server/src/core/k8s/schema';

/** Validates the first document of `source` as its own apiVersion/kind; returns message and flagged source text. */
export function check(source: string): { message: string; text: string }[] {
  const doc = parseDocument(source);
  const root = doc.contents as YamlNode;
  const json = doc.toJS() as { apiVersion: string; kind: string };
  assert.ok(hasSchema(json.apiVersion, json.kind), `no schema for ${json.apiVersion}/${json.kind}`);
  return validateObject(json.apiVersion, json.kind, root).map((i) => ({ message: i.message, text: source.slice(i.start, i.end) }));
}
