// Small helpers shared by the test API server: copies, comparisons, hashes and Kubernetes-style names and times.
import { randomBytes } from 'node:crypto';

/** A Kubernetes object as JSON: everything is optional because the server also handles half-built input. */
export type K8sObject = Record<string, any>;

/** Deep copy of a JSON value. */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Canonical form for semantic comparison, like apimachinery's equality.Semantic: nulls, empty maps and empty lists
 * count as absent, and map keys are sorted.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.length ? value.map(canonical) : undefined;
  }
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical(value[key]);
      if (v !== undefined) out[key] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value === null ? undefined : value;
}

/** Semantic equality of two JSON values (see canonical). */
export function semanticEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** 32-bit FNV-1a, the hash the deployment controller uses for pod-template-hash. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

// k8s.io/apimachinery/pkg/util/rand: no vowels and no confusable characters, so names never spell words.
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: maps each character of a decimal string onto the safe alphabet. */
export function safeEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => ALPHANUMS[b % ALPHANUMS.length]).join('');
}

/** Random suffix as generateName and the ReplicaSet controller produce (5 characters of the safe alphabet). */
export function randomSuffix(length = 5): string {
  return [...randomBytes(length)].map((b) => ALPHANUMS[b % ALPHANUMS.length]).join('');
}

/** RFC 3339 timestamp in UTC without fractions, as metav1.Time serializes. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The age column of kubectl tables (k8s.io/apimachinery/pkg/util/duration.HumanDuration). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 ? `${minutes}m${seconds % 60}s` : `${minutes}m`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 ? `${hours}h${minutes % 60}m` : `${hours}h`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 ? `${Math.floor(hours / 24)}d${hours % 24}h` : `${hours / 24}d`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const years = Math.floor(hours / 24 / 365);
  const days = Math.floor(hours / 24) % 365;
  return hours < 24 * 365 * 8 && days ? `${years}y${days}d` : `${years}y`;
}

/** Parses a CPU quantity ("100m", "0.5", "2") into millicores; undefined when it is not one. */
export function milliCores(quantity: unknown): number | undefined {
  const text = String(quantity ?? '');
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(text);
  if (!m) return undefined;
  return m[2] ? Number(m[1]) : Number(m[1]) * 1000;
}
