// kustomization-invalid: listed files that do not exist, and patches that apply to nothing (the document under
// test is the kustomization, at /ws/app.yaml; the other files are the workspace under /ws).
import { kustomizationInvalid } from '../../../server/src/rules/k8s/kustomization-invalid';
import { ruleTable } from '../../helpers/ruleTable';

const K = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n';
const BASE = { 'base/kustomization.yaml': `${K}resources:\n  - deploy.yaml\n`, 'base/deploy.yaml': DEPLOY };
const SMP = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 3\n`;

ruleTable(kustomizationInvalid, [
  {
    name: 'a missing resource file',
    text: `${K}resources:\n  - deploy.yaml\n  - service.yaml\n`,
    files: { 'deploy.yaml': DEPLOY },
    expect: ['5:5-5:17'],
    messages: [/^resource "service.yaml" listed in resources does not exist/],
    noFix: true,
  },
  {
    name: 'a missing base folder, component and patch file',
    text: `${K}resources:\n  - ../missing-base\ncomponents:\n  - ../components/nope\npatches:\n  - path: replicas.yaml\n`,
    expect: ['4:5-4:20', '6:5-6:23', '8:11-8:24'],
    messages: [/resource "..\/missing-base"/, /component "..\/components\/nope" listed in components/, /patch "replicas.yaml" listed in patches/],
  },
  {
    name: 'patchesStrategicMerge to a file that is not there',
    text: `${K}resources:\n  - deploy.yaml\npatchesStrategicMerge:\n  - gone.yaml\n`,
    files: { 'deploy.yaml': DEPLOY },
    expect: ['6:5-6:14'],
  },
  { name: 'a base folder with its kustomization', text: `${K}resources:\n  - base\n`, files: BASE, expect: [] },
  { name: 'remote resources are not checked', text: `${K}resources:\n  - https://github.com/acme/app//deploy?ref=v1\n  - github.com/acme/app/base?ref=v1\n`, expect: [] },
  {
    name: 'a patch target that matches no resource is skipped by kustomize',
    text: `${K}resources:\n  - base\npatches:\n  - target:\n      kind: Deployment\n      name: api\n    patch: |-\n      - op: replace\n        path: /spec/replicas\n        value: 3\n`,
    files: BASE,
    expect: ['8:13-8:16'],
    messages: [/^The patch target Deployment api matches no object/],
  },
  { name: 'a target that matches (name as a regex)', text: `${K}resources:\n  - base\npatches:\n  - target:\n      kind: Deployment\n      name: w.*\n    patch: '[]'\n`, files: BASE, expect: [] },
  { name: 'a target of another kind', text: `${K}resources:\n  - base\npatches:\n  - target:\n      kind: StatefulSet\n    patch: '[]'\n`, files: BASE, expect: ['7:13-7:24'] },
  {
    name: 'a strategic-merge patch for an object no resource defines',
    text: `${K}resources:\n  - base\npatches:\n  - path: replicas.yaml\n`,
    files: { ...BASE, 'replicas.yaml': SMP('api') },
    expect: ['6:11-6:24'],
    messages: [/The patch replicas.yaml is for Deployment api, which no resource of the kustomization defines \(kubectl kustomize fails/],
  },
  { name: 'a strategic-merge patch for the base Deployment', text: `${K}resources:\n  - base\npatches:\n  - path: replicas.yaml\n`, files: { ...BASE, 'replicas.yaml': SMP('web') }, expect: [] },
  { name: 'targets are not checked when a resource is remote', text: `${K}resources:\n  - https://example.com/app.yaml\npatches:\n  - target:\n      kind: Deployment\n      name: api\n    patch: '[]'\n`, expect: [] },
  { name: 'not a kustomization', text: DEPLOY, expect: [] },
]);
