// Most RUN scripts are plain command lists — `apt-get update && apt-get install -y curl`, `echo 1 >> /log`,
// `a | b` — and for those the shell grammar's answer is predictable: this scanner gives the same ShellScript as
// tree-sitter-bash with commandsOf (shell-syntax.ts) without calling into WebAssembly, which in a fresh server
// was about a third of a Dockerfile's first analysis. Anything else (expansions, keywords, subshells, globs, escapes,
// heredocs, comments, syntax errors…) is not decided here: simpleScript returns undefined and the grammar parses it.
// test/core/shell-simple.test.ts holds it equal to the grammar's reading through commandsOf on every corpus script
// and on generated ones (commandsOf regroups the grammar's misnested `a | b | c && d`, docs/known-issues.md).
import type { ShellCommand, ShellScript, ShellWord } from './shell';
import { commandOfWords } from './shell-syntax';

// One token at a time (sticky): blanks; an operator; a redirect with its target; a word. A word is plain characters
// (globs included: the grammar keeps `*.txt` a word), variables (`$NAME`, `${NAME}`: the model keeps them as written)
// and quoted parts: single quotes hold anything but a quote, double quotes variables and nothing else the shell
// would expand.
const PLAIN = String.raw`[A-Za-z0-9_./:=+,@%*?~-]`;
const VARIABLE = String.raw`\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})`;
const PART = String.raw`(?:${PLAIN}+|${VARIABLE}|'[^']*'|"(?:[^"$\x60\\!]|${VARIABLE})*")`;
const TOKEN = new RegExp(
  String.raw`([ \t]+)|(\n)|(&&|\|\||;(?!;)|\|(?![|&]))|((?:[0-9]?>>?|<)(?![&(>|<])[ \t]*${PART}+(?!${PLAIN}|['"$])|[0-9]?>&[0-9](?![0-9A-Za-z_./:=+,@%*?~'"$-]))|(${PART}+)`,
  'y',
);
const COMMAND_NAME = /^[A-Za-z0-9_./][A-Za-z0-9_./+-]*$/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
// Reserved words: wherever one stands as a word of its own, the script is left to the grammar (it may read one in an
// argument's place too).
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', 'function', 'select', 'time', 'coproc']);
// First words the grammar reads as something other than a command: reserved words and declarations.
const NOT_A_COMMAND = new Set([...RESERVED, 'declare', 'typeset', 'export', 'readonly', 'local', 'unset', 'unsetenv']);

/** The ShellScript tree-sitter-bash would give for `source`, when it is a plain command list; else undefined. */
export function simpleScript(source: string): ShellScript | undefined {
  const commands: ShellCommand[] = [];
  let hasPipe = false;
  let pipelineId = 0;
  // The command being read: its assignments, words, and whether a redirect ended its words.
  let assignments: ShellWord[] = [];
  let words: ShellWord[] = [];
  let redirected = false;
  // The commands of the pipeline being read (a command list separated by `|`).
  let stages: Array<ShellCommand | undefined> = [];
  // What the next token may be: after an operator a command must follow (blank lines allowed after && || |).
  let expectCommand = false;
  let afterSemicolon = false;
  // Within one statement (up to `;` or a newline): the grammar lets a redirect after `a && b` apply to the list, and a
  // `|` after that makes the list a pipeline stage (`a && b 2>&1 | c`); such statements are left to it.
  let sawList = false;
  let sawPipe = false;
  let sawRedirect = false;
  const endStatement = (): boolean => {
    const plain = !(sawList && sawPipe && sawRedirect);
    sawList = sawPipe = sawRedirect = false;
    return plain;
  };
  let start = -1;
  let end = -1;

  // Ends the command read so far (false when there is none, or it is not a plain command); `piped` when a `|` ends it.
  const endCommand = (piped: boolean): boolean => {
    if (!words.length) {
      // Assignments alone (`A=1 && …`) are no command; in a pipeline they are left to the grammar.
      if (!assignments.length || piped || stages.length) return false;
      assignments = [];
      start = -1;
      return true;
    }
    // The grammar reads a keyword even when quotes follow it (`if'x'`).
    if (NOT_A_COMMAND.has(/^[^'"]*/.exec(words[0].raw)![0])) return false;
    stages.push(commandOfWords(assignments, words, start, end));
    assignments = [];
    words = [];
    redirected = false;
    start = -1;
    return true;
  };
  const endPipeline = () => {
    if (stages.length > 1) {
      hasPipe = true;
      const id = ++pipelineId;
      stages.forEach((c, index) => {
        if (c) commands.push({ ...c, pipeline: { index, length: stages.length, id } });
      });
    } else if (stages[0]) commands.push(stages[0]);
    stages = [];
  };

  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) return undefined;
    if (m[1] !== undefined) continue;
    if (m[2] !== undefined) {
      // A newline ends a command like `;`, except right after an operator that needs one more.
      if (expectCommand) continue;
      if (words.length || assignments.length) {
        if (!endCommand(false)) return undefined;
        endPipeline();
      }
      if (!endStatement()) return undefined;
      afterSemicolon = false;
      continue;
    }
    if (m[3] !== undefined) {
      if (expectCommand || afterSemicolon) return undefined;
      // `a | b > f | c`: the grammar nests the pipeline before a redirected later stage.
      if (m[3] === '|' && redirected && stages.length) return undefined;
      if (!endCommand(m[3] === '|')) return undefined;
      if (m[3] === '|') {
        sawPipe = true;
        expectCommand = true;
        continue;
      }
      endPipeline();
      if (m[3] === ';') {
        if (!endStatement()) return undefined;
        afterSemicolon = true;
      } else {
        sawList = true;
        expectCommand = true;
      }
      continue;
    }
    if (m[4] !== undefined) {
      // Only after a command's words (`cmd args > file`), and only more redirects after it.
      if (!words.length) return undefined;
      redirected = true;
      sawRedirect = true;
      continue;
    }
    // A word.
    if (redirected) return undefined;
    const raw = m[5];
    const word: ShellWord = { value: '', raw, start: at, end: TOKEN.lastIndex };
    if (start < 0) start = at;
    end = TOKEN.lastIndex;
    expectCommand = false;
    afterSemicolon = false;
    if (!words.length && ASSIGNMENT.test(raw)) {
      word.value = raw;
      assignments.push(word);
      continue;
    }
    if (RESERVED.has(raw)) return undefined;
    // Command names such as `--a=b`, `=x`, `-` or (after an assignment) `a:b` the grammar reads otherwise.
    if (!words.length && !COMMAND_NAME.test(raw)) return undefined;
    word.value = unquoted(raw);
    words.push(word);
  }
  if (expectCommand) return undefined;
  if (words.length || assignments.length) {
    if (!endCommand(false)) return undefined;
    endPipeline();
  }
  if (!endStatement()) return undefined;
  return { commands, hasPipe, hasError: false };
}

/** A word's value: quotes removed (plain parts hold no escapes or expansions). */
function unquoted(raw: string): string {
  if (!raw.includes("'") && !raw.includes('"')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === "'" || c === '"') {
      const close = raw.indexOf(c, i + 1);
      out += raw.slice(i + 1, close);
      i = close + 1;
    } else {
      let j = i;
      while (j < raw.length && raw[j] !== "'" && raw[j] !== '"') j++;
      out += raw.slice(i, j);
      i = j;
    }
  }
  return out;
}
