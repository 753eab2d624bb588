// Expands a VS Code snippet body the way the editor inserts it when the user accepts every default: placeholders
// give their text, choices their first option, mirrors (`$1` after `${1:app}`) the value of their tab stop, and
// `$0` nothing. Values can be overridden per tab stop, as if the user had typed them.
// Syntax follows VS Code's snippetParser (TextMate-style); transforms are rejected rather than guessed at.

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: Node[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: Node[] };

export type TabStopValues = Record<number, string | number>;

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  private fail(message: string): never {
    throw new Error(`snippet syntax: ${message} at offset ${this.pos} in ${JSON.stringify(this.src.slice(Math.max(0, this.pos - 20), this.pos + 20))}`);
  }

  /** Nodes until the end, or until an unescaped `}` when inside a placeholder (the `}` is consumed). */
  parse(nested: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && '$}\\'.includes(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '}' && nested) {
        this.pos++;
        flush();
        return nodes;
      } else if (c === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += '$';
          this.pos++;
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    if (nested) this.fail('unclosed placeholder');
    flush();
    return nodes;
  }

  /** A tab stop or variable starting at `$`, or undefined when the `$` is plain text (as in VS Code). */
  private dollar(): Node | undefined {
    const rest = this.src.slice(this.pos + 1);
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (simple) {
      this.pos += 1 + simple[1].length;
      return /^\d/.test(simple[1]) ? { kind: 'tabstop', index: Number(simple[1]) } : { kind: 'variable', name: simple[1] };
    }
    const braced = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([}:|/])/.exec(rest);
    if (!braced) return undefined;
    const [whole, id, sep] = braced;
    const isIndex = /^\d/.test(id);
    this.pos += 1 + whole.length;
    if (sep === '/') this.fail('transforms are not supported');
    if (sep === '}') return isIndex ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable', name: id };
    if (sep === ':') {
      const children = this.parse(true);
      return isIndex ? { kind: 'tabstop', index: Number(id), children } : { kind: 'variable', name: id, children };
    }
    if (!isIndex) this.fail('a choice needs a tab stop number');
    return { kind: 'tabstop', index: Number(id), choices: this.choices() };
  }

  /** `a,b,c|}` after `${n|`, with `\,` `\|` `\\` escapes. */
  private choices(): string[] {
    const options: string[] = [];
    let cur = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && ',|\\$}'.includes(this.src[this.pos + 1] ?? '')) {
        cur += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === ',') {
        options.push(cur);
        cur = '';
        this.pos++;
      } else if (c === '|' && this.src[this.pos + 1] === '}') {
        options.push(cur);
        this.pos += 2;
        return options;
      } else {
        cur += c;
        this.pos++;
      }
    }
    this.fail('unclosed choice');
  }
}

/** The parsed body: a string or the lines of an array, joined with \n as VS Code does. */
export function parseSnippet(body: string | string[]): Node[] {
  return new Parser(Array.isArray(body) ? body.join('\n') : body).parse(false);
}

function walk(nodes: Node[], visit: (n: Node) => void): void {
  for (const n of nodes) {
    visit(n);
    if (n.kind !== 'text' && n.children) walk(n.children, visit);
  }
}

/** Every tab stop number used in a body, and how often. */
export function tabStops(body: string | string[]): Map<number, number> {
  const counts = new Map<number, number>();
  walk(parseSnippet(body), (n) => {
    if (n.kind === 'tabstop') counts.set(n.index, (counts.get(n.index) ?? 0) + 1);
  });
  return counts;
}

/**
 * The inserted text with every tab stop at its default (or at `values[n]`). Variables come from `variables`;
 * an unknown variable throws, so a snippet cannot silently rely on one the tests do not model.
 */
export function expandSnippet(body: string | string[], values: TabStopValues = {}, variables: Record<string, string> = {}): string {
  const nodes = parseSnippet(body);
  // The defining occurrence of each tab stop: the first with a placeholder or choice (VS Code mirrors it elsewhere).
  const defining = new Map<number, Extract<Node, { kind: 'tabstop' }>>();
  walk(nodes, (n) => {
    if (n.kind === 'tabstop' && (n.children || n.choices) && !defining.has(n.index)) defining.set(n.index, n);
  });
  const resolving = new Set<number>();
  const valueOf = (index: number): string => {
    if (index in values) return String(values[index]);
    const def = defining.get(index);
    if (!def) return '';
    if (resolving.has(index)) throw new Error(`tab stop $${index} contains itself`);
    resolving.add(index);
    const value = def.choices ? def.choices[0] : render(def.children ?? []);
    resolving.delete(index);
    return value;
  };
  const render = (list: Node[]): string =>
    list
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'tabstop') return n.index === 0 && !(0 in values) && !n.children ? '' : valueOf(n.index);
        if (n.name in variables) return variables[n.name];
        if (n.children) return render(n.children);
        throw new Error(`snippet uses variable $${n.name}, which the expander was not given`);
      })
      .join('');
  return render(nodes);
}

/** Tab stops whose placeholders disagree: `${1:a}` and `${1:b}` in one body (VS Code would silently keep one). */
export function conflictingDefaults(body: string | string[]): number[] {
  const seen = new Map<number, string>();
  const conflicts = new Set<number>();
  walk(parseSnippet(body), (n) => {
    if (n.kind !== 'tabstop' || !(n.children || n.choices)) return;
    const text = JSON.stringify(n.choices ?? n.children);
    if (seen.has(n.index) && seen.get(n.index) !== text) conflicts.add(n.index);
    else seen.set(n.index, text);
  });
  return [...conflicts];
}
