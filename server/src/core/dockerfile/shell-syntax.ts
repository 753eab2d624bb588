// From tree-sitter-bash's syntax tree to the simple commands of shell.ts: words unquoted, wrappers such as
// `sudo`, `env` and `gosu` peeled off, pipeline stages numbered.
import type { Node } from 'web-tree-sitter';
import { basename } from './paths';
import type { ShellCommand, ShellScript, ShellWord } from './shell';

const WRAPPERS = new Set(['sudo', 'env', 'command', 'exec', 'nohup', 'time', 'nice', 'doas', 'su-exec', 'gosu']);
// Wrapper options that take a value (`sudo -u user cmd`, `env -u VAR cmd`, `gosu user cmd`).
const WRAPPER_VALUE_OPTS = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-n']);
const TAKES_USER_ARG = new Set(['gosu', 'su-exec']);

type Pipe = { index: number; length: number; id: number };

const SUBSTITUTION = /\$\(|`|[<>]\(/;

/**
 * The commands of a parsed script. Walks with an explicit stack: nesting depth (subshells, substitutions)
 * grows with the input, and a recursive walk overflowed the call stack on 2,000 nested `( … )`.
 */
export function commandsOf(root: Node, source: string): ShellScript {
  const commands: ShellCommand[] = [];
  let hasPipe = false;
  let pipelineId = 0;
  // nested: below a command, only substitutions hold further commands.
  const stack: Array<{ node: Node; pipe?: Pipe; nested: boolean }> = [{ node: root, nested: false }];
  while (stack.length) {
    const { node, pipe, nested } = stack.pop()!;
    const children = node.namedChildren.filter((c): c is Node => c !== null);
    if (nested) {
      const substitution = node.type === 'command_substitution' || node.type === 'process_substitution';
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], nested: !substitution });
      continue;
    }
    if (node.type === 'pipeline') {
      hasPipe = true;
      const id = ++pipelineId;
      const stages = children.filter((c) => c.type !== 'comment');
      for (let i = stages.length - 1; i >= 0; i--) stack.push({ node: stages[i], pipe: { index: i, length: stages.length, id }, nested: false });
      continue;
    }
    if (node.type === 'command') {
      const cmd = toCommand(node, source);
      if (cmd) {
        if (pipe) cmd.pipeline = pipe;
        commands.push(cmd);
      }
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

function toCommand(node: Node, source: string): ShellCommand | undefined {
  const assignments: ShellWord[] = [];
  let nameNode: Node | null = null;
  const argNodes: Node[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'variable_assignment' && !nameNode) assignments.push(toWord(child, source));
    else if (child.type === 'command_name') nameNode = child.namedChild(0) ?? child;
    else if (nameNode && !child.type.endsWith('redirect')) argNodes.push(child);
  }
  if (!nameNode) return undefined;
  return commandOfWords(assignments, [toWord(nameNode, source), ...argNodes.map((n) => toWord(n, source))], node.startIndex, node.endIndex);
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
