// The three patch formats of PATCH requests: JSON patch (RFC 6902), JSON merge patch (RFC 7386) and Kubernetes
// strategic merge patch (merge lists by key, $patch / $retainKeys / $setElementOrder / $deleteFromPrimitiveList).
import { badRequest } from './errors';
import { schemas, type SchemaNode } from './schema';
import { clone, isObject, type K8sObject } from './util';

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`the server rejected our request due to an error in our request: invalid JSON pointer "${path}"`);
  return path.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: any, parts: string[], path: string): any {
  let cur = doc;
  for (const part of parts.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(part)] : cur?.[part];
    if (cur === undefined || cur === null || typeof cur !== 'object') throw badRequest(`the server rejected our request due to an error in our request: doc is missing path: "${path}"`);
  }
  return cur;
}

/** Applies an RFC 6902 JSON patch (add, remove, replace, move, copy, test). */
export function applyJsonPatch(document: K8sObject, operations: unknown): K8sObject {
  if (!Array.isArray(operations)) throw badRequest('the server rejected our request due to an error in our request: json patch is not an array');
  let doc: any = clone(document);
  const get = (path: string) => {
    const parts = pointer(path);
    return parts.reduce<any>((o, k) => (o === undefined || o === null ? undefined : Array.isArray(o) ? o[Number(k)] : o[k]), doc);
  };
  const remove = (path: string) => {
    const parts = pointer(path);
    const parent = parentOf(doc, parts, path);
    const last = parts[parts.length - 1];
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (last in parent) delete parent[last];
    else throw badRequest(`the server rejected our request due to an error in our request: Unable to remove nonexistent key: ${last}: missing value`);
  };
  const add = (path: string, value: unknown, replace: boolean) => {
    const parts = pointer(path);
    if (!parts.length) {
      doc = clone(value);
      return;
    }
    const parent = parentOf(doc, parts, path);
    const last = parts[parts.length - 1];
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (replace) parent[index] = clone(value);
      else parent.splice(index, 0, clone(value));
    } else {
      if (replace && !(last in parent)) throw badRequest(`the server rejected our request due to an error in our request: replace operation does not apply: doc is missing key: ${path}: missing value`);
      parent[last] = clone(value);
    }
  };
  for (const op of operations as any[]) {
    switch (op?.op) {
      case 'add':
        add(op.path, op.value, false);
        break;
      case 'replace':
        add(op.path, op.value, true);
        break;
      case 'remove':
        remove(op.path);
        break;
      case 'move': {
        const value = get(op.from);
        remove(op.from);
        add(op.path, value, false);
        break;
      }
      case 'copy':
        add(op.path, get(op.from), false);
        break;
      case 'test':
        if (JSON.stringify(get(op.path)) !== JSON.stringify(op.value)) throw badRequest(`the server rejected our request due to an error in our request: testing value ${op.path} failed: test failed`);
        break;
      default:
        throw badRequest(`the server rejected our request due to an error in our request: Unexpected kind: ${op?.op}`);
    }
  }
  return doc;
}

/** Applies an RFC 7386 JSON merge patch: objects merge, null deletes, everything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): any {
  if (!isObject(patch)) return clone(patch);
  const out: Record<string, any> = isObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}

/** Removes patch directives from a value that is taken over whole (a new list item, a replaced map). */
function stripDirectives(value: unknown): any {
  if (Array.isArray(value)) return value.filter((v) => !(isObject(v) && v.$patch)).map(stripDirectives);
  if (!isObject(value)) return value;
  const out: Record<string, any> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith('$')) continue;
    if (v !== null) out[key] = stripDirectives(v);
  }
  return out;
}

function mergeList(original: unknown, patch: any[], key: string | undefined, itemNode: SchemaNode | undefined): any[] {
  if (patch.some((item) => isObject(item) && item.$patch === 'replace')) return stripDirectives(patch);
  const out: any[] = Array.isArray(original) ? clone(original) : [];
  if (!key) {
    for (const item of patch) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(item))) out.push(clone(item));
    return out;
  }
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = out.findIndex((o) => isObject(o) && o[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) out.splice(index, 1);
    } else if (index >= 0) out[index] = mergeMap(out[index], item, itemNode);
    else out.push(mergeMap({}, item, itemNode));
  }
  return out;
}

function reorder(list: any[], order: any[], key: string | undefined): any[] {
  const id = (v: any) => JSON.stringify(key && isObject(v) ? v[key] : v);
  const rank = new Map(order.map((v, i) => [id(v), i]));
  return list
    .map((v, i) => ({ v, i, r: rank.get(id(v)) ?? order.length + i }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.v);
}

function mergeMap(original: unknown, patch: Record<string, any>, node: SchemaNode | undefined): any {
  if (patch.$patch === 'replace') return stripDirectives(patch);
  const out: Record<string, any> = isObject(original) ? clone(original) : {};
  const index = schemas();
  if (Array.isArray(patch.$retainKeys)) {
    for (const key of Object.keys(out)) if (!patch.$retainKeys.includes(key)) delete out[key];
  }
  const orders: Array<[string, any[]]> = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys') continue;
    if (key.startsWith('$setElementOrder/')) {
      orders.push([key.slice('$setElementOrder/'.length), value]);
      continue;
    }
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field])) out[field] = out[field].filter((v: unknown) => !(value as unknown[]).includes(v));
      continue;
    }
    if (value === null) {
      delete out[key];
      continue;
    }
    const { node: child, meta } = index.property(node, key);
    if (isObject(value)) {
      if (value.$patch === 'delete') delete out[key];
      else out[key] = mergeMap(out[key], value, child);
    } else if (Array.isArray(value)) {
      out[key] = meta?.strategy.split(',').includes('merge') ? mergeList(out[key], value, meta.key, index.items(child)) : stripDirectives(value);
    } else out[key] = value;
  }
  for (const [field, order] of orders) {
    if (Array.isArray(out[field])) out[field] = reorder(out[field], order, index.property(node, field).meta?.key);
  }
  return out;
}

/** Applies a strategic merge patch to an object of the given schema definition (e.g. "apps.v1.Deployment"). */
export function applyStrategicMergePatch(target: K8sObject, patch: unknown, def: string): K8sObject {
  if (!isObject(patch)) throw badRequest('the server rejected our request due to an error in our request: strategic merge patch is not an object');
  return mergeMap(target, patch, schemas().node(def));
}
