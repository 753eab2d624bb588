// Wasted bytes of a built image, read from its `docker save` / `podman save` docker-archive stream (manifest.json and
// one tar per layer, plain or gzip, told apart by their first bytes) without extracting or buffering a layer: each
// layer tar is read header by header as it streams past, keeping per-path records (path, size) and its whiteouts.
// Once manifest.json gives the order (it comes last), the layers are stacked oldest first: bytes a later layer
// deletes (a `.wh.<name>` whiteout of the path or an ancestor, or a `.wh..wh..opq` opaque marker on an ancestor, as
// the OCI image spec defines them) or writes again are wasted. Directories, symlinks and hard links count 0 bytes.
import { createGunzip } from 'node:zlib';
import * as tar from 'tar-stream';

/** Bytes of one path that an image ships but its final filesystem does not hold. */
export interface WastedEntry {
  path: string;
  bytes: number;
  /** Index into manifest.json's Layers (oldest first) of the layer that wrote the bytes. */
  layer: number;
  /** The later layer that deleted or overwrote them. */
  removedBy: number;
  how: 'deleted' | 'overwritten';
}

/** What analyzeImageArchive found; efficiency is dive's figure, finalBytes / shippedBytes (1 for an empty image). */
export interface WastedReport {
  /** Per layer: bytes of file content and the number of non-directory entries (whiteouts left out). */
  layers: { index: number; bytes: number; files: number }[];
  /** Every wasted path with its bytes (0-byte ones left out), largest first. */
  wasted: WastedEntry[];
  wastedBytes: number;
  finalBytes: number;
  shippedBytes: number;
  efficiency: number;
}

/** Wasted entries of one layer, removing layer and kind under one path prefix (groupWasted's lines). */
export interface WastedGroup extends WastedEntry {
  files: number;
}

/** One layer's records: entries in tar order (size -1 for a directory) and its whiteouts, as absolute paths. */
interface LayerScan {
  paths: string[];
  sizes: number[];
  whiteouts: string[];
  opaque: string[];
}

const MAX_MANIFEST_BYTES = 16 << 20;
const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

/**
 * Reads a docker-archive tar stream (`docker save`, `podman save --format docker-archive`) and reports the bytes
 * that later layers delete or overwrite. Rejects when the stream is not such an archive, ends early, or is aborted.
 */
export async function analyzeImageArchive(archive: AsyncIterable<Uint8Array | string>, options: { signal?: AbortSignal } = {}): Promise<WastedReport> {
  const scans = new Map<string, LayerScan>();
  const links = new Map<string, string>();
  let manifest: unknown;
  const outer = tar.extract();
  const reading = async () => {
    for await (const entry of outer) {
      const key = archivePath(entry.header.name);
      const type = entry.header.type;
      if (type === 'symlink' && entry.header.linkname) links.set(key, joinArchivePath(key, entry.header.linkname));
      if (type === 'file' || type === 'contiguous-file') {
        if (key === 'manifest.json') manifest = JSON.parse((await readSmall(entry, MAX_MANIFEST_BYTES)).toString('utf8'));
        else {
          const scan = await scanLayer(entry);
          if (scan) scans.set(key, scan);
        }
      } else for await (const _ of entry) void _; // directories, config blobs: skipped
    }
  };
  const source = archive as Partial<Stoppable>;
  const streams: Stoppable[] = typeof source.destroy === 'function' ? [outer, source as Stoppable] : [outer];
  await together([pump(archive, outer), reading()], streams, options.signal);
  return stackLayers(manifestLayers(manifest).map((name) => {
    const scan = scans.get(links.get(name) ?? name);
    if (!scan) throw new Error(`the image archive has no readable layer tar ${name}`);
    return scan;
  }));
}

/** Sums wasted entries under their first `depth` path components (`/var/lib/apt/lists` at 4), per layer, largest first. */
export function groupWasted(entries: readonly WastedEntry[], depth: number): WastedGroup[] {
  const groups = new Map<string, WastedGroup>();
  for (const e of entries) {
    const path = '/' + e.path.split('/').filter(Boolean).slice(0, Math.max(1, depth)).join('/');
    const key = `${e.layer}\0${e.removedBy}\0${e.how}\0${path}`;
    const g = groups.get(key);
    if (g) {
      g.bytes += e.bytes;
      g.files++;
    } else groups.set(key, { ...e, path, files: 1 });
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
}

interface Node {
  layer: number;
  /** File bytes; -1 for a directory. */
  bytes: number;
  children?: Map<string, Node>;
}

/** Stacks the layers oldest first (a layer's whiteouts hide lower layers only) and collects what is lost. */
function stackLayers(layers: LayerScan[]): WastedReport {
  const root: Node = { layer: -1, bytes: -1, children: new Map() };
  const wasted: WastedEntry[] = [];
  let live = 0;
  const lose = (node: Node, path: string, removedBy: number, how: WastedEntry['how']) => {
    if (node.bytes > 0) {
      wasted.push({ path, bytes: node.bytes, layer: node.layer, removedBy, how });
      live -= node.bytes;
    }
    for (const [name, child] of node.children ?? []) lose(child, `${path}/${name}`, removedBy, how);
  };
  const report: WastedReport['layers'] = [];
  layers.forEach((scan, index) => {
    for (const path of scan.whiteouts) {
      const parts = split(path);
      const parent = find(root, parts.slice(0, -1));
      const node = parent?.children?.get(parts[parts.length - 1]);
      if (!node) continue;
      parent!.children!.delete(parts[parts.length - 1]);
      lose(node, path, index, 'deleted');
    }
    for (const path of scan.opaque) {
      const dir = find(root, split(path));
      for (const [name, child] of dir?.children ?? []) lose(child, `${path === '/' ? '' : path}/${name}`, index, 'deleted');
      dir?.children?.clear();
    }
    let [bytes, files] = [0, 0];
    scan.paths.forEach((path, i) => {
      const size = scan.sizes[i];
      if (size >= 0) [bytes, files] = [bytes + size, files + 1];
      const parts = split(path);
      let dir = root;
      for (let p = 0; p < parts.length; p++) {
        const last = p === parts.length - 1;
        dir.children ??= new Map();
        const old = dir.children.get(parts[p]);
        const prefix = '/' + parts.slice(0, p + 1).join('/');
        if (old && (old.bytes >= 0 || (last && size >= 0))) lose(old, prefix, index, 'overwritten');
        if (old && old.bytes < 0 && !(last && size >= 0)) {
          dir = old;
          continue;
        }
        const node: Node = { layer: index, bytes: last ? size : -1 };
        dir.children.set(parts[p], node);
        dir = node;
      }
      if (size > 0) live += size;
    });
    report.push({ index, bytes, files });
  });
  wasted.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
  const shippedBytes = report.reduce((sum, l) => sum + l.bytes, 0);
  return {
    layers: report,
    wasted,
    wastedBytes: wasted.reduce((sum, w) => sum + w.bytes, 0),
    finalBytes: live,
    shippedBytes,
    efficiency: shippedBytes ? live / shippedBytes : 1,
  };
}

function find(root: Node, parts: string[]): Node | undefined {
  return parts.reduce<Node | undefined>((node, part) => node?.children?.get(part), root);
}

function split(path: string): string[] {
  return path.split('/').filter((p) => p && p !== '.');
}

/** The Layers list of the archive's first image. */
function manifestLayers(manifest: unknown): string[] {
  if (manifest === undefined) throw new Error('not a docker-archive image: no manifest.json (save it with --format docker-archive)');
  const layers = Array.isArray(manifest) ? (manifest[0] as { Layers?: unknown } | undefined)?.Layers : undefined;
  if (!Array.isArray(layers) || layers.some((l) => typeof l !== 'string')) throw new Error('manifest.json has no Layers list');
  return layers.map((l: string) => archivePath(l));
}

/** Reads one layer tar entry header by header; undefined when the entry is not a tar (config JSON, repositories). */
async function scanLayer(entry: tar.Entry): Promise<LayerScan | undefined> {
  const chunks = entry[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let ended = false;
  while (head.length < 512 && !ended) {
    const r = await chunks.next();
    if (r.done) ended = true;
    else head = Buffer.concat([head, r.value]);
  }
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const plain = head.length >= 512 && (head.toString('latin1', 257, 262) === 'ustar' || head.subarray(0, 512).every((b) => b === 0));
  if (!gzip && !plain) {
    if (head.length >= 4 && head.readUInt32BE(0) === 0x28b52ffd) throw new Error(`layer ${entry.header.name} is zstd-compressed, which is not supported`);
    if (!ended) for (let r = await chunks.next(); !r.done; r = await chunks.next());
    return undefined;
  }
  async function* rest() {
    yield head;
    if (!ended) for (let r = await chunks.next(); !r.done; r = await chunks.next()) yield r.value;
  }
  const scan: LayerScan = { paths: [], sizes: [], whiteouts: [], opaque: [] };
  const inner = tar.extract();
  const reading = async () => {
    for await (const file of inner) {
      record(scan, file.header);
      file.resume();
    }
  };
  if (gzip) {
    const gunzip = createGunzip();
    await together([pump(rest(), gunzip), pump(gunzip, inner), reading()], [gunzip, inner]);
  } else await together([pump(rest(), inner), reading()], [inner]);
  return scan;
}

function record(scan: LayerScan, header: tar.Headers): void {
  const path = '/' + split(header.name).join('/');
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  const dir = path.slice(0, slash) || '/';
  if (base === OPAQUE) scan.opaque.push(dir);
  else if (base.startsWith(WHITEOUT + WHITEOUT)) return; // other .wh..wh. names are reserved by the spec
  else if (base.startsWith(WHITEOUT)) scan.whiteouts.push(`${dir === '/' ? '' : dir}/${base.slice(WHITEOUT.length)}`);
  else if (path !== '/') {
    scan.paths.push(path);
    const file = header.type === 'file' || header.type === 'contiguous-file';
    scan.sizes.push(header.type === 'directory' ? -1 : file ? (header.size ?? 0) : 0);
  }
}

/** A name inside the archive without `./` or a leading slash. */
function archivePath(name: string): string {
  return split(name).join('/');
}

/** Where a symlink at `from` pointing at `target` leads, inside the archive. */
function joinArchivePath(from: string, target: string): string {
  const parts = target.startsWith('/') ? [] : split(from).slice(0, -1);
  for (const part of split(target)) {
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

type Sink = NodeJS.WritableStream & { destroyed?: boolean };
type Stoppable = { destroy(error?: Error): unknown };

/** Copies src into dst with backpressure, then ends dst; stops early when dst is destroyed. */
async function pump(src: AsyncIterable<Uint8Array | string>, dst: Sink): Promise<void> {
  for await (const chunk of src) {
    if (dst.destroyed) return;
    if (!dst.write(chunk)) await drainOrClose(dst);
  }
  if (!dst.destroyed) dst.end();
}

/** Waits for all tasks; the first failure (or an abort) destroys the streams so the others end, then is thrown. */
async function together(tasks: Promise<void>[], streams: Stoppable[], signal?: AbortSignal): Promise<void> {
  let failure: unknown;
  const stop = (error: unknown) => {
    if (failure !== undefined) return;
    failure = error ?? new Error('failed');
    for (const s of streams) s.destroy(failure as Error);
  };
  const onAbort = () => stop(signal?.reason ?? new Error('cancelled'));
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort);
  try {
    await Promise.all(tasks.map((t) => t.catch(stop)));
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (failure !== undefined) throw failure;
}

async function readSmall(entry: tar.Entry, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of entry) {
    size += chunk.length;
    if (size > max) throw new Error(`${entry.header.name} is larger than ${max} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function drainOrClose(s: Sink): Promise<void> {
  return new Promise((resolve) => {
    const done = () => (s.removeListener('drain', done), s.removeListener('close', done), resolve());
    s.on('drain', done).on('close', done);
  });
}
