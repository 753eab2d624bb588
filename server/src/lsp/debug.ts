// `stevedore/memory`: the server's process.memoryUsage(), after a full garbage collection when node runs with
// --expose-gc, so tests can check that memory returns to its idle size after a long edit session.
import type { Connection } from 'vscode-languageserver/node';
import { parseCacheSize } from '../core/k8s/parse-cache';
import { MEMORY_REQUEST, type MemoryResponse } from '../protocol';

/** Answers `stevedore/memory` with heap numbers (bytes) and the manifest parse cache's size. */
export function registerMemoryRequest(connection: Connection): void {
  connection.onRequest(MEMORY_REQUEST, (): MemoryResponse => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    return { ...process.memoryUsage(), collected: !!gc, parseCache: parseCacheSize() };
  });
}
