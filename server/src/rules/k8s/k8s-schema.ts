import * as path from 'node:path';
import type { K8sObject } from '../../core/k8s/parse';
import { missingCrdMessage } from '../../core/k8s/crd-schemas';
import { nodeAt, scalarAt, seqAt } from '../../core/k8s/object';
import { objectSchema, schemaSource, validateWith, type SchemaIssue } from '../../core/k8s/schema';
import type { Schema } from '../../core/k8s/schema-load';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { workspaceIndex, type WorkspaceIndex } from '../../core/k8s/workspace-index';

/** Files a kustomization.yaml in the same folder lists as patches: partial objects, so required keys may be absent. */
function patchFiles(index: WorkspaceIndex, dir: string): Set<string> {
  return index.memo('k8s-schema', dir, () => readPatchFiles(index, dir));
}

function readPatchFiles(index: WorkspaceIndex, dir: string): Set<string> {
  const out = new Set<string>();
  for (const k of index.ofKind('Kustomization')) {
    if (!k.file.path || path.dirname(k.file.path) !== dir) continue;
    const add = (p: unknown) => typeof p === 'string' && out.add(path.resolve(dir, p));
    for (const item of seqAt(k.root, ['patchesStrategicMerge'])) add(scalarAt(item, []));
    for (const field of ['patches', 'patchesJson6902']) for (const item of seqAt(k.root, [field])) add(scalarAt(item, ['path']));
  }
  return out;
}

// The issues of each document tree. The parser hands out the same tree for a document whose text did not change
// (parse.ts) and trees are only read, so after an edit only the edited documents are validated again; issue
// offsets are relative to the document, so they stay right when the document moves in its file. The schema is part
// of the key: a workspace CRD's schema is a new object whenever the CRD's text changes.
const validated = new WeakMap<object, { schema: Schema; issues: SchemaIssue[] }>();

function issuesOf(obj: K8sObject, schema: Schema): SchemaIssue[] {
  const hit = validated.get(obj.root);
  if (hit && hit.schema === schema) return hit.issues;
  const issues = validateWith(schema, obj.root);
  validated.set(obj.root, { schema, issues });
  return issues;
}

function isPatch(obj: K8sObject, index: WorkspaceIndex): boolean {
  const file = obj.file.path;
  return !!file && patchFiles(index, path.dirname(file)).has(file);
}

export const k8sSchema: ManifestRule = {
  id: 'k8s-schema',
  aliases: ['kubeconform'],
  severity: 'error',
  severityNote: 'information for a custom resource whose CustomResourceDefinition is not in the workspace; warning for a field the bundled schema of a custom resource does not know (a newer operator release may have added it)',
  category: 'correctness',
  docs: {
    summary: 'A field the Kubernetes API does not accept: unknown key, wrong type, value outside the allowed set, missing required key.',
    why: 'The API server rejects the whole object (or, for unknown fields with client-side apply, silently drops them, so a misspelt `containerport` never takes effect). Checked offline against the bundled schemas of every built-in kind and KEDA, and against the CustomResourceDefinitions in the workspace (or in the files and folders of `kubernetes.crds`) for custom resources (a custom resource whose CRD is nowhere gets one information finding naming the CRD that would define it).',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "3"\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          imagePullPolicy: Sometimes\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          imagePullPolicy: IfNotPresent\n',
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const index = workspaceIndex(workspace);
    for (const obj of file.objects) {
      const schema = objectSchema(obj.apiVersion, obj.kind, workspace);
      if (!schema) {
        // A custom resource without its CRD: say what would define it, once, at information level.
        const message = missingCrdMessage(obj.apiVersion, obj.kind, workspace);
        const kindNode = message && nodeAt(obj.root, ['kind']);
        if (message && kindNode) hits.push({ message, range: file.nodeRange(obj.doc, kindNode), severity: 'info', data: { code: 'missing-crd' } });
        continue;
      }
      const patch = isPatch(obj, index);
      let bundled: boolean | undefined;
      for (const issue of issuesOf(obj, schema)) {
        if (patch && issue.code === 'required') continue;
        const range = file.rangeOf(obj.doc.start + issue.start, obj.doc.start + issue.end);
        // A copy: the cached issue outlives this analysis and its findings.
        const data = { path: issue.path.slice(), code: issue.code };
        // The bundled schemas are of one operator release: a field it lacks (and that is no near miss of one it
        // knows) may be a newer release's.
        if (issue.code === 'unknown-field' && !issue.suggestion && (bundled ??= schemaSource(obj.apiVersion, obj.kind, workspace) === 'bundled')) {
          hits.push({ message: `${issue.message} (checked against the bundled ${obj.apiVersion.split('/')[0]} schema; if your operator's release added this field, add its CustomResourceDefinition to the workspace or stevedore.kubernetes.crds)`, range, data, severity: 'warning' });
          continue;
        }
        hits.push({ message: issue.message, range, data });
      }
    }
    return hits;
  },
};
