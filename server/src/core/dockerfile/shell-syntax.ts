// From tree-sitter-bash's syntax tree to the simple commands of shell.ts: words unquoted, wrappers such as
// `sudo`, `env` and `gosu` peeled off, pipeline stages numbered as the shell groups them (the grammar nests some
// pipelines wrongly: chainOf).
import type { Node } from 'web-tree-sitter';
import { basename } from './paths';
import type { ShellCommand, ShellScript, ShellWord } from './shell';

const WRAPPERS = new Set(['sudo', 'env', 'command', 'exec', 'nohup', 'time', 'nice', 'doas', 'su-exec', 'gosu']);
// Wrapper options that take a value (`sudo -u user cmd`, `env -u VAR cmd`, `gosu user cmd`).
const WRAPPER_VALUE_OPTS = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-n']);
const TAKES_USER_ARG = new Set(['gosu', 'su-exec']);

type Pipe = { index: number; length: number; id: number };
/** Which of a split command's commands a visit stands for (chainOf): all but the last, or the last. */
type Part = 'head' | 'tail';
type Member = { node: Node; part?: Part };

const SUBSTITUTION = /\$\(|`|[<>]\(/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/**
 * The commands of a parsed script. Walks with an explicit stack: nesting depth (subshells, substitutions)
 * grows with the input, and a recursive walk overflowed the call stack on 2,000 nested `( … )`.
 */
export function commandsOf(root: Node, source: string): ShellScript {
  const commands: ShellCommand[] = [];
  let hasPipe = false;
  let pipelineId = 0;
  // nested: below a command, only substitutions hold further commands.
  const stack: Array<{ node: Node; pipe?: Pipe; nested: boolean; part?: Part }> = [{ node: root, nested: false }];
  while (stack.length) {
    const { node, pipe, nested, part } = stack.pop()!;
    const children = node.namedChildren.filter((c): c is Node => c !== null);
    if (nested) {
      const substitution = node.type === 'command_substitution' || node.type === 'process_substitution';
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], nested: !substitution });
      continue;
    }
    if (isChain(node)) {
      // A chain of pipelines and lists, regrouped by the shell's precedence (see chainOf).
      const chain = chainOf(node, source);
      if (chain) {
        for (let i = chain.other.length - 1; i >= 0; i--) stack.push({ node: chain.other[i], nested: false });
        // Pipelines numbered in source order, as the walk numbers the grammar's own pipelines.
        const ids = chain.groups.map((group) => (group.length > 1 ? ++pipelineId : 0));
        if (ids.some(Boolean)) hasPipe = true;
        for (let g = chain.groups.length - 1; g >= 0; g--) {
          const group = chain.groups[g];
          const id = ids[g];
          for (let i = group.length - 1; i >= 0; i--) stack.push({ ...group[i], pipe: id ? { index: i, length: group.length, id } : undefined, nested: false });
        }
        continue;
      }
    }
    if (node.type === 'pipeline') {
      hasPipe = true;
      const id = ++pipelineId;
      const stages = children.filter((c) => c.type !== 'comment');
      for (let i = stages.length - 1; i >= 0; i--) stack.push({ node: stages[i], pipe: { index: i, length: stages.length, id }, nested: false });
      continue;
    }
    if (node.type === 'command') {
      const cmds = toCommands(node, source);
      // A command the grammar ran on past a line break is in a chain twice: its first command ends one pipeline, its
      // last starts the next (chainOf).
      const own = part === 'tail' ? cmds.slice(-1) : part === 'head' ? cmds.slice(0, -1) : cmds;
      if (own[0] && pipe) own[0].pipeline = pipe;
      commands.push(...own);
      if (part === 'tail') continue;
      // Command substitutions inside arguments hold commands too; most words have none (every visit is a call
      // into WebAssembly, and one RUN may hold thousands of words).
      for (let i = children.length - 1; i >= 0; i--) if (SUBSTITUTION.test(textOf(children[i], source))) stack.push({ node: children[i], nested: true });
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], pipe: node.type === 'redirected_statement' ? pipe : undefined, nested: false });
  }
  commands.sort((a, b) => a.start - b.start);
  return { commands, hasPipe, hasError: root.hasError };
}

/** A pipeline, a list, or a redirected one: the nodes tree-sitter-bash's misnesting mixes. */
function isChain(node: Node): boolean {
  if (node.type === 'pipeline' || node.type === 'list') return true;
  if (node.type !== 'redirected_statement') return false;
  const body = node.childForFieldName('body');
  return body?.type === 'pipeline' || body?.type === 'list';
}

const PIPE_OPS = new Set(['|', '|&']);
const LIST_OPS = new Set(['&&', '||']);

/**
 * The commands of a chain of pipelines and lists (`a | b | c && d || e | f`) grouped into pipelines as the shell
 * reads them: `|` binds tighter than `&&` and `||`. tree-sitter-bash gets this wrong once a pipeline has three or
 * more stages: `a | b | c && d` comes as `a | ((b | c) && d)`, and `a | b | c || d 2>&1 | e` as
 * `((a | ((b | c) || d)) 2>&1) | e`. So the chain is flattened in source order — its units (commands, subshells,
 * redirected commands) and operators — and regrouped: each run of units joined by `|` is one pipeline. Redirects of a
 * redirected pipeline or list (`other`) hold commands only in a process substitution. Undefined when the operators
 * do not fall between the units (a syntax error): then the tree is walked as it is.
 */
function chainOf(root: Node, source: string): { groups: Member[][]; other: Node[] } | undefined {
  const units: Node[] = [];
  const ops: string[] = [];
  const other: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'redirected_statement' && isChain(node)) {
      const body = node.childForFieldName('body')!;
      for (const c of node.namedChildren) if (c && c.startIndex >= body.endIndex) other.push(c);
      stack.push(body);
    } else if (node.type === 'pipeline' || node.type === 'list') {
      for (let i = node.childCount - 1; i >= 0; i--) {
        const c = node.child(i);
        if (c) stack.push(c);
      }
    } else if (PIPE_OPS.has(node.type) || LIST_OPS.has(node.type)) ops.push(node.type);
    else if (node.isNamed && node.type !== 'comment') units.push(node);
  }
  if (!units.length || ops.length !== units.length - 1) return undefined;
  const groups: Member[][] = [];
  let group: Member[] = [];
  for (let i = 0; i < units.length; i++) {
    if (i > 0 && LIST_OPS.has(ops[i - 1])) {
      groups.push(group);
      group = [];
    }
    const unit = units[i];
    // `c⏎d` read as one command: c ends this pipeline, d begins the next (toCommands splits the words).
    if (unit.type === 'command' && breaksLine(unit, source)) {
      group.push({ node: unit, part: 'head' });
      groups.push(group);
      group = [{ node: unit, part: 'tail' }];
    } else group.push({ node: unit });
  }
  groups.push(group);
  return { groups, other };
}

/** Whether a command node runs on past an unescaped line break after its name (where toCommands splits it). */
function breaksLine(node: Node, source: string): boolean {
  // Most commands are on one line: no call into WebAssembly for their words.
  const newline = source.indexOf('\n', node.startIndex);
  if (newline < 0 || newline >= node.endIndex) return false;
  let named = false;
  let lastEnd = -1;
  for (const child of node.namedChildren) {
    if (!child || child.type.endsWith('redirect')) continue;
    if (named && lineBreakBetween(source, lastEnd, child.startIndex)) return true;
    if (child.type === 'command_name') named = true;
    lastEnd = child.endIndex;
  }
  return false;
}

/** Whether only blanks and a line break (not an escaped one) lie between offsets `from` and `to`. */
function lineBreakBetween(source: string, from: number, to: number): boolean {
  const gap = source.slice(from, to).replace(/\\\r?\n/g, '');
  return /\n/.test(gap) && /^\s*$/.test(gap);
}

// A node's text is sliced from the source here: web-tree-sitter's Node.text copies the whole rest of the script
// for every node (its text callback returns input.slice(index)), which made 10,000 words take over a second.
function textOf(node: Node, source: string): string {
  return source.slice(node.startIndex, node.endIndex);
}

function toWord(node: Node, source: string): ShellWord {
  return { value: unquote(node, source), raw: textOf(node, source), start: node.startIndex, end: node.endIndex };
}

function unquote(node: Node, source: string): string {
  switch (node.type) {
    case 'raw_string':
      return textOf(node, source).slice(1, -1);
    case 'string': {
      const t = textOf(node, source);
      return t.length >= 2 ? t.slice(1, -1) : t;
    }
    case 'ansi_c_string':
      return textOf(node, source).slice(2, -1);
    case 'concatenation':
      return node.namedChildren.map((c) => (c ? unquote(c, source) : '')).join('');
    case 'word':
    case 'number':
      return textOf(node, source).replace(/\\(.)/g, '$1');
    default:
      return textOf(node, source);
  }
}

/**
 * The simple commands of a command node: one, except where tree-sitter-bash ran a command on past a line break. After
 * the misnested pipeline above, `a | b | c⏎d && e` comes as the command `c d`; the shell reads `d` as a command of
 * its own, and so does this (an escaped line break continues the command as before).
 */
function toCommands(node: Node, source: string): ShellCommand[] {
  const out: ShellCommand[] = [];
  let assignments: ShellWord[] = [];
  let nameNode: Node | null = null;
  let argNodes: Node[] = [];
  let start = node.startIndex;
  let lastEnd = -1;
  let split = false;
  const finish = (end: number) => {
    const cmd = nameNode && commandOfWords(assignments, [toWord(nameNode, source), ...argNodes.map((n) => toWord(n, source))], start, end);
    if (cmd) out.push(cmd);
  };
  for (const child of node.namedChildren) {
    if (!child) continue;
    const redirect = child.type.endsWith('redirect');
    if (nameNode && !redirect && lineBreakBetween(source, lastEnd, child.startIndex)) {
      finish(lastEnd);
      assignments = [];
      argNodes = [];
      start = child.startIndex;
      nameNode = null;
      split = true;
    }
    if (split && !nameNode && !redirect) {
      // The words after the break as the shell reads a command: assignments, then the name.
      if (ASSIGNMENT.test(textOf(child, source))) assignments.push(toWord(child, source));
      else nameNode = child;
    } else if (child.type === 'variable_assignment' && !nameNode) assignments.push(toWord(child, source));
    else if (child.type === 'command_name') nameNode = child.namedChild(0) ?? child;
    else if (nameNode && !redirect) argNodes.push(child);
    if (!redirect) lastEnd = child.endIndex;
  }
  finish(node.endIndex);
  return out;
}

/**
 * The simple command of `words` (its name and arguments, after `assignments`) spanning `start`–`end`, with wrappers
 * such as `sudo -E` peeled off; undefined when only wrappers remain. Shared with the simple-script parser.
 */
export function commandOfWords(assignments: ShellWord[], words: ShellWord[], start: number, end: number): ShellCommand | undefined {
  const wrappers: ShellWord[] = [];
  // Peel `sudo -E apt-get …`, `env A=b apt-get …`, `gosu user cmd` down to the real command.
  while (words.length > 1 && WRAPPERS.has(basename(words[0].value))) {
    const wrapper = basename(words[0].value);
    wrappers.push(words[0]);
    let i = 1;
    while (i < words.length) {
      const v = words[i].value;
      if (v === '--') { i++; break; }
      // `env A=b cmd` and `sudo A=b cmd` set variables for the command.
      if ((wrapper === 'env' || wrapper === 'sudo' || wrapper === 'doas') && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) { i++; continue; }
      if (v.startsWith('-') && v.length > 1) { i += WRAPPER_VALUE_OPTS.has(v) ? 2 : 1; continue; }
      break;
    }
    if (TAKES_USER_ARG.has(wrapper)) i++;
    if (i >= words.length) return undefined;
    words = words.slice(i);
  }
  const nameWord = words[0];
  return {
    name: nameWord.value,
    program: basename(nameWord.value),
    nameWord,
    args: words.slice(1),
    wrappers,
    assignments,
    start,
    end,
  };
}
