import { isScalar, type Node } from 'yaml';
import { dns1123Label, generateNamePrefix, invalidValue, isTemplated, nameValidatorFor } from '../../core/k8s/api-validation';
import { nodeAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const invalidObjectName: ManifestRule = {
  id: 'invalid-object-name',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'metadata.name, generateName or namespace that the API server rejects.',
    why: 'The API server validates object names before anything else: most kinds need an RFC 1123 subdomain (lower case, digits, `-` and `.`), a Service a DNS-1035 label (it becomes a DNS name, so it must start with a letter, no dots), a Namespace and `metadata.namespace` an RFC 1123 label. `kubectl apply` fails with "Invalid value"; the schema cannot say this, so a schema-only check passes the file.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: 1st_api\nspec:\n  selector:\n    app: api\n  ports:\n    - port: 80\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: first-api\nspec:\n  selector:\n    app: api\n  ports:\n    - port: 80\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    const report = (obj: (typeof file.objects)[number], node: Node | undefined, path: string, errors: (v: string) => string[], shown?: (v: string) => string) => {
      if (!isScalar(node) || typeof node.value !== 'string' || isTemplated(node.value)) return;
      const value = node.value;
      const problems = errors(shown ? shown(value) : value);
      if (problems.length) hits.push({ message: invalidValue(path, value, problems.join('; ')), range: file.nodeRange(obj.doc, node) });
    };
    for (const obj of file.objects) {
      const { check } = nameValidatorFor(obj.kind);
      report(obj, nodeAt(obj.root, ['metadata', 'name']), 'metadata.name', check);
      report(obj, nodeAt(obj.root, ['metadata', 'generateName']), 'metadata.generateName', check, generateNamePrefix);
      report(obj, nodeAt(obj.root, ['metadata', 'namespace']), 'metadata.namespace', dns1123Label);
    }
    return hits;
  },
};
