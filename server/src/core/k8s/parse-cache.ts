// Parsed YAML documents reused across parses of the same file, so an edit re-parses only the documents it touched.
// Memory: a tree costs 15-20 times its text, and every keystroke makes a new text, so the cache never keeps old
// versions. Each owner (a file path; '' for text without one) keeps only the documents of its latest parse, which
// the open document or workspace file holds anyway; all owners together keep at most MAX_CACHED_CHARS of document
// text, least recently parsed owner dropped first (a closed or deleted file's trees go that way).
import type { Document } from 'yaml';
import { parseYamlDocument } from './yaml-parse';

/** Document text kept over all owners (about 100 MB of trees); the owner being parsed is kept whatever its size. */
export const MAX_CACHED_CHARS = 6_000_000;

interface OwnerParses {
  docs: Map<string, Document.Parsed>;
  chars: number;
}

/** Latest parse of each owner, least recently parsed first. */
const owners = new Map<string, OwnerParses>();
let cachedChars = 0;

/**
 * A copy of a document's text that does not share memory with the file text it was sliced from: V8 slices keep their
 * whole parent string alive, and a tree's scalars are slices of the text it was parsed from, so a tree reused over
 * many edits would otherwise keep one full file text per edit that re-parsed it.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The document parses of one file parse: reuses the owner's previous trees, then becomes the owner's entry. */
export class ParseSession {
  private readonly previous: Map<string, Document.Parsed> | undefined;
  private readonly docs = new Map<string, Document.Parsed>();
  private chars = 0;

  constructor(private readonly owner: string) {
    this.previous = owners.get(owner)?.docs;
  }

  /** The tree of one document's text; `slice` says the text is part of a larger file text. Trees are only read. */
  parse(text: string, slice: boolean): Document.Parsed {
    let doc = this.docs.get(text) ?? this.previous?.get(text);
    if (!doc) doc = parseYamlDocument(slice ? detached(text) : text);
    if (!this.docs.has(text)) {
      this.docs.set(text, doc);
      this.chars += text.length;
    }
    return doc;
  }

  /** Replaces the owner's entry with this parse's documents and trims the other owners to the bound. */
  commit(): void {
    forgetParses(this.owner);
    owners.set(this.owner, { docs: this.docs, chars: this.chars });
    cachedChars += this.chars;
    for (const [owner, entry] of owners) {
      if (cachedChars <= MAX_CACHED_CHARS || owner === this.owner) break;
      owners.delete(owner);
      cachedChars -= entry.chars;
    }
  }
}

/** Drops an owner's cached trees (a file that was closed or deleted). */
export function forgetParses(owner: string): void {
  const entry = owners.get(owner);
  if (!entry) return;
  owners.delete(owner);
  cachedChars -= entry.chars;
}

/** Owners and document text held, for tests and the server's memory report. */
export function parseCacheSize(): { owners: number; chars: number } {
  return { owners: owners.size, chars: cachedChars };
}
