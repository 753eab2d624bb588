// The project's Kubernetes JSON schemas (schemas/kubernetes.json) as the server's type information: strategic merge
// patch metadata, OpenAPI documents and unknown-field detection all walk the same definitions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isObject, type K8sObject } from './util';

const SCHEMA_FILE = path.resolve(__dirname, '../../../schemas/kubernetes.json');

export interface PatchMeta {
  strategy: string; // "merge", "retainKeys", "merge,retainKeys"
  key?: string;
}

/** A resolved schema and the definition it came from (needed to look up patch metadata of its fields). */
export interface SchemaNode {
  def?: string;
  schema: Record<string, any>;
}

// The `patchStrategy`/`patchMergeKey` struct tags of k8s.io/api for the types this server serves.
const CONTAINER_META: Record<string, PatchMeta> = {
  env: { strategy: 'merge', key: 'name' },
  ports: { strategy: 'merge', key: 'containerPort' },
  volumeMounts: { strategy: 'merge', key: 'mountPath' },
  volumeDevices: { strategy: 'merge', key: 'devicePath' },
};
export const PATCH_META: Record<string, Record<string, PatchMeta>> = {
  'meta.v1.ObjectMeta': { finalizers: { strategy: 'merge' }, ownerReferences: { strategy: 'merge', key: 'uid' } },
  'core.v1.PodSpec': {
    containers: { strategy: 'merge', key: 'name' },
    initContainers: { strategy: 'merge', key: 'name' },
    ephemeralContainers: { strategy: 'merge', key: 'name' },
    volumes: { strategy: 'merge,retainKeys', key: 'name' },
    imagePullSecrets: { strategy: 'merge', key: 'name' },
    hostAliases: { strategy: 'merge', key: 'ip' },
    topologySpreadConstraints: { strategy: 'merge', key: 'topologyKey' },
    resourceClaims: { strategy: 'merge,retainKeys', key: 'name' },
    schedulingGates: { strategy: 'merge', key: 'name' },
  },
  'core.v1.Container': CONTAINER_META,
  'core.v1.EphemeralContainer': CONTAINER_META,
  'core.v1.PodStatus': { conditions: { strategy: 'merge', key: 'type' } },
  'core.v1.ServiceSpec': { ports: { strategy: 'merge', key: 'port' } },
  'apps.v1.DeploymentSpec': { strategy: { strategy: 'retainKeys' } },
  'apps.v1.DeploymentStatus': { conditions: { strategy: 'merge', key: 'type' } },
  'apps.v1.ReplicaSetStatus': { conditions: { strategy: 'merge', key: 'type' } },
};

export class SchemaIndex {
  constructor(readonly definitions: Record<string, Record<string, any>>) {}

  node(def: string): SchemaNode | undefined {
    const schema = this.definitions[def];
    return schema ? { def, schema } : undefined;
  }

  /** Follows a $ref (directly or as the first allOf entry). */
  resolve(schema: Record<string, any> | undefined): SchemaNode | undefined {
    if (!schema) return undefined;
    const ref: string | undefined = schema.$ref ?? schema.allOf?.[0]?.$ref;
    if (ref) return this.node(ref.replace('#/definitions/', ''));
    return { schema };
  }

  /** The schema of a field (or of a map value) and the field's patch metadata. */
  property(node: SchemaNode | undefined, key: string): { node?: SchemaNode; meta?: PatchMeta } {
    if (!node) return {};
    const prop = node.schema.properties?.[key];
    if (prop) return { node: this.resolve(prop), meta: node.def ? PATCH_META[node.def]?.[key] : undefined };
    if (isObject(node.schema.additionalProperties)) return { node: this.resolve(node.schema.additionalProperties) };
    return {};
  }

  items(node: SchemaNode | undefined): SchemaNode | undefined {
    return node && isObject(node.schema.items) ? this.resolve(node.schema.items) : undefined;
  }

  /**
   * Paths of fields the schema does not know, in the form of the API server's strict decoding errors. With `prune`
   * they are also deleted, as decoding into the Go types drops them on a real server.
   */
  unknownFields(def: string, object: K8sObject, prune = false): string[] {
    const out: string[] = [];
    const walk = (node: SchemaNode | undefined, value: unknown, at: string) => {
      if (!node || value === null || value === undefined) return;
      const s = node.schema;
      if (Array.isArray(value)) {
        const items = this.items(node);
        value.forEach((v, i) => walk(items, v, `${at}[${i}]`));
        return;
      }
      if (!isObject(value) || s['x-kubernetes-preserve-unknown-fields']) return;
      for (const [key, v] of Object.entries(value)) {
        const child = `${at ? `${at}.` : ''}${key}`;
        if (s.properties?.[key]) walk(this.resolve(s.properties[key]), v, child);
        else if (isObject(s.additionalProperties)) walk(this.resolve(s.additionalProperties), v, child);
        else if (s.properties && s.additionalProperties !== true) {
          out.push(child);
          if (prune) delete value[key];
        }
      }
    };
    walk(this.node(def), object, '');
    return out;
  }
}

let loaded: SchemaIndex | undefined;

/** The schema index, read once per process. */
export function schemas(): SchemaIndex {
  if (!loaded) loaded = new SchemaIndex(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')).definitions);
  return loaded;
}
