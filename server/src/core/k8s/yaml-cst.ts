// yaml's CST parser without generators. yaml's Parser takes each lexeme through `next` → `step` → the handler of the
// node being built (blockMap, blockSequence, …), every one a generator: three or more generator objects and iterator
// results per lexeme, for a parser that emits a token only when a top-level document or comment is done. This is the
// same state machine (yaml 2.9's Parser, ISC licence) with the finished top-level tokens pushed onto one array.
// test/core/k8s-yaml-lex holds it to yaml's Parser, token tree for token tree, on the texts yaml-lex is tested on.
import { CST } from 'yaml';

/** A CST node while it is built (yaml's CST.Token union, loosened to the fields the parser reads and writes). */
interface Node {
  type: string;
  offset: number;
  indent?: number;
  source?: string;
  message?: string;
  start?: Node[] | Node;
  items?: Item[];
  end?: Node[];
  value?: Node;
  props?: Node[];
}

interface Item {
  start: Node[];
  key?: Node | null;
  sep?: Node[];
  value?: Node;
  explicitKey?: boolean;
}

const includesToken = (list: Node[], type: string) => list.some((t) => t.type === type);

/** The first token of `list` that is not space, comment or newline; -1 when there is none. */
function findNonEmptyIndex(list: Node[]): number {
  return list.findIndex((t) => t.type !== 'space' && t.type !== 'comment' && t.type !== 'newline');
}

function isFlowToken(token: Node | null | undefined): boolean {
  switch (token?.type) {
    case 'alias':
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'flow-collection':
      return true;
    default:
      return false;
  }
}

/** The props before the item being built in `parent`. */
function getPrevProps(parent: Node): Node[] {
  switch (parent.type) {
    case 'document':
      return parent.start as Node[];
    case 'block-map': {
      const it = parent.items![parent.items!.length - 1];
      return it.sep ?? it.start;
    }
    case 'block-seq':
      return parent.items![parent.items!.length - 1].start;
    default:
      return [];
  }
}

/** Takes the props of a key out of `prev`: everything after its last indicator or newline (and the spaces after it). */
function getFirstKeyStartProps(prev: Node[]): Node[] {
  if (prev.length === 0) return [];
  let i = prev.length;
  while (--i >= 0) {
    const type = prev[i].type;
    if (type === 'doc-start' || type === 'explicit-key-ind' || type === 'map-value-ind' || type === 'seq-item-ind' || type === 'newline') break;
  }
  while (prev[++i]?.type === 'space') {
    // skip
  }
  return prev.splice(i, prev.length);
}

function pushAll(target: Node[], source: Node[]): void {
  for (let i = 0; i < source.length; ++i) target.push(source[i]);
}

/** Items of a flow sequence written `[a: b]`-like without a value become values (as yaml does before composing). */
function fixFlowSeqItems(fc: Node): void {
  if ((fc.start as Node).type !== 'flow-seq-start') return;
  for (const it of fc.items!) {
    if (it.sep && !it.value && !includesToken(it.start, 'explicit-key-ind') && !includesToken(it.sep, 'map-value-ind')) {
      if (it.key) it.value = it.key;
      delete it.key;
      if (isFlowToken(it.value)) {
        if (it.value!.end) pushAll(it.value!.end, it.sep);
        else it.value!.end = it.sep;
      } else pushAll(it.start, it.sep);
      delete it.sep;
    }
  }
}

/** The CST tokens yaml's `new Parser()` makes of `lexemes` (its `next` for each, then `end`). */
export function parseCst(lexemes: readonly string[]): CST.Token[] {
  const parser = new CstParser();
  for (const lexeme of lexemes) parser.next(lexeme);
  parser.end();
  return parser.out as unknown as CST.Token[];
}

class CstParser {
  readonly out: Node[] = [];
  private atNewLine = true;
  private atScalar = false;
  private indent = 0;
  private offset = 0;
  private onKeyLine = false;
  private readonly stack: Node[] = [];
  private source = '';
  private type = '';

  next(source: string): void {
    this.source = source;
    if (this.atScalar) {
      this.atScalar = false;
      this.step();
      this.offset += source.length;
      return;
    }
    const type = CST.tokenType(source);
    if (!type) {
      this.pop({ type: 'error', offset: this.offset, message: `Not a YAML token: ${source}`, source });
      this.offset += source.length;
      return;
    }
    if (type === 'scalar') {
      this.atNewLine = false;
      this.atScalar = true;
      this.type = 'scalar';
      return;
    }
    this.type = type;
    this.step();
    switch (type) {
      case 'newline':
        this.atNewLine = true;
        this.indent = 0;
        break;
      case 'space':
        if (this.atNewLine && source[0] === ' ') this.indent += source.length;
        break;
      case 'explicit-key-ind':
      case 'map-value-ind':
      case 'seq-item-ind':
        if (this.atNewLine) this.indent += source.length;
        break;
      case 'doc-mode':
      case 'flow-error-end':
        return;
      default:
        this.atNewLine = false;
    }
    this.offset += source.length;
  }

  end(): void {
    while (this.stack.length > 0) this.pop();
  }

  private get sourceToken(): Node {
    return { type: this.type, offset: this.offset, indent: this.indent, source: this.source };
  }

  private peek(n: number): Node | undefined {
    return this.stack[this.stack.length - n];
  }

  private step(): void {
    const top = this.peek(1);
    if (this.type === 'doc-end' && top?.type !== 'doc-end') {
      while (this.stack.length > 0) this.pop();
      this.stack.push({ type: 'doc-end', offset: this.offset, source: this.source });
      return;
    }
    if (!top) return this.stream();
    switch (top.type) {
      case 'document':
        return this.document(top);
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        return this.scalar(top);
      case 'block-scalar':
        return this.blockScalar(top);
      case 'block-map':
        return this.blockMap(top);
      case 'block-seq':
        return this.blockSequence(top);
      case 'flow-collection':
        return this.flowCollection(top);
      case 'doc-end':
        return this.documentEnd(top);
    }
    this.pop();
  }

  /** Finishes the node on top of the stack (or `error`): into its parent, or out when it is top-level. */
  private pop(error?: Node): void {
    const token = error ?? this.stack.pop();
    if (!token) {
      this.out.push({ type: 'error', offset: this.offset, source: '', message: 'Tried to pop an empty stack' });
      return;
    }
    if (this.stack.length === 0) {
      this.out.push(token);
      return;
    }
    const top = this.peek(1)!;
    if (token.type === 'block-scalar') {
      // Block scalars take their parent's indent rather than their header's.
      token.indent = 'indent' in top ? top.indent : 0;
    } else if (token.type === 'flow-collection' && top.type === 'document') {
      // Top-level flow collections ignore indentation.
      token.indent = 0;
    }
    if (token.type === 'flow-collection') fixFlowSeqItems(token);
    switch (top.type) {
      case 'document':
        top.value = token;
        break;
      case 'block-scalar':
        top.props!.push(token);
        break;
      case 'block-map': {
        const it = top.items![top.items!.length - 1];
        if (it.value) {
          top.items!.push({ start: [], key: token, sep: [] });
          this.onKeyLine = true;
          return;
        } else if (it.sep) {
          it.value = token;
        } else {
          Object.assign(it, { key: token, sep: [] });
          this.onKeyLine = !it.explicitKey;
          return;
        }
        break;
      }
      case 'block-seq': {
        const it = top.items![top.items!.length - 1];
        if (it.value) top.items!.push({ start: [], value: token });
        else it.value = token;
        break;
      }
      case 'flow-collection': {
        const it = top.items![top.items!.length - 1];
        if (!it || it.value) top.items!.push({ start: [], key: token, sep: [] });
        else if (it.sep) it.value = token;
        else Object.assign(it, { key: token, sep: [] });
        return;
      }
      default:
        this.pop();
        this.pop(token);
    }
    if ((top.type === 'document' || top.type === 'block-map' || top.type === 'block-seq') && (token.type === 'block-map' || token.type === 'block-seq')) {
      // Trailing blank lines and comments of a finished collection belong to its parent.
      const last = token.items![token.items!.length - 1];
      if (
        last &&
        !last.sep &&
        !last.value &&
        last.start.length > 0 &&
        findNonEmptyIndex(last.start) === -1 &&
        (token.indent === 0 || last.start.every((st) => st.type !== 'comment' || st.indent! < token.indent!))
      ) {
        if (top.type === 'document') top.end = last.start;
        else top.items!.push({ start: last.start });
        token.items!.splice(-1, 1);
      }
    }
  }

  private stream(): void {
    switch (this.type) {
      case 'directive-line':
        this.out.push({ type: 'directive', offset: this.offset, source: this.source });
        return;
      case 'byte-order-mark':
      case 'space':
      case 'comment':
      case 'newline':
        this.out.push(this.sourceToken);
        return;
      case 'doc-mode':
      case 'doc-start': {
        const doc: Node = { type: 'document', offset: this.offset, start: [] };
        if (this.type === 'doc-start') (doc.start as Node[]).push(this.sourceToken);
        this.stack.push(doc);
        return;
      }
    }
    this.out.push({ type: 'error', offset: this.offset, message: `Unexpected ${this.type} token in YAML stream`, source: this.source });
  }

  private document(doc: Node): void {
    if (doc.value) return this.lineEnd(doc);
    const start = doc.start as Node[];
    switch (this.type) {
      case 'doc-start':
        if (findNonEmptyIndex(start) !== -1) {
          this.pop();
          this.step();
        } else start.push(this.sourceToken);
        return;
      case 'anchor':
      case 'tag':
      case 'space':
      case 'comment':
      case 'newline':
        start.push(this.sourceToken);
        return;
    }
    const bv = this.startBlockValue(doc);
    if (bv) this.stack.push(bv);
    else this.out.push({ type: 'error', offset: this.offset, message: `Unexpected ${this.type} token in YAML document`, source: this.source });
  }

  private scalar(scalar: Node): void {
    if (this.type !== 'map-value-ind') return this.lineEnd(scalar);
    // A scalar followed by `:` is the first key of a block map.
    const start = getFirstKeyStartProps(getPrevProps(this.peek(2)!));
    let sep: Node[];
    if (scalar.end) {
      sep = scalar.end;
      sep.push(this.sourceToken);
      delete scalar.end;
    } else sep = [this.sourceToken];
    this.onKeyLine = true;
    this.stack[this.stack.length - 1] = { type: 'block-map', offset: scalar.offset, indent: scalar.indent, items: [{ start, key: scalar, sep }] };
  }

  private blockScalar(scalar: Node): void {
    switch (this.type) {
      case 'space':
      case 'comment':
      case 'newline':
        scalar.props!.push(this.sourceToken);
        return;
      case 'scalar':
        scalar.source = this.source;
        // A block scalar's source ends with its line break.
        this.atNewLine = true;
        this.indent = 0;
        this.pop();
        break;
      default:
        this.pop();
        this.step();
    }
  }

  private blockMap(map: Node): void {
    const items = map.items!;
    const it = items[items.length - 1];
    switch (this.type) {
      case 'newline':
        this.onKeyLine = false;
        if (it.value) this.newlineAfterValue(items, it.value);
        else if (it.sep) it.sep.push(this.sourceToken);
        else it.start.push(this.sourceToken);
        return;
      case 'space':
      case 'comment':
        if (it.value) items.push({ start: [this.sourceToken] });
        else if (it.sep) it.sep.push(this.sourceToken);
        else if (!this.commentToPrevious(items, it, map.indent!)) it.start.push(this.sourceToken);
        return;
    }
    if (this.indent >= map.indent!) {
      const atMapIndent = !this.onKeyLine && this.indent === map.indent;
      const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== 'seq-item-ind';
      // Blank lines after an empty value that are not indented go to the next item.
      let start: Node[] = [];
      if (atNextItem && it.sep && !it.value) {
        const nl: number[] = [];
        for (let i = 0; i < it.sep.length; ++i) {
          const st = it.sep[i];
          switch (st.type) {
            case 'newline':
              nl.push(i);
              break;
            case 'space':
              break;
            case 'comment':
              if (st.indent! > map.indent!) nl.length = 0;
              break;
            default:
              nl.length = 0;
          }
        }
        if (nl.length >= 2) start = it.sep.splice(nl[1]);
      }
      switch (this.type) {
        case 'anchor':
        case 'tag':
          if (atNextItem || it.value) {
            start.push(this.sourceToken);
            items.push({ start });
            this.onKeyLine = true;
          } else if (it.sep) it.sep.push(this.sourceToken);
          else it.start.push(this.sourceToken);
          return;
        case 'explicit-key-ind':
          if (!it.sep && !it.explicitKey) {
            it.start.push(this.sourceToken);
            it.explicitKey = true;
          } else if (atNextItem || it.value) {
            start.push(this.sourceToken);
            items.push({ start, explicitKey: true });
          } else {
            this.stack.push({ type: 'block-map', offset: this.offset, indent: this.indent, items: [{ start: [this.sourceToken], explicitKey: true }] });
          }
          this.onKeyLine = true;
          return;
        case 'map-value-ind':
          if (it.explicitKey) {
            if (!it.sep) {
              if (includesToken(it.start, 'newline')) Object.assign(it, { key: null, sep: [this.sourceToken] });
              else {
                const keyStart = getFirstKeyStartProps(it.start);
                this.stack.push({ type: 'block-map', offset: this.offset, indent: this.indent, items: [{ start: keyStart, key: null, sep: [this.sourceToken] }] });
              }
            } else if (it.value) items.push({ start: [], key: null, sep: [this.sourceToken] });
            else if (includesToken(it.sep, 'map-value-ind')) {
              this.stack.push({ type: 'block-map', offset: this.offset, indent: this.indent, items: [{ start, key: null, sep: [this.sourceToken] }] });
            } else if (isFlowToken(it.key) && !includesToken(it.sep, 'newline')) {
              const keyStart = getFirstKeyStartProps(it.start);
              const key = it.key;
              const sep = it.sep;
              sep.push(this.sourceToken);
              delete it.key;
              delete it.sep;
              this.stack.push({ type: 'block-map', offset: this.offset, indent: this.indent, items: [{ start: keyStart, key, sep }] });
            } else if (start.length > 0) {
              // Not at the next item after all.
              it.sep = it.sep.concat(start, this.sourceToken);
            } else it.sep.push(this.sourceToken);
          } else if (!it.sep) Object.assign(it, { key: null, sep: [this.sourceToken] });
          else if (it.value || atNextItem) items.push({ start, key: null, sep: [this.sourceToken] });
          else if (includesToken(it.sep, 'map-value-ind')) {
            this.stack.push({ type: 'block-map', offset: this.offset, indent: this.indent, items: [{ start: [], key: null, sep: [this.sourceToken] }] });
          } else it.sep.push(this.sourceToken);
          this.onKeyLine = true;
          return;
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar': {
          const fs = this.flowScalar(this.type);
          if (atNextItem || it.value) {
            items.push({ start, key: fs, sep: [] });
            this.onKeyLine = true;
          } else if (it.sep) this.stack.push(fs);
          else {
            Object.assign(it, { key: fs, sep: [] });
            this.onKeyLine = true;
          }
          return;
        }
        default: {
          const bv = this.startBlockValue(map);
          if (bv) {
            if (bv.type === 'block-seq') {
              if (!it.explicitKey && it.sep && !includesToken(it.sep, 'newline')) {
                this.pop({ type: 'error', offset: this.offset, message: 'Unexpected block-seq-ind on same line with key', source: this.source });
                return;
              }
            } else if (atMapIndent) items.push({ start });
            this.stack.push(bv);
            return;
          }
        }
      }
    }
    this.pop();
    this.step();
  }

  private blockSequence(seq: Node): void {
    const items = seq.items!;
    const it = items[items.length - 1];
    switch (this.type) {
      case 'newline':
        if (it.value) this.newlineAfterValue(items, it.value);
        else it.start.push(this.sourceToken);
        return;
      case 'space':
      case 'comment':
        if (it.value) items.push({ start: [this.sourceToken] });
        else if (!this.commentToPrevious(items, it, seq.indent!)) it.start.push(this.sourceToken);
        return;
      case 'anchor':
      case 'tag':
        if (it.value || this.indent <= seq.indent!) break;
        it.start.push(this.sourceToken);
        return;
      case 'seq-item-ind':
        if (this.indent !== seq.indent) break;
        if (it.value || includesToken(it.start, 'seq-item-ind')) items.push({ start: [this.sourceToken] });
        else it.start.push(this.sourceToken);
        return;
    }
    if (this.indent > seq.indent!) {
      const bv = this.startBlockValue(seq);
      if (bv) {
        this.stack.push(bv);
        return;
      }
    }
    this.pop();
    this.step();
  }

  private flowCollection(fc: Node): void {
    const items = fc.items!;
    const it = items[items.length - 1] as Item | undefined;
    if (this.type === 'flow-error-end') {
      let top: Node | undefined;
      do {
        this.pop();
        top = this.peek(1);
      } while (top?.type === 'flow-collection');
      return;
    }
    if (fc.end!.length === 0) {
      switch (this.type) {
        case 'comma':
        case 'explicit-key-ind':
          if (!it || it.sep) items.push({ start: [this.sourceToken] });
          else it.start.push(this.sourceToken);
          return;
        case 'map-value-ind':
          if (!it || it.value) items.push({ start: [], key: null, sep: [this.sourceToken] });
          else if (it.sep) it.sep.push(this.sourceToken);
          else Object.assign(it, { key: null, sep: [this.sourceToken] });
          return;
        case 'space':
        case 'comment':
        case 'newline':
        case 'anchor':
        case 'tag':
          if (!it || it.value) items.push({ start: [this.sourceToken] });
          else if (it.sep) it.sep.push(this.sourceToken);
          else it.start.push(this.sourceToken);
          return;
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar': {
          const fs = this.flowScalar(this.type);
          if (!it || it.value) items.push({ start: [], key: fs, sep: [] });
          else if (it.sep) this.stack.push(fs);
          else Object.assign(it, { key: fs, sep: [] });
          return;
        }
        case 'flow-map-end':
        case 'flow-seq-end':
          fc.end!.push(this.sourceToken);
          return;
      }
      const bv = this.startBlockValue(fc);
      if (bv) this.stack.push(bv);
      else {
        this.pop();
        this.step();
      }
      return;
    }
    const parent = this.peek(2)!;
    if (parent.type === 'block-map' && ((this.type === 'map-value-ind' && parent.indent === fc.indent) || (this.type === 'newline' && !parent.items![parent.items!.length - 1].sep))) {
      this.pop();
      this.step();
    } else if (this.type === 'map-value-ind' && parent.type !== 'flow-collection') {
      // A closed flow collection followed by `:` is the first key of a block map.
      const start = getFirstKeyStartProps(getPrevProps(parent));
      fixFlowSeqItems(fc);
      const sep = fc.end!.splice(1, fc.end!.length);
      sep.push(this.sourceToken);
      this.onKeyLine = true;
      this.stack[this.stack.length - 1] = { type: 'block-map', offset: fc.offset, indent: fc.indent, items: [{ start, key: fc, sep }] };
    } else this.lineEnd(fc);
  }

  private flowScalar(type: string): Node {
    return { type, offset: this.offset, indent: this.indent, source: this.source };
  }

  /** The node a block value starting with the current token opens, or null when it opens none. */
  private startBlockValue(parent: Node): Node | null {
    switch (this.type) {
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        return this.flowScalar(this.type);
      case 'block-scalar-header':
        return { type: 'block-scalar', offset: this.offset, indent: this.indent, props: [this.sourceToken], source: '' };
      case 'flow-map-start':
      case 'flow-seq-start':
        return { type: 'flow-collection', offset: this.offset, indent: this.indent, start: this.sourceToken, items: [], end: [] };
      case 'seq-item-ind':
        return { type: 'block-seq', offset: this.offset, indent: this.indent, items: [{ start: [this.sourceToken] }] };
      case 'explicit-key-ind': {
        this.onKeyLine = true;
        const start = getFirstKeyStartProps(getPrevProps(parent));
        start.push(this.sourceToken);
        return { type: 'block-map', offset: this.offset, indent: this.indent, items: [{ start, explicitKey: true }] };
      }
      case 'map-value-ind': {
        this.onKeyLine = true;
        const start = getFirstKeyStartProps(getPrevProps(parent));
        return { type: 'block-map', offset: this.offset, indent: this.indent, items: [{ start, key: null, sep: [this.sourceToken] }] };
      }
    }
    return null;
  }

  /** A line break after an item's value: the value's, after a comment that ends it; else it starts the next item. */
  private newlineAfterValue(items: Item[], value: Node): void {
    const end = 'end' in value ? value.end : undefined;
    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
    if (last?.type === 'comment') end?.push(this.sourceToken);
    else items.push({ start: [this.sourceToken] });
  }

  /**
   * A comment indented past the collection's `indent` where an item would start goes with the item before (with the
   * blank lines before it); false when it does not.
   */
  private commentToPrevious(items: Item[], it: Item, indent: number): boolean {
    if (!this.atIndentedComment(it.start, indent)) return false;
    const end = items[items.length - 2]?.value?.end;
    if (!Array.isArray(end)) return false;
    pushAll(end, it.start);
    end.push(this.sourceToken);
    items.pop();
    return true;
  }

  private atIndentedComment(start: Node[], indent: number): boolean {
    if (this.type !== 'comment' || this.indent <= indent) return false;
    return start.every((st) => st.type === 'newline' || st.type === 'space');
  }

  private documentEnd(docEnd: Node): void {
    if (this.type === 'doc-mode') return;
    if (docEnd.end) docEnd.end.push(this.sourceToken);
    else docEnd.end = [this.sourceToken];
    if (this.type === 'newline') this.pop();
  }

  private lineEnd(token: Node): void {
    switch (this.type) {
      case 'comma':
      case 'doc-start':
      case 'doc-end':
      case 'flow-seq-end':
      case 'flow-map-end':
      case 'map-value-ind':
        this.pop();
        this.step();
        return;
      case 'newline':
        this.onKeyLine = false;
        break;
    }
    // Spaces, comments and line breaks end the token; anything else here is an error the composer reports.
    if (token.end) token.end.push(this.sourceToken);
    else token.end = [this.sourceToken];
    if (this.type === 'newline') this.pop();
  }
}
