// Schemas of custom resources from the CustomResourceDefinitions of the workspace: each served version's
// openAPIV3Schema, turned into the schema subset the validator, hover and completion read (schema-load.ts), so a
// custom resource is checked as soon as its CRD is in any workspace file.
import type { K8sObject } from './parse';
import { bundledCrdGroups } from './bundled-crds';
import { schemaFile, type Schema } from './schema-load';
import type { Workspace } from './workspace';
import { workspaceIndex } from './workspace-index';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_DEPTH = 64;
const OBJECT_META = '#/definitions/meta.v1.ObjectMeta';

/** One openAPIV3Schema node (structural schema) → the validator's subset. */
export function convertCrdSchema(js: unknown, depth = 0): Schema {
  if (!isObj(js) || depth > MAX_DEPTH) return {};
  const out: Schema = {};
  if (typeof js.description === 'string') out.description = js.description;
  if (js.nullable === true) out.nullable = true;
  if (js['x-kubernetes-int-or-string'] === true) {
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
    return out;
  }
  if (typeof js.type === 'string') out.type = js.type;
  if (Array.isArray(js.enum)) out.enum = js.enum.slice();
  if (typeof js.pattern === 'string') out.pattern = js.pattern;
  for (const key of ['minimum', 'maximum'] as const) if (typeof js[key] === 'number') out[key] = js[key] as number;
  for (const key of ['exclusiveMinimum', 'exclusiveMaximum'] as const) if (js[key] === true) out[key] = true;
  if (Array.isArray(js.required)) out.required = js.required.filter((r): r is string => typeof r === 'string');
  if (isObj(js.items)) out.items = convertCrdSchema(js.items, depth + 1);
  const open = js['x-kubernetes-preserve-unknown-fields'] === true || js['x-kubernetes-embedded-resource'] === true;
  if (isObj(js.properties)) {
    out.properties = {};
    for (const [name, p] of Object.entries(js.properties)) out.properties[name] = convertCrdSchema(p, depth + 1);
  }
  if (isObj(js.additionalProperties)) out.additionalProperties = convertCrdSchema(js.additionalProperties, depth + 1);
  else if (js.additionalProperties === false || (out.properties && js.additionalProperties === undefined && !open)) out.additionalProperties = false;
  return out;
}

/** The root schema of a custom resource: apiVersion, kind and metadata are the API server's, whatever the CRD says. */
export function crdRootSchema(openAPIV3Schema: unknown): Schema {
  const root = convertCrdSchema(openAPIV3Schema);
  const open = isObj(openAPIV3Schema) && openAPIV3Schema['x-kubernetes-preserve-unknown-fields'] === true;
  const properties: Record<string, Schema> = {
    apiVersion: { type: 'string', description: 'APIVersion defines the versioned schema of this representation of an object.' },
    kind: { type: 'string', description: 'Kind is a string value representing the REST resource this object represents.' },
    ...root.properties,
    metadata: { $ref: OBJECT_META },
  };
  const schema: Schema = { ...root, type: 'object', properties };
  if (!open && schema.additionalProperties === undefined) schema.additionalProperties = false;
  return schema;
}

/** Schemas of one CRD by apiVersion/kind ('cert-manager.io/v1/Certificate'). */
function crdKinds(crd: unknown): Map<string, Schema> {
  const out = new Map<string, Schema>();
  const spec = isObj(crd) && isObj(crd.spec) ? crd.spec : undefined;
  const group = spec?.group;
  const kind = isObj(spec?.names) ? spec.names.kind : undefined;
  if (typeof group !== 'string' || typeof kind !== 'string' || !group || !kind) return out;
  // apiextensions.k8s.io/v1beta1 kept one schema for all versions under spec.validation.
  const shared = isObj(spec!.validation) ? spec!.validation.openAPIV3Schema : undefined;
  const versions = Array.isArray(spec!.versions) ? spec!.versions : typeof spec!.version === 'string' ? [{ name: spec!.version }] : [];
  for (const v of versions) {
    if (!isObj(v) || typeof v.name !== 'string' || v.served === false) continue;
    const own = isObj(v.schema) ? v.schema.openAPIV3Schema : undefined;
    const schema = own ?? shared;
    // No schema at all: any content is accepted (preserve-unknown-fields at the root).
    out.set(`${group}/${v.name}/${kind}`, crdRootSchema(isObj(schema) ? schema : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }));
  }
  return out;
}

// Per CRD document tree: the parser hands out the same tree while the CRD's text is unchanged, so the converted
// schemas (and the validation cached against them) survive edits elsewhere.
const converted = new WeakMap<object, Map<string, Schema>>();

function kindsOf(obj: K8sObject): Map<string, Schema> {
  let kinds = converted.get(obj.root);
  if (!kinds) {
    kinds = obj.apiVersion.startsWith('apiextensions.k8s.io/') ? crdKinds(obj.root.toJSON()) : new Map<string, Schema>();
    converted.set(obj.root, kinds);
  }
  return kinds;
}

/** Every custom resource kind that the workspace's CRDs define, first definition wins. */
export function workspaceCrdSchemas(workspace: Workspace): ReadonlyMap<string, Schema> {
  const index = workspaceIndex(workspace);
  return index.memo('crd-schemas', 'all', () => {
    const all = new Map<string, Schema>();
    for (const crd of index.ofKind('CustomResourceDefinition')) {
      for (const [key, schema] of kindsOf(crd)) if (!all.has(key)) all.set(key, schema);
    }
    return all;
  });
}

/** The schema a workspace CRD gives to apiVersion/kind, if any. */
export function crdSchema(workspace: Workspace | undefined, apiVersion: string, kind: string): Schema | undefined {
  if (!workspace || typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  return workspaceCrdSchemas(workspace).get(`${apiVersion}/${kind}`);
}

// Configuration files of Kubernetes tools (apiVersion and kind, never applied to a cluster), and OpenShift's own APIs.
const TOOL_GROUPS = /(^|\.)config\.k8s\.io$|(^|\.)openshift\.io$|^(kind\.x-k8s\.io|kubeadm\.k8s\.io|audit\.k8s\.io|client\.authentication\.k8s\.io)$/;

let builtInGroups: Set<string> | undefined;

/** API groups of the bundled built-in kinds: a kind no schema knows there is misspelt or removed, not a custom resource. */
function isBuiltInGroup(group: string): boolean {
  if (!group.includes('.')) return true;
  if (!builtInGroups) {
    builtInGroups = new Set();
    for (const key of Object.keys(schemaFile()?.kinds ?? {})) {
      const parts = key.split('/');
      if (parts.length === 3 && parts[0].endsWith('.k8s.io')) builtInGroups.add(parts[0]);
    }
  }
  return builtInGroups.has(group);
}

/**
 * For an object whose kind no schema knows: which CustomResourceDefinition would define it, or undefined when
 * the kind is not a custom resource (a built-in group, a tool's configuration file).
 */
export function missingCrdMessage(apiVersion: string, kind: string, workspace: Workspace | undefined): string | undefined {
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  if (!kind || !version || isBuiltInGroup(group) || TOOL_GROUPS.test(group)) return undefined;
  const served = workspace ? [...workspaceCrdSchemas(workspace).keys()].filter((k) => k.startsWith(`${group}/`) && k.endsWith(`/${kind}`)) : [];
  if (served.length) {
    const versions = served.map((k) => k.slice(group.length + 1, -kind.length - 1)).join(', ');
    return `No schema for ${kind} ${apiVersion}: the workspace's CustomResourceDefinition for ${kind} (group ${group}) serves ${versions}, not ${version}.`;
  }
  // A bundled group without this version or kind: say what the bundle has, so a version typo is visible.
  const bundled = bundledCrdGroups().get(group);
  if (bundled) {
    const versions = bundled.kinds.filter((k) => k.endsWith(`/${kind}`)).map((k) => k.slice(0, -kind.length - 1));
    const has = versions.length ? `${kind} in ${versions.join(', ')}` : `no ${kind} (its kinds: ${[...new Set(bundled.kinds.map((k) => k.split('/')[1]))].slice(0, 8).join(', ')}${bundled.kinds.length > 8 ? ' …' : ''})`;
    return `No schema for ${kind} ${apiVersion}: the bundled ${group} schemas (${bundled.source.join(', ')}) have ${has}. Add the CustomResourceDefinition of your release to the workspace, or its file or folder to kubernetes.crds in .stevedore.yaml (setting stevedore.kubernetes.crds), to check it.`;
  }
  return `No schema for ${kind} ${apiVersion}, a custom resource: add the CustomResourceDefinition that defines it (spec.group: ${group}, spec.names.kind: ${kind}) to the workspace, or its file or folder to kubernetes.crds in .stevedore.yaml (setting stevedore.kubernetes.crds), to check it.`;
}
