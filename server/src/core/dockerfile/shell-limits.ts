// How much shell the tree-sitter parser is given. Its memory grows about quadratically with the length of a pipe
// chain (measured: 1,000 stages 56 MB and 0.36 s, 2,000 stages 91 MB and 0.8 s, 14,000 stages exhaust the 2 GB
// WebAssembly heap and abort the instance), and its time, and that of reading the tree, linearly with the words
// (16,000 words: 0.3 s to parse, as long again to read). Real RUN scripts stay far below these limits (a long
// apt-get install list is a few hundred words); a script above one is not parsed and says so.

export const SHELL_LIMITS = {
  /** Script bytes (UTF-16 code units): 64 KB parse in about 0.1 s. */
  bytes: 64 * 1024,
  /** `|` between commands: 200 stages parse in under 50 ms and 20 MB. */
  pipes: 200,
  /** Command separators and nestings (`&&`, `||`, `;`, `|`, `(`, backquote): 2,000 `&&` parse in 60 ms. */
  operators: 2000,
  /** Words (runs of non-blanks): 4,000 parse and are read in about 0.1 s. */
  words: 4000,
  /** All RUN scripts of one Dockerfile: 26,000 short RUNs (2 MB) took 1.5 s; 32 KB of them (600 RUNs) 0.05-0.1 s. */
  documentBytes: 32 * 1024,
};

/**
 * Why a script was not parsed: it is over a limit, the parser failed on it, the parser is being reloaded after
 * failing on another script, or the grammar (loaded when a script first needs it) is still loading.
 */
export interface ShellSkip {
  reason: 'too-large' | 'parser-failed' | 'parser-restarting' | 'parser-loading' | 'document-budget';
  bytes: number;
  /** Commands the script holds at most (separators + 1), from a cheap count. */
  commands: number;
}

/** Counts what the parser's cost depends on, without parsing; an over-count (operators in quotes) only errs safe. */
export function measureShell(source: string): { bytes: number; pipes: number; operators: number; words: number } {
  let pipes = 0;
  let operators = 0;
  let words = 0;
  let blank = true;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    const isBlank = c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
    if (blank && !isBlank) words++;
    blank = isBlank;
    if (c === 0x7c /* | */) {
      if (source.charCodeAt(i + 1) === 0x7c) i++;
      else pipes++;
      operators++;
    } else if (c === 0x26 /* & */ && source.charCodeAt(i + 1) === 0x26) {
      i++;
      operators++;
    } else if (c === 0x3b /* ; */ || c === 0x28 /* ( */ || c === 0x60 /* ` */) operators++;
  }
  return { bytes: source.length, pipes, operators, words };
}

/** True for a skip that the next analysis, with the grammar loaded, does not repeat. */
export function waitsForParser(skip: ShellSkip | undefined): boolean {
  return skip?.reason === 'parser-restarting' || skip?.reason === 'parser-loading';
}

/** The skip for a script over a limit, or undefined when the parser may be given it. */
export function overLimit(source: string): ShellSkip | undefined {
  if (source.length > SHELL_LIMITS.bytes) return { reason: 'too-large', bytes: source.length, commands: measureShell(source).operators + 1 };
  const m = measureShell(source);
  if (m.pipes > SHELL_LIMITS.pipes || m.operators > SHELL_LIMITS.operators || m.words > SHELL_LIMITS.words) return { reason: 'too-large', bytes: m.bytes, commands: m.operators + 1 };
  return undefined;
}

/** The text of the information finding for a skipped script. */
export function shellSkipMessage(skip: ShellSkip): string {
  const size = skip.bytes >= 1024 ? `${Math.round(skip.bytes / 1024)} KB` : `${skip.bytes} bytes`;
  if (skip.reason === 'parser-failed') return `The shell parser failed on this RUN (${size}) and is being restarted; shell checks skipped`;
  if (skip.reason === 'document-budget') return `Shell checks skipped for this and later RUN instructions: the Dockerfile's RUN scripts exceed ${SHELL_LIMITS.documentBytes / 1024} KB`;
  if (skip.reason === 'parser-loading') return 'The shell grammar is loading; shell checks skipped for this RUN until the next analysis';
  if (skip.reason === 'parser-restarting') return 'The shell parser is restarting after a failure; shell checks skipped for this RUN until the next analysis';
  return `RUN too large/complex to analyze (${size}, up to ${skip.commands} commands); shell checks skipped`;
}
