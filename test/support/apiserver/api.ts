// API semantics on top of the store, shared by HTTP handlers, the controllers and the seed: defaulting, validation,
// status subresource rules, generation, optimistic concurrency, dry runs and strict field validation.
import { applyDefaults, validate } from './defaults';
import { alreadyExists, ApiError, badRequest, conflict, notFound, unsupportedMediaType } from './errors';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from './patch';
import { apiVersionOf, RESOURCES, findResource, type ResourceType } from './resources';
import { schemas } from './schema';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import type { Store } from './store';
import { clone, isObject, randomSuffix, semanticEqual, timestamp, type K8sObject } from './util';

export interface WriteOptions {
  dryRun?: boolean;
  /** "Strict" rejects unknown fields, "Warn" (the server default) reports them in `warnings`, "Ignore" drops them. */
  fieldValidation?: string;
  warnings?: string[];
  /** Writes through the status subresource: only status changes. */
  status?: boolean;
}

export const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];

const NAMESPACES = findResource('', 'v1', 'namespaces')!;
const SYSTEM_METADATA = ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'deletionTimestamp', 'selfLink', 'managedFields'];

/** Reads and writes objects the way the real API server does for the served types. */
export class ObjectApi {
  constructor(readonly store: Store) {}

  get(r: ResourceType, namespace: string | undefined, name: string): K8sObject {
    const found = this.store.get(r, namespace, name);
    if (!found) throw notFound(r, name);
    return clone(found);
  }

  list(r: ResourceType, namespace: string | undefined, labelSelector?: string | null, fieldSelector?: string | null): K8sObject[] {
    const labels = parseLabelSelector(labelSelector);
    const fields = parseFieldSelector(fieldSelector);
    return this.store.list(r, namespace).filter((o) => labels.matches(o.metadata.labels) && fields(o)).map((o) => clone(o));
  }

  create(r: ResourceType, namespace: string | undefined, body: unknown, opts: WriteOptions = {}): K8sObject {
    const obj = this.typed(r, body);
    const meta = obj.metadata;
    if (r.namespaced) {
      if (meta.namespace && meta.namespace !== namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      meta.namespace = namespace;
      if (!this.store.get(NAMESPACES, undefined, String(namespace))) throw notFound(NAMESPACES, String(namespace));
    } else delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
    this.checkFields(r, obj, opts);
    for (const key of SYSTEM_METADATA) delete meta[key];
    if (r.subresources.some((s) => s.name === 'status')) obj.status = r.kind === 'Pod' ? { phase: 'Pending', qosClass: 'BestEffort' } : {};
    if (r.generation) meta.generation = 1;
    applyDefaults(r, obj, true);
    validate(r, obj);
    if (this.store.get(r, meta.namespace, meta.name)) throw alreadyExists(r, meta.name);
    if (opts.dryRun) return { ...obj, metadata: { ...meta, creationTimestamp: timestamp(this.store.now()) } };
    return this.store.create(r, obj);
  }

  update(r: ResourceType, namespace: string | undefined, name: string, body: unknown, opts: WriteOptions = {}): K8sObject {
    const existing = this.get(r, namespace, name);
    const obj = this.typed(r, body);
    if (obj.metadata.name && obj.metadata.name !== name) throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== existing.metadata.resourceVersion) throw conflict(r, name);
    this.checkFields(r, obj, opts);
    return this.write(r, existing, obj, opts);
  }

  patch(r: ResourceType, namespace: string | undefined, name: string, contentType: string, patch: unknown, opts: WriteOptions = {}): K8sObject {
    const existing = this.get(r, namespace, name);
    const patched = this.applyPatch(r, existing, contentType, patch);
    if (patched.metadata?.resourceVersion && patched.metadata.resourceVersion !== existing.metadata.resourceVersion) throw conflict(r, name);
    if (!isObject(patched.metadata) || (patched.metadata.name ?? name) !== name) throw badRequest(`the name of the object (${patched.metadata?.name}) does not match the name on the URL (${name})`);
    this.checkFields(r, patched, opts);
    return this.write(r, existing, patched, opts);
  }

  /** Applies a patch document of one of PATCH_TYPES to a copy of `existing`. */
  applyPatch(r: ResourceType, existing: K8sObject, contentType: string, patch: unknown): K8sObject {
    switch (contentType) {
      case 'application/json-patch+json':
        return applyJsonPatch(existing, patch);
      case 'application/merge-patch+json':
        return applyMergePatch(existing, patch);
      case 'application/strategic-merge-patch+json':
        if (!r.builtin) throw unsupportedMediaType(PATCH_TYPES.filter((t) => !t.includes('strategic')));
        return applyStrategicMergePatch(existing, patch, r.schema);
      case 'application/apply-patch+yaml':
        // Server-side apply without field ownership: the applied configuration is merged like a strategic patch.
        return r.builtin ? applyStrategicMergePatch(existing, patch, r.schema) : applyMergePatch(existing, patch);
      default:
        throw unsupportedMediaType(r.builtin ? PATCH_TYPES : PATCH_TYPES.filter((t) => !t.includes('strategic')));
    }
  }

  delete(r: ResourceType, namespace: string | undefined, name: string, opts: { dryRun?: boolean; propagationPolicy?: string } = {}): K8sObject {
    const existing = this.get(r, namespace, name);
    if (opts.dryRun) return existing;
    if (opts.propagationPolicy === 'Orphan') this.orphanDependents(existing.metadata.uid);
    if (r === NAMESPACES) {
      for (const other of RESOURCES) if (other.namespaced) for (const o of this.store.list(other, name)) this.store.delete(other, name, o.metadata.name);
    }
    return this.store.delete(r, namespace, name)!;
  }

  /** Common tail of update and patch: keep system metadata and status rules, default, validate, store. */
  private write(r: ResourceType, existing: K8sObject, incoming: K8sObject, opts: WriteOptions): K8sObject {
    let obj: K8sObject;
    const hasStatus = r.subresources.some((s) => s.name === 'status');
    if (opts.status) {
      obj = clone(existing);
      obj.status = incoming.status;
    } else {
      obj = incoming;
      if (hasStatus) obj.status = existing.status;
    }
    obj.apiVersion = apiVersionOf(r);
    obj.kind = r.kind;
    for (const key of ['uid', 'creationTimestamp', 'generation', 'namespace', 'deletionTimestamp']) {
      if (existing.metadata[key] === undefined) delete obj.metadata[key];
      else obj.metadata[key] = existing.metadata[key];
    }
    obj.metadata.name = existing.metadata.name;
    obj.metadata.resourceVersion = existing.metadata.resourceVersion;
    applyDefaults(r, obj, false);
    validate(r, obj, existing);
    if (r.generation && !semanticEqual(existing.spec, obj.spec)) obj.metadata.generation = (existing.metadata.generation ?? 0) + 1;
    if (semanticEqual(existing, obj) || opts.dryRun) return obj;
    return this.store.update(r, obj);
  }

  private typed(r: ResourceType, body: unknown): K8sObject {
    if (!isObject(body)) throw badRequest('the body of the request must be a JSON object');
    const obj = clone(body);
    if (obj.apiVersion && obj.apiVersion !== apiVersionOf(r)) {
      throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersionOf(r)})`);
    }
    if (obj.kind && obj.kind !== r.kind) throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${r.kind})`);
    obj.apiVersion = apiVersionOf(r);
    obj.kind = r.kind;
    if (!isObject(obj.metadata)) obj.metadata = {};
    return obj;
  }

  /** fieldValidation: Strict rejects unknown fields; Warn (the default) and Ignore drop them, Warn with a warning. */
  private checkFields(r: ResourceType, obj: K8sObject, opts: WriteOptions): void {
    const mode = opts.fieldValidation ?? 'Warn';
    const unknown = schemas().unknownFields(r.schema, obj, mode !== 'Strict');
    if (!unknown.length || mode === 'Ignore') return;
    const messages = unknown.map((f) => `unknown field "${f}"`);
    if (mode === 'Strict') {
      throw new ApiError(400, 'BadRequest', `${r.kind} in version "${r.version}" cannot be handled as a ${r.kind}: strict decoding error: ${messages.join(', ')}`);
    }
    opts.warnings?.push(...messages);
  }

  private orphanDependents(uid: string): void {
    for (const r of RESOURCES) {
      for (const o of this.store.list(r)) {
        if (!(o.metadata.ownerReferences ?? []).some((ref: K8sObject) => ref.uid === uid)) continue;
        const copy = clone(o);
        copy.metadata.ownerReferences = copy.metadata.ownerReferences.filter((ref: K8sObject) => ref.uid !== uid);
        if (!copy.metadata.ownerReferences.length) delete copy.metadata.ownerReferences;
        this.store.update(r, copy);
      }
    }
  }
}
