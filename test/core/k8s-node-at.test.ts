// core/k8s/object.ts reads maps by key with its own loop instead of yaml's YAMLMap.get (a profile showed the
// library's generic lookup as a third of the manifest rules' time): the same node as the library finds, on every
// map of a set of YAML shapes, for every key there and some that are not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, isSeq, parseAllDocuments, type Node } from 'yaml';
import { nodeAt } from '../../server/src/core/k8s/object';

const SHAPES = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web, "1": one, true: yes}}
spec:
  replicas: 3
  empty:
  nulled: null
  dup: first
  dup: second
  ? [complex, key]
  : value
  ? {map: key}
  : other
  "quoted key": q
  'single': s
  1: numeric
  template:
    spec:
      containers:
        - name: a
          image: nginx
        -
        - &anchor {name: b}
        - *anchor
---
plain: &p {x: 1}
merged:
  <<: *p
  y: 2
`;

describe('nodeAt against yaml\'s YAMLMap.get', () => {
  it('finds what the library finds, for every key of every map', () => {
    let compared = 0;
    const visit = (node: unknown) => {
      if (isMap(node)) {
        const keys = new Set<string>(['absent', '', '1', 'true', 'null']);
        for (const p of node.items) {
          const k = p.key as { value?: unknown } | null;
          if (k && typeof k.value === 'string') keys.add(k.value);
          visit(p.value);
        }
        for (const key of keys) {
          const found: unknown = node.get(key, true);
          const expected = (found as Node | null | undefined) ?? undefined;
          assert.equal(nodeAt(node, [key]), expected === null ? undefined : expected, `key ${JSON.stringify(key)}`);
          compared++;
        }
      } else if (isSeq(node)) {
        for (const item of node.items) visit(item);
      }
    };
    for (const doc of parseAllDocuments(SHAPES, { uniqueKeys: false }) as Array<{ contents: unknown }>) visit(doc.contents);
    assert.ok(compared > 40, `compared ${compared}`);
  });
});
