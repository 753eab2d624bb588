import type { K8sObject, ManifestFile } from '../../core/k8s/parse';
import { relocate } from '../../core/k8s/relocate';
import type { ManifestRule } from '../../core/rule';
import type { Finding, Fix, FixInput, RuleHit, TextEdit } from '../../core/types';
import { flowcontrolEdits, hpaEdits, ingressEdits, renameApiVersion, workloadEdits } from '../../core/k8s/api-migrations';

/**
 * How a migration is applied. `rename`: the replacement has the same schema and defaults, so only apiVersion
 * changes (safe unattended). `review`: a plain rename whose meaning differs in edge cases — policy/v1 PDBs treat an
 * empty selector as "all pods" (v1beta1: none); flowcontrol v1 treats nominalConcurrencyShares 0 as zero (v1beta3:
 * the default). `none`: the new schema is restructured beyond a mechanical edit (CRD, webhooks, CSR, Event).
 */
type Family = 'ingress' | 'hpa' | 'workload' | 'rename' | 'review' | 'flowcontrol' | 'none';

interface Migration {
  from: string;
  kinds: string[];
  deprecated: string;
  removed: string;
  /** Replacements, newest first, each with the Kubernetes version that first serves it. */
  to: Array<[string, string]>;
  family: Family;
  note?: string;
}

const m = (from: string, kinds: string, deprecated: string, removed: string, to: string, family: Family, note?: string): Migration => ({
  from, kinds: kinds.split(' '), deprecated, removed, family, note,
  to: to ? to.split(' ').map((t) => t.split('@') as [string, string]) : [],
});
const WORKLOADS = 'Deployment DaemonSet ReplicaSet StatefulSet';
const PSP_NOTE = 'PodSecurityPolicy has no replacement: enforce Pod Security Admission (pod-security.kubernetes.io labels on the namespace) or a policy engine instead';
const FC = 'FlowSchema PriorityLevelConfiguration';
const FC_GROUP = 'flowcontrol.apiserver.k8s.io';

const MIGRATIONS: Migration[] = [
  m('extensions/v1beta1', WORKLOADS, '1.9', '1.16', 'apps/v1@1.9', 'workload'),
  m('apps/v1beta1', WORKLOADS, '1.9', '1.16', 'apps/v1@1.9', 'workload'),
  m('apps/v1beta2', WORKLOADS, '1.9', '1.16', 'apps/v1@1.9', 'workload'),
  m('extensions/v1beta1', 'Ingress', '1.14', '1.22', 'networking.k8s.io/v1@1.19 networking.k8s.io/v1beta1@1.14', 'ingress'),
  m('networking.k8s.io/v1beta1', 'Ingress', '1.19', '1.22', 'networking.k8s.io/v1@1.19', 'ingress'),
  m('networking.k8s.io/v1beta1', 'IngressClass', '1.19', '1.22', 'networking.k8s.io/v1@1.19', 'rename'),
  m('extensions/v1beta1', 'NetworkPolicy', '1.9', '1.16', 'networking.k8s.io/v1@1.7', 'rename'),
  m('extensions/v1beta1', 'PodSecurityPolicy', '1.10', '1.16', 'policy/v1beta1@1.10', 'rename', PSP_NOTE),
  m('policy/v1beta1', 'PodSecurityPolicy', '1.21', '1.25', '', 'none', PSP_NOTE),
  m('policy/v1beta1', 'PodDisruptionBudget', '1.21', '1.25', 'policy/v1@1.21', 'review'),
  m('autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.22', '1.25', 'autoscaling/v2@1.23 autoscaling/v2beta2@1.12', 'hpa'),
  m('autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.23', '1.26', 'autoscaling/v2@1.23', 'rename'),
  m('batch/v1beta1', 'CronJob', '1.21', '1.25', 'batch/v1@1.21', 'rename'),
  m('rbac.authorization.k8s.io/v1beta1', 'Role ClusterRole RoleBinding ClusterRoleBinding', '1.17', '1.22', 'rbac.authorization.k8s.io/v1@1.8', 'rename'),
  m('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', '1.16', '1.22', 'apiextensions.k8s.io/v1@1.16', 'none'),
  m('admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration ValidatingWebhookConfiguration', '1.16', '1.22', 'admissionregistration.k8s.io/v1@1.16', 'none'),
  m('apiregistration.k8s.io/v1beta1', 'APIService', '1.19', '1.22', 'apiregistration.k8s.io/v1@1.10', 'rename'),
  m('storage.k8s.io/v1beta1', 'CSIDriver StorageClass VolumeAttachment', '1.19', '1.22', 'storage.k8s.io/v1@1.18', 'rename'),
  m('storage.k8s.io/v1beta1', 'CSINode', '1.17', '1.22', 'storage.k8s.io/v1@1.17', 'rename'),
  m('storage.k8s.io/v1beta1', 'CSIStorageCapacity', '1.24', '1.27', 'storage.k8s.io/v1@1.24', 'rename'),
  m('discovery.k8s.io/v1beta1', 'EndpointSlice', '1.21', '1.25', 'discovery.k8s.io/v1@1.21', 'rename'),
  m('events.k8s.io/v1beta1', 'Event', '1.19', '1.25', 'events.k8s.io/v1@1.19', 'none'),
  m('node.k8s.io/v1beta1', 'RuntimeClass', '1.22', '1.25', 'node.k8s.io/v1@1.20', 'rename'),
  m(`${FC_GROUP}/v1beta1`, FC, '1.23', '1.26', `${FC_GROUP}/v1@1.29 ${FC_GROUP}/v1beta3@1.26 ${FC_GROUP}/v1beta2@1.23`, 'flowcontrol'),
  m(`${FC_GROUP}/v1beta2`, FC, '1.26', '1.29', `${FC_GROUP}/v1@1.29 ${FC_GROUP}/v1beta3@1.26`, 'flowcontrol'),
  m(`${FC_GROUP}/v1beta3`, FC, '1.29', '1.32', `${FC_GROUP}/v1@1.29`, 'flowcontrol'),
  m('certificates.k8s.io/v1beta1', 'CertificateSigningRequest', '1.19', '1.22', 'certificates.k8s.io/v1@1.19', 'none'),
  m('coordination.k8s.io/v1beta1', 'Lease', '1.14', '1.22', 'coordination.k8s.io/v1@1.14', 'rename'),
  m('scheduling.k8s.io/v1beta1', 'PriorityClass', '1.14', '1.22', 'scheduling.k8s.io/v1@1.14', 'rename'),
];

/** "1.31", "v1.31.2" → a comparable number; an unreadable version counts as the newest. */
function ver(s: string): number {
  const v = /^v?(\d+)\.(\d+)/.exec(s.trim());
  return v ? Number(v[1]) * 1000 + Number(v[2]) : Infinity;
}

function lookup(apiVersion: string, kind: string): Migration | undefined {
  return MIGRATIONS.find((x) => x.from === apiVersion && x.kinds.includes(kind));
}

/** The newest replacement the configured version serves (not itself removed there). */
function target(mig: Migration, kind: string, v: number): string | undefined {
  return mig.to.find(([api, since]) => {
    const gone = lookup(api, kind);
    return ver(since) <= v && !(gone && ver(gone.removed) <= v);
  })?.[0];
}

function advice(mig: Migration, to: string | undefined): string {
  if (to) return `use ${to}`;
  if (mig.note) return mig.note;
  const [next, since] = mig.to[0];
  return `move to ${next} once on Kubernetes ${since} or later`;
}

interface Data {
  doc: number;
  kind: string;
  from: string;
  to?: string;
  family: Family;
}

/** A fix for one family: finds the object again by document index and checks it still uses the old apiVersion. */
function migrationFix(id: string, safe: boolean, families: Family[], edits: (file: ManifestFile, obj: K8sObject, d: Required<Data>) => TextEdit[] | null): Fix {
  return {
    id,
    title: (f: Finding) => `Migrate to ${(f.data as unknown as Data).to}`,
    safe,
    preferred: true,
    apply(input: FixInput, finding: Finding) {
      const d = finding.data as unknown as Data | undefined;
      if (!d?.to || !families.includes(d.family)) return null;
      const found = relocate(input, finding);
      if (!found) return null;
      const { file, obj } = found;
      if (obj.apiVersion !== d.from || obj.kind !== d.kind) return null;
      const result = edits(file, obj, d as Required<Data>);
      return result ? { edits: result } : null;
    },
  };
}

const INGRESS = 'apiVersion: {api}\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - host: example.com\n      http:\n        paths:\n          - path: /\n{rest}';

export const deprecatedApi: ManifestRule = {
  id: 'deprecated-api',
  aliases: ['kube-linter:no-extensions-v1beta', 'pluto'],
  severity: 'error',
  severityNote: 'warning while the API is deprecated but not yet removed in the configured Kubernetes version',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'An apiVersion that is deprecated or removed in the configured Kubernetes version (`stevedore.kubernetes.version`).',
    why: 'The API server rejects objects whose apiVersion it no longer serves, so `kubectl apply` fails after a cluster upgrade (for example networking.k8s.io/v1beta1 Ingress since 1.22). Removed versions are errors; deprecated ones still served are warnings, so the migration can happen before the upgrade.',
    bad: INGRESS.replace('{api}', 'networking.k8s.io/v1beta1').replace('{rest}', '            backend:\n              serviceName: web\n              servicePort: 80\n'),
    good: INGRESS.replace('{api}', 'networking.k8s.io/v1').replace('{rest}', '            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n'),
  },
  check({ file, kubernetesVersion }) {
    const v = ver(kubernetesVersion);
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const mig = lookup(obj.apiVersion, obj.kind);
      if (!mig || v < ver(mig.deprecated)) continue;
      const to = target(mig, obj.kind, v);
      const removed = v >= ver(mig.removed);
      const when = removed ? `was removed in Kubernetes ${mig.removed}` : `is deprecated since Kubernetes ${mig.deprecated} and removed in ${mig.removed}`;
      const family: Family = mig.family === 'ingress' && to !== 'networking.k8s.io/v1' ? 'rename' : mig.family;
      const data: Data = { doc: obj.doc.index, kind: obj.kind, from: obj.apiVersion, family, ...(to && family !== 'none' ? { to } : {}) };
      hits.push({
        message: `${obj.kind} ${obj.name ?? '(unnamed)'} uses ${obj.apiVersion}, which ${when}; ${advice(mig, to)}.`,
        range: file.nodeRange(obj.doc, obj.root.get('apiVersion', true)!),
        severity: removed ? 'error' : 'warning',
        data: data as unknown as Record<string, unknown>,
      });
    }
    return hits;
  },
  fixes: [
    // Not safe: v1 requires pathType, and Prefix matching may differ from the controller's old default.
    migrationFix('migrate-ingress', false, ['ingress'], (file, obj, d) => ingressEdits(file, obj, d.to)),
    // Not safe: metric sources are restructured line by line; worth a look before applying.
    migrationFix('migrate-hpa', false, ['hpa'], (file, obj, d) => hpaEdits(file, obj, d.to)),
    // Not safe: apps/v1 changed defaults (DaemonSet/StatefulSet updateStrategy, revisionHistoryLimit, maxSurge).
    migrationFix('migrate-workload', false, ['workload'], (file, obj, d) => workloadEdits(file, obj, d.to)),
    migrationFix('migrate-api', true, ['rename'], (file, obj, d) => {
      // discovery.k8s.io/v1 dropped the per-endpoint `topology` map (nodeName/zone instead).
      if (obj.kind === 'EndpointSlice' && /^[ \t]*(?:-[ \t]*)?topology:/m.test(file.text.slice(obj.doc.start, obj.doc.end))) return null;
      return [renameApiVersion(file, obj, d.to)];
    }),
    migrationFix('migrate-api-review', false, ['review', 'flowcontrol'], (file, obj, d) =>
      d.family === 'flowcontrol' ? flowcontrolEdits(file, obj, d.from, d.to) : [renameApiVersion(file, obj, d.to)],
    ),
  ],
};
