// In-memory object storage: one global resourceVersion counter, an event history for watches, and listeners.
import { randomUUID } from 'node:crypto';
import type { ResourceType } from './resources';
import { clone, timestamp, type K8sObject } from './util';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  rv: number;
  type: EventType;
  resource: ResourceType;
  object: K8sObject;
  /** The object before a MODIFIED event, so a watch with a selector can turn it into ADDED or DELETED. */
  previous?: K8sObject;
}

const HISTORY_LIMIT = 20000;

const keyOf = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`;

/** Storage without API semantics; ObjectApi (api.ts) validates and defaults before writing here. */
export class Store {
  private rv = 1000;
  private readonly objects = new Map<ResourceType, Map<string, K8sObject>>();
  private readonly uids = new Set<string>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  /** Clock offset in ms; the seed moves it into the past so seeded objects have an age. */
  clockOffset = 0;

  now(): Date {
    return new Date(Date.now() + this.clockOffset);
  }

  currentResourceVersion(): string {
    return String(this.rv);
  }

  get(r: ResourceType, namespace: string | undefined, name: string): K8sObject | undefined {
    return this.objects.get(r)?.get(keyOf(namespace, name));
  }

  /** Stored objects (not copies) of a type, optionally in one namespace, sorted by namespace and name. */
  list(r: ResourceType, namespace?: string): K8sObject[] {
    const all = [...(this.objects.get(r)?.values() ?? [])];
    const items = namespace ? all.filter((o) => o.metadata.namespace === namespace) : all;
    return items.sort((a, b) => keyOf(a.metadata.namespace, a.metadata.name).localeCompare(keyOf(b.metadata.namespace, b.metadata.name)));
  }

  hasUid(uid: string): boolean {
    return this.uids.has(uid);
  }

  /** Stores a new object: uid, creationTimestamp and resourceVersion are set here. */
  create(r: ResourceType, object: K8sObject): K8sObject {
    const stored = clone(object);
    stored.metadata.uid = randomUUID();
    stored.metadata.creationTimestamp = timestamp(this.now());
    stored.metadata.resourceVersion = String(++this.rv);
    this.bucket(r).set(keyOf(stored.metadata.namespace, stored.metadata.name), stored);
    this.uids.add(stored.metadata.uid);
    this.emit({ rv: this.rv, type: 'ADDED', resource: r, object: stored });
    return clone(stored);
  }

  /** Replaces an existing object and bumps its resourceVersion. */
  update(r: ResourceType, object: K8sObject): K8sObject {
    const key = keyOf(object.metadata.namespace, object.metadata.name);
    const previous = this.bucket(r).get(key);
    const stored = clone(object);
    stored.metadata.resourceVersion = String(++this.rv);
    this.bucket(r).set(key, stored);
    this.emit({ rv: this.rv, type: 'MODIFIED', resource: r, object: stored, previous });
    return clone(stored);
  }

  delete(r: ResourceType, namespace: string | undefined, name: string): K8sObject | undefined {
    const key = keyOf(namespace, name);
    const existing = this.bucket(r).get(key);
    if (!existing) return undefined;
    this.bucket(r).delete(key);
    this.uids.delete(existing.metadata.uid);
    const last = clone(existing);
    last.metadata.resourceVersion = String(++this.rv);
    this.emit({ rv: this.rv, type: 'DELETED', resource: r, object: last });
    return clone(last);
  }

  /** Events after a resourceVersion, or undefined when the history no longer reaches back that far. */
  eventsSince(rv: number): StoreEvent[] | undefined {
    if (rv >= this.rv) return [];
    const first = this.history[0];
    if (!first || first.rv > rv + 1) return undefined;
    return this.history.filter((e) => e.rv > rv);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private bucket(r: ResourceType): Map<string, K8sObject> {
    let map = this.objects.get(r);
    if (!map) this.objects.set(r, (map = new Map()));
    return map;
  }

  private emit(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    for (const listener of [...this.listeners]) listener(event);
  }
}
