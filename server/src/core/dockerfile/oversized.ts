// Instructions too large to analyze. dockerfile-ast's cost grows with an instruction's words (a 1 MB RUN line took
// 1-2 s to parse and as long again to split into arguments; dockerfile-utils' validate the same again), so the
// parser is given such an instruction cut after its first KB: the rest of it is given as empty lines. In a very
// large file, the lines after DOCUMENT_LIMIT are given empty too. Line breaks are kept, so every position (line and
// character) outside the cut text is what it was; the model maps positions to offsets with the original text.

/**
 * Logical instructions (continuation lines included) longer than this are blanked, in UTF-16 units. A 56 KB RUN
 * of 28,000 words still took 0.3-0.8 s to parse and validate; real instructions stay under a few KB.
 */
export const INSTRUCTION_LIMIT = 16 * 1024;
/**
 * Instructions that start after this much of the document are blanked whole: parsing and splitting 2 MB of
 * instructions took 2-3 s before any rule ran. Real Dockerfiles are a few KB.
 */
export const DOCUMENT_LIMIT = 128 * 1024;
/** How much of a blanked instruction's text is kept, so that it still has its keyword and first arguments. */
const KEPT = 1024;

export interface Oversized {
  /** Document offsets of the instruction, or of everything after DOCUMENT_LIMIT (`rest`). */
  start: number;
  end: number;
  rest?: boolean;
}

/** The text dockerfile-ast is given, and the instructions blanked in it (none for most files: same string). */
export function blankOversized(text: string): { text: string; oversized: Oversized[] } {
  if (text.length <= INSTRUCTION_LIMIT) return { text, oversized: [] };
  const escape = /^#\s*escape\s*=\s*`/im.test(text.slice(0, 1024)) ? '`' : '\\';
  const oversized: Oversized[] = [];
  // Lines are found one at a time (no array of all line starts, no copies): the text may be many MB.
  for (let start = 0; start <= text.length; ) {
    if (start > DOCUMENT_LIMIT) {
      NON_BLANK.lastIndex = start;
      if (NON_BLANK.test(text)) oversized.push({ start, end: text.length, rest: true });
      break;
    }
    // One logical instruction: lines continued by the escape character, with the comment and empty lines inside.
    let [end, next] = lineAt(text, start);
    let continued = endsWithEscape(text, start, end, escape);
    while (continued && next <= text.length) {
      const lineStart = next;
      [end, next] = lineAt(text, lineStart);
      // Comment and empty lines inside a continued instruction neither continue nor end it.
      if (!isBlankOrComment(text, lineStart, end)) continued = endsWithEscape(text, lineStart, end, escape);
    }
    const heredoc = text.slice(start, Math.min(end, start + KEPT)).includes('<<');
    if (end - start > INSTRUCTION_LIMIT && !heredoc) oversized.push({ start, end });
    start = next;
  }
  if (!oversized.length) return { text, oversized };
  const parts: string[] = [];
  let at = 0;
  for (const o of oversized) {
    // Keep up to the first blank after KEPT characters, so no word is cut in two (unless it is huge itself, like
    // `ARG X=${X:-${X:-…`); nothing after the limit.
    let keep = o.start;
    if (!o.rest) {
      keep += KEPT;
      while (keep < o.end && keep < o.start + 2 * KEPT && !/\s/.test(text[keep])) keep++;
    }
    parts.push(text.slice(at, keep), lineBreaks(text.slice(keep, o.end)));
    at = o.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), oversized };
}

const LINE_BREAK = /\r\n|\r|\n/g;
const NON_BLANK = /\S/g;

/** The end of the line starting at `start` (before its break) and where the next line starts (past the end: none). */
function lineAt(text: string, start: number): [end: number, next: number] {
  LINE_BREAK.lastIndex = start;
  const m = LINE_BREAK.exec(text);
  return m ? [m.index, m.index + m[0].length] : [text.length, text.length + 1];
}

function endsWithEscape(text: string, start: number, end: number, escape: string): boolean {
  let i = end - 1;
  while (i >= start && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= start && text[i] === escape;
}

function isBlankOrComment(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i === end || text[i] === '#';
}

/** Only the line breaks of `s`: the instruction ends where it was cut, and lines keep their numbers. */
function lineBreaks(s: string): string {
  return s.replace(/[^\r\n]+/g, '');
}
