// Expands a VS Code snippet body the way the editor does after a person typed some tab stops: typed values replace
// their placeholder and every mirror of it; untouched placeholders keep their (expanded) defaults; $0 is empty.
type Node = string | { index: number; children?: Node[]; choices?: string[] };

function parse(text: string, at = 0, stop?: string): [Node[], number] {
  const nodes: Node[] = [];
  let buf = '';
  const flush = () => {
    if (buf) nodes.push(buf);
    buf = '';
  };
  while (at < text.length) {
    const ch = text[at];
    if (stop && ch === stop) break;
    if (ch === '\\' && at + 1 < text.length && '$}\\'.includes(text[at + 1])) {
      buf += text[at + 1];
      at += 2;
      continue;
    }
    const simple = /^\$(\d+)/.exec(text.slice(at));
    if (simple) {
      flush();
      nodes.push({ index: Number(simple[1]) });
      at += simple[0].length;
      continue;
    }
    const open = /^\$\{(\d+)([:|}])/.exec(text.slice(at));
    if (open) {
      flush();
      const index = Number(open[1]);
      at += open[0].length;
      if (open[2] === '}') nodes.push({ index });
      else if (open[2] === '|') {
        const end = text.indexOf('|}', at);
        nodes.push({ index, choices: text.slice(at, end).split(',') });
        at = end + 2;
      } else {
        const [children, next] = parse(text, at, '}');
        nodes.push({ index, children });
        at = next + 1;
      }
      continue;
    }
    if (/^\$\{?[A-Z_]+/.test(text.slice(at))) throw new Error(`snippet variables are not supported here: ${text.slice(at, at + 30)}`);
    buf += ch;
    at++;
  }
  flush();
  return [nodes, at];
}

/** The text the editor holds after expanding `body` and typing `typed[n]` over tab stop n. */
export function expandSnippet(body: string | string[], typed: Record<number, string>): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const [nodes] = parse(text);
  const defaults = new Map<number, Node[] | string>();
  const collect = (ns: Node[]) => {
    for (const n of ns) {
      if (typeof n === 'string') continue;
      if (n.children && !defaults.has(n.index)) defaults.set(n.index, n.children);
      if (n.choices && !defaults.has(n.index)) defaults.set(n.index, n.choices[0]);
      if (n.children) collect(n.children);
    }
  };
  collect(nodes);
  const render = (ns: Node[]): string =>
    ns
      .map((n) => {
        if (typeof n === 'string') return n;
        if (n.index === 0) return '';
        if (typed[n.index] !== undefined) return typed[n.index];
        const d = defaults.get(n.index);
        return d === undefined ? '' : typeof d === 'string' ? d : render(d);
      })
      .join('');
  return render(nodes);
}
