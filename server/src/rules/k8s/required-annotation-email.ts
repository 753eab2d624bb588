// required-annotation-email (kube-linter:required-annotation-email, off by default): an object without an
// `email` annotation holding an email address.
import { isScalar } from 'yaml';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { mapAt, nodeAt, pairOf } from '../../core/k8s/object';
import { metadataAnchor } from '../../core/k8s/pod-spec';

/** kube-linter's default pattern for the annotation, matched against the whole value. */
const EMAIL = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$/;
const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\nANNOTATIONSdata:\n  mode: fast\n';

export const requiredAnnotationEmail: ManifestRule = {
  id: 'required-annotation-email',
  aliases: ['kube-linter:required-annotation-email'],
  severity: 'info',
  category: 'reliability',
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
      const email = nodeAt(obj.root, ['metadata', 'annotations', 'email']);
      const value = isScalar(email) && email.value !== null ? String(email.value) : undefined;
      if (value !== undefined && EMAIL.test(value)) continue;
      const metadata = mapAt(obj.root, ['metadata']);
      const annotations = metadata && pairOf(metadata, 'annotations');
      const what = `${obj.kind} ${obj.name ?? '(unnamed)'}`;
      hits.push({
        message: value === undefined
          ? `${what} has no email annotation; add annotations.email with the address of its owner.`
          : `The email annotation of ${what} is not an email address ("${value}"); write the owner's address.`,
        range: file.nodeRange(obj.doc, isScalar(email) ? email : (annotations?.key ?? metadataAnchor(obj))),
      });
    }
    return hits;
  },
};
