// yaml's CST lexer without generators. yaml's Lexer yields each lexeme through a chain of nested generators
// (lex → parseNext → parseDocument → pushIndicators → pushCount …), and every level allocates an iterator result per
// lexeme: lexing the bench's 500-file folder allocated ~300 MB, most of the CLI's garbage-collection time (docs/
// performance.md). This is the same state machine (yaml 2.9's Lexer, ISC licence) for a complete text (yaml's `lex(source)` without `incomplete`,
// so no state is ever parked for more input), writing the lexemes into one array. test/core/k8s-yaml-lex holds it to
// yaml's Lexer on every YAML fixture, the bench's manifests and generated texts, lexeme for lexeme.

const DOCUMENT = '\x02';
const FLOW_END = '\x18';
const SCALAR = '\x1f';
const BOM = '\u{FEFF}';

/**
 * The states a step can end in. yaml's lexer also parks in line-start, quoted-, block- and plain-scalar, but only
 * when its input is incomplete; here every step runs to the next of these.
 */
const enum State {
  Stream,
  BlockStart,
  Doc,
  Flow,
}

const isEmpty = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';
const isFlowIndicator = (ch: string | undefined) => ch === ',' || ch === '[' || ch === ']' || ch === '{' || ch === '}';
const isNotAnchorChar = (ch: string | undefined) => isEmpty(ch) || isFlowIndicator(ch);
const TAG_CHARS = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const isHexDigit = (ch: string | undefined) => ch !== undefined && /^[0-9A-Fa-f]$/.test(ch);

/**
 * The lexemes yaml's `new Lexer().lex(text)` yields, in one array; undefined when there are more than `maxLexemes`
 * (the caller refuses such a text without lexing the rest).
 */
export function lexYaml(text: string, maxLexemes = Infinity): string[] | undefined {
  const out: string[] = [];
  const buf = text;
  const len = buf.length;
  let pos = 0;
  let indentNext = 0;
  let indentValue = 0;
  let flowLevel = 0;
  let flowKey = false;
  let blockScalarIndent = -1;
  let blockScalarKeep = false;

  const push = (s: string) => {
    out.push(s);
  };
  /** Pushes the next `n` characters (yaml's pushCount: the position moves by `n` even past the end). */
  const pushCount = (n: number): number => {
    if (n <= 0) return 0;
    push(buf.substr(pos, n));
    pos += n;
    return n;
  };
  const pushToIndex = (i: number, allowEmpty: boolean): number => {
    const s = buf.slice(pos, i);
    if (s) {
      push(s);
      pos += s.length;
      return s.length;
    }
    if (allowEmpty) push('');
    return 0;
  };
  const pushSpaces = (allowTabs: boolean): number => {
    let i = pos;
    let ch = buf[i];
    while (ch === ' ' || (allowTabs && ch === '\t')) ch = buf[++i];
    const n = i - pos;
    if (n > 0) {
      push(buf.substr(pos, n));
      pos = i;
    }
    return n;
  };
  const pushUntil = (stop: (ch: string | undefined) => boolean): number => {
    let i = pos;
    while (!stop(buf[i])) i++;
    return pushToIndex(i, false);
  };
  const pushNewline = (): number => {
    const ch = buf[pos];
    if (ch === '\n') return pushCount(1);
    if (ch === '\r' && buf[pos + 1] === '\n') return pushCount(2);
    return 0;
  };
  /** The rest of the current line, without its line break (a `\r` before `\n` excluded; at the end, all of it). */
  let lineEnd = -2;
  const getLine = (): string => {
    // The next line break is looked up again only once the position has passed it (one long line is read many times).
    if (lineEnd !== -1 && lineEnd < pos) lineEnd = buf.indexOf('\n', pos);
    let end = lineEnd;
    if (end === -1) return buf.substring(pos);
    if (buf[end - 1] === '\r') end -= 1;
    return buf.substring(pos, end);
  };
  const atLineEnd = (): boolean => {
    let i = pos;
    let ch = buf[i];
    while (ch === ' ' || ch === '\t') ch = buf[++i];
    if (ch === undefined || ch === '#' || ch === '\n') return true;
    if (ch === '\r') return buf[i + 1] === '\n';
    return false;
  };
  /** Where a scalar continues on the line starting at `offset`, or -1 when that line ends it. */
  const continueScalar = (offset: number): number => {
    let ch = buf[offset];
    if (indentNext > 0) {
      let indent = 0;
      while (ch === ' ') ch = buf[++indent + offset];
      if (ch === '\r' && buf[indent + offset + 1] === '\n') return offset + indent + 1;
      return ch === '\n' || indent >= indentNext ? offset + indent : -1;
    }
    if (ch === '-' || ch === '.') {
      const marker = buf.substr(offset, 3);
      if ((marker === '---' || marker === '...') && isEmpty(buf[offset + 3])) return -1;
    }
    return offset;
  };

  const pushTag = (): number => {
    if (buf[pos + 1] === '<') {
      let i = pos + 2;
      let ch = buf[i];
      while (!isEmpty(ch) && ch !== '>') ch = buf[++i];
      return pushToIndex(ch === '>' ? i + 1 : i, false);
    }
    let i = pos + 1;
    let ch = buf[i];
    while (ch !== undefined) {
      if (TAG_CHARS.has(ch)) ch = buf[++i];
      else if (ch === '%' && isHexDigit(buf[i + 1]) && isHexDigit(buf[i + 2])) ch = buf[(i += 3)];
      else break;
    }
    return pushToIndex(i, false);
  };
  const pushIndicators = (): number => {
    let n = 0;
    for (;;) {
      const ch = buf[pos];
      if (ch === '!') {
        n += pushTag();
        n += pushSpaces(true);
        continue;
      }
      if (ch === '&') {
        n += pushUntil(isNotAnchorChar);
        n += pushSpaces(true);
        continue;
      }
      if (ch === '-' || ch === '?' || ch === ':') {
        const inFlow = flowLevel > 0;
        const ch1 = buf[pos + 1];
        if (isEmpty(ch1) || (inFlow && isFlowIndicator(ch1))) {
          if (!inFlow) indentNext = indentValue + 1;
          else if (flowKey) flowKey = false;
          n += pushCount(1);
          n += pushSpaces(true);
          continue;
        }
      }
      return n;
    }
  };

  const stream = (): State => {
    let line = getLine();
    if (line[0] === BOM) {
      pushCount(1);
      line = line.substring(1);
    }
    if (line[0] === '%') {
      // A directive, then perhaps a comment after blanks.
      let dirEnd = line.length;
      let cs = line.indexOf('#');
      while (cs !== -1) {
        const ch = line[cs - 1];
        if (ch === ' ' || ch === '\t') {
          dirEnd = cs - 1;
          break;
        }
        cs = line.indexOf('#', cs + 1);
      }
      for (;;) {
        const ch = line[dirEnd - 1];
        if (ch === ' ' || ch === '\t') dirEnd -= 1;
        else break;
      }
      const n = pushCount(dirEnd) + pushSpaces(true);
      pushCount(line.length - n);
      // yaml's lexer leaves the line break to the next stream step here (its pushNewline call is not iterated).
      return State.Stream;
    }
    if (atLineEnd()) {
      const sp = pushSpaces(true);
      pushCount(line.length - sp);
      pushNewline();
      return State.Stream;
    }
    push(DOCUMENT);
    return lineStart();
  };

  const lineStart = (): State => {
    const ch = buf[pos];
    if (ch === '-' || ch === '.') {
      const s = buf.substr(pos, 3);
      if ((s === '---' || s === '...') && isEmpty(buf[pos + 3])) {
        pushCount(3);
        indentValue = 0;
        indentNext = 0;
        return s === '---' ? State.Doc : State.Stream;
      }
    }
    indentValue = pushSpaces(false);
    if (indentNext > indentValue && !isEmpty(buf[pos + 1])) indentNext = indentValue;
    return blockStart();
  };

  const blockStart = (): State => {
    const ch0 = buf[pos];
    const ch1 = buf[pos + 1];
    if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
      const n = pushCount(1) + pushSpaces(true);
      indentNext = indentValue + 1;
      indentValue += n;
      return State.BlockStart;
    }
    return State.Doc;
  };

  const blockScalarHeader = (): number => {
    blockScalarIndent = -1;
    blockScalarKeep = false;
    let i = pos;
    for (;;) {
      const ch = buf[++i];
      if (ch === '+') blockScalarKeep = true;
      else if (ch !== undefined && ch > '0' && ch <= '9') blockScalarIndent = Number(ch) - 1;
      else if (ch !== '-') break;
    }
    return pushUntil((ch) => isEmpty(ch) || ch === '#');
  };

  const doc = (): State => {
    pushSpaces(true);
    const line = getLine();
    let n = pushIndicators();
    switch (line[n]) {
      case '#':
      case undefined:
        // A comment to the end of the line, or nothing more on it.
        if (line[n] === '#') pushCount(line.length - n);
        pushNewline();
        return lineStart();
      case '{':
      case '[':
        pushCount(1);
        flowKey = false;
        flowLevel = 1;
        return State.Flow;
      case '}':
      case ']':
        // An error the parser reports.
        pushCount(1);
        return State.Doc;
      case '*':
        pushUntil(isNotAnchorChar);
        return State.Doc;
      case '"':
      case "'":
        return quotedScalar();
      case '|':
      case '>':
        n += blockScalarHeader();
        n += pushSpaces(true);
        pushCount(line.length - n);
        pushNewline();
        return blockScalar();
      default:
        return plainScalar();
    }
  };

  const flow = (): State => {
    let nl: number;
    let sp: number;
    let indent = -1;
    do {
      nl = pushNewline();
      if (nl > 0) {
        sp = pushSpaces(false);
        indentValue = indent = sp;
      } else sp = 0;
      sp += pushSpaces(true);
    } while (nl + sp > 0);
    const line = getLine();
    if ((indent !== -1 && indent < indentNext && line[0] !== '#') || (indent === 0 && (line.startsWith('---') || line.startsWith('...')) && isEmpty(line[3]))) {
      // A closing bracket at the opening line's indent is accepted (as yaml does); anything else less indented ends the flow.
      const atFlowEndMarker = indent === indentNext - 1 && flowLevel === 1 && (line[0] === ']' || line[0] === '}');
      if (!atFlowEndMarker) {
        flowLevel = 0;
        push(FLOW_END);
        return lineStart();
      }
    }
    let n = 0;
    while (line[n] === ',') {
      n += pushCount(1);
      n += pushSpaces(true);
      flowKey = false;
    }
    n += pushIndicators();
    switch (line[n]) {
      case undefined:
        return State.Flow;
      case '#':
        pushCount(line.length - n);
        return State.Flow;
      case '{':
      case '[':
        pushCount(1);
        flowKey = false;
        flowLevel += 1;
        return State.Flow;
      case '}':
      case ']':
        pushCount(1);
        flowKey = true;
        flowLevel -= 1;
        return flowLevel ? State.Flow : State.Doc;
      case '*':
        pushUntil(isNotAnchorChar);
        return State.Flow;
      case '"':
      case "'":
        flowKey = true;
        return quotedScalar();
      case ':': {
        const next = buf[pos + 1];
        if (flowKey || isEmpty(next) || next === ',') {
          flowKey = false;
          pushCount(1);
          pushSpaces(true);
          return State.Flow;
        }
        flowKey = false;
        return plainScalar();
      }
      default:
        flowKey = false;
        return plainScalar();
    }
  };

  const quotedScalar = (): State => {
    const quote = buf[pos];
    let end = buf.indexOf(quote, pos + 1);
    if (quote === "'") {
      while (end !== -1 && buf[end + 1] === "'") end = buf.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let n = 0;
        while (buf[end - 1 - n] === '\\') n += 1;
        if (n % 2 === 0) break;
        end = buf.indexOf('"', end + 1);
      }
    }
    // Line breaks inside the quotes: a continuation line less indented than the scalar's minimum ends it (an error).
    // Searched in the text before the closing quote only (a slice, not a copy), so a long line costs one scan per scalar.
    const quoted = buf.substring(0, end);
    const newlineBefore = (from: number) => quoted.indexOf('\n', from);
    let nl = newlineBefore(pos);
    if (nl !== -1) {
      while (nl !== -1) {
        const cs = continueScalar(nl + 1);
        if (cs === -1) break;
        nl = newlineBefore(cs);
      }
      if (nl !== -1) end = nl - (buf[nl - 1] === '\r' ? 2 : 1);
    }
    if (end === -1) end = len;
    pushToIndex(end + 1, false);
    return flowLevel ? State.Flow : State.Doc;
  };

  const blockScalar = (): State => {
    let nl = pos - 1;
    let indent = 0;
    let ch: string | undefined;
    let i = pos;
    scan: for (; (ch = buf[i]); ++i) {
      switch (ch) {
        case ' ':
          indent += 1;
          break;
        case '\n':
          nl = i;
          indent = 0;
          break;
        case '\r':
          if (buf[i + 1] === '\n') break;
          break scan;
        default:
          break scan;
      }
    }
    if (indent >= indentNext) {
      if (blockScalarIndent === -1) indentNext = indent;
      else indentNext = blockScalarIndent + (indentNext === 0 ? 1 : indentNext);
      do {
        const cs = continueScalar(nl + 1);
        if (cs === -1) break;
        nl = buf.indexOf('\n', cs);
      } while (nl !== -1);
      if (nl === -1) nl = len;
    }
    // Trailing tabs indented too little belong to the scalar, so that the parser reports them.
    let j = nl + 1;
    ch = buf[j];
    while (ch === ' ') ch = buf[++j];
    if (ch === '\t') {
      while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n') ch = buf[++j];
      nl = j - 1;
    } else if (!blockScalarKeep) {
      // Trailing lines that are not more indented than the scalar are not part of it.
      for (;;) {
        let k = nl - 1;
        let c = buf[k];
        if (c === '\r') c = buf[--k];
        const lastChar = k;
        while (c === ' ') c = buf[--k];
        if (c === '\n' && k >= pos && k + 1 + indent > lastChar) nl = k;
        else break;
      }
    }
    push(SCALAR);
    pushToIndex(nl + 1, true);
    return lineStart();
  };

  const plainScalar = (): State => {
    const inFlow = flowLevel > 0;
    let end = pos - 1;
    let i = pos - 1;
    let ch: string | undefined;
    while ((ch = buf[++i])) {
      if (ch === ':') {
        const next = buf[i + 1];
        if (isEmpty(next) || (inFlow && isFlowIndicator(next))) break;
        end = i;
      } else if (isEmpty(ch)) {
        let next = buf[i + 1];
        if (ch === '\r') {
          if (next === '\n') {
            i += 1;
            ch = '\n';
            next = buf[i + 1];
          } else end = i;
        }
        if (next === '#' || (inFlow && isFlowIndicator(next))) break;
        if (ch === '\n') {
          const cs = continueScalar(i + 1);
          if (cs === -1) break;
          i = Math.max(i, cs - 2);
        }
      } else {
        if (inFlow && isFlowIndicator(ch)) break;
        end = i;
      }
    }
    push(SCALAR);
    pushToIndex(end + 1, true);
    return inFlow ? State.Flow : State.Doc;
  };

  let state: State = State.Stream;
  while (pos < len) {
    switch (state) {
      case State.Stream:
        state = stream();
        break;
      case State.BlockStart:
        state = blockStart();
        break;
      case State.Doc:
        state = doc();
        break;
      case State.Flow:
        state = flow();
        break;
    }
    if (out.length > maxLexemes) return undefined;
  }
  return out;
}
