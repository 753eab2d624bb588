// Offline schema checks, hover text and key completion for Kubernetes objects (built-in kinds and KEDA, the
// custom resources whose CRDs are in the workspace, when the caller passes the workspace, and the bundled ones).
// Pure: no editor or LSP imports, so the CLI, the server and tests share it.
import type { Node as YamlNode } from 'yaml';
import { bundledCrdSchema } from './bundled-crds';
import { crdSchema } from './crd-schemas';
import { describe, kindSchema, deref, schemaAt, typeText, type Schema } from './schema-load';
import type { Workspace } from './workspace';
import { firstKeyRange, validateNode, type SchemaIssue } from './schema-validate';

export type { SchemaIssue };

/** Findings beyond this many per object add noise, not information. */
const MAX_ISSUES = 100;

/** Loads the bundled schemas now (the server calls this when idle after start-up, so no edit waits for it). */
export function preloadSchemas(): void {
  kindSchema('v1', 'Pod');
}

/** The root schema of a kind: a built-in one, else one a CRD of the workspace defines, else a bundled custom resource's. */
export function objectSchema(apiVersion: string, kind: string, workspace?: Workspace): Schema | undefined {
  return kindSchema(apiVersion, kind) ?? crdSchema(workspace, apiVersion, kind) ?? bundledCrdSchema(apiVersion, kind);
}

/** Where a kind's schema comes from (objectSchema's order), or undefined when none knows it. */
export function schemaSource(apiVersion: string, kind: string, workspace?: Workspace): 'built-in' | 'workspace' | 'bundled' | undefined {
  if (kindSchema(apiVersion, kind)) return 'built-in';
  if (crdSchema(workspace, apiVersion, kind)) return 'workspace';
  return bundledCrdSchema(apiVersion, kind) ? 'bundled' : undefined;
}

/** Known kinds, e.g. 'apps/v1/Deployment'. */
export function hasSchema(apiVersion: string, kind: string, workspace?: Workspace): boolean {
  return objectSchema(apiVersion, kind, workspace) !== undefined;
}

/** Validates one Kubernetes object (the document's root map, parsed by the `yaml` package with source ranges) */
export function validateObject(apiVersion: string, kind: string, root: YamlNode, workspace?: Workspace): SchemaIssue[] {
  const schema = objectSchema(apiVersion, kind, workspace);
  return schema ? validateWith(schema, root) : [];
}

/** Validates an object against a root schema (objectSchema's). */
export function validateWith(schema: Schema, root: YamlNode): SchemaIssue[] {
  if (!root) return [];
  const issues: SchemaIssue[] = [];
  try {
    validateNode(schema, root, firstKeyRange(root, [0, 0]), issues, MAX_ISSUES);
  } catch {
    // A malformed AST from a custom tag or a future yaml version must not take the linter down; keep what was found.
  }
  return issues;
}

/** Description and type text of the schema at a path, for hover; undefined when unknown. */
export function describePath(apiVersion: string, kind: string, path: (string | number)[], workspace?: Workspace): { description?: string; type: string } | undefined {
  const root = objectSchema(apiVersion, kind, workspace);
  const s = root && schemaAt(root, path);
  if (!s) return undefined;
  const description = describe(s);
  return description === undefined ? { type: typeText(s) } : { description, type: typeText(s) };
}

/** Keys allowed at a path (for completion): name, description, type, required. */
export function keysAt(apiVersion: string, kind: string, path: (string | number)[], workspace?: Workspace): { name: string; description?: string; type: string; required: boolean }[] {
  const root = objectSchema(apiVersion, kind, workspace);
  const s = root && schemaAt(root, path);
  const props = s && deref(s).properties;
  if (!s || !props) return [];
  const required = new Set(deref(s).required ?? []);
  return Object.entries(props).map(([name, p]) => {
    const description = describe(p);
    const key = { name, type: typeText(p), required: required.has(name) };
    return description === undefined ? key : { ...key, description };
  });
}
