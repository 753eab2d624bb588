// required-annotation-email (kube-linter:required-annotation-email, off by default): an object without an
// `email` annotation holding an email address.
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { missingMetadata } from '../../core/k8s/required-metadata';

/** kube-linter's default pattern for the annotation, matched against the whole value. */
const EMAIL = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$/;
const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\nANNOTATIONSdata:\n  mode: fast\n';

export const requiredAnnotationEmail: ManifestRule = {
  id: 'required-annotation-email',
  aliases: ['kube-linter:required-annotation-email'],
  severity: 'info',
  category: 'reliability',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'An object without an `email` annotation holding a valid email address.',
    why: "The annotation tells whoever finds the object in a cluster how to reach its owner. kube-linter ships this check for teams that make it a rule; a value that is not an address (a name, a placeholder) defeats it.",
    bad: CM.replace('ANNOTATIONS', '  annotations:\n    email: payments team\n'),
    good: CM.replace('ANNOTATIONS', '  annotations:\n    email: payments@example.com\n'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const missing = missingMetadata(file, obj, 'annotations', 'email', EMAIL);
      if (!missing) continue;
      const what = `${obj.kind} ${obj.name ?? '(unnamed)'}`;
      hits.push({
        message: missing.value === undefined
          ? `${what} has no email annotation; add annotations.email with the address of its owner.`
          : `The email annotation of ${what} is not an email address ("${missing.value}"); write the owner's address.`,
        range: missing.range,
      });
    }
    return hits;
  },
};
