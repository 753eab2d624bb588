// Small text utilities shared by rules and the schema validator.

/**
 * Levenshtein distance between two strings. With `cap`, stops early and returns `cap` as soon as the
 * distance is known to be at least `cap` (for "did you mean" searches over many candidates).
 */
export function editDistance(a: string, b: string, cap = Infinity): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Splits text into lines the way LSP positions count them (and dockerfile-ast, and vscode's TextDocument):
 * CRLF, LF and a lone CR each end a line. Use it for every line split of document text, so that line numbers
 * agree with the positions of findings.
 */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Offsets where each line starts (the first is 0), with the same line breaks as splitLines. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) starts.push(i + 1);
  }
  return starts;
}

/** The text's first line break (LF, CRLF or a lone CR), for edits that add lines; LF when there is none. */
export function eolOf(text: string): '\n' | '\r\n' | '\r' {
  const m = /\r\n|\r|\n/.exec(text);
  return (m?.[0] as '\n' | '\r\n' | '\r' | undefined) ?? '\n';
}

/**
 * `text` in a string of its own, for what a cache keeps longer than the document it came from: V8 keeps a long slice
 * (and a join of one part) as a view of the whole string it was sliced from.
 */
export function detached(text: string): string {
  // The concatenation is flattened into a new string before the slice, which then refers to that copy only.
  return (' ' + text).slice(1);
}
