// One dockerfile-ast parse per text. dockerfile-utils' validate() parses the text again internally, and that
// second parse of a large file costs as much as the rest of its checks; both go through
// DockerfileParser.parse, so remembering the last result lets the validator reuse the model's tree.
import { Argument, DockerfileParser, Instruction, type Dockerfile } from 'dockerfile-ast';

const original = DockerfileParser.parse.bind(DockerfileParser);
let last: { text: string; ast: Dockerfile } | undefined;

/** Parses a Dockerfile, reusing the previous tree when the text is the same (trees are only read). */
export function parseDockerfile(text: string): Dockerfile {
  if (last?.text !== text) last = { text, ast: original(text) };
  return last.ast;
}

DockerfileParser.parse = parseDockerfile;

// dockerfile-ast re-splits an instruction's arguments on every getArguments(), getFlags() or getArgumentsRange()
// call, and the model and the validator make many such calls per instruction: over half the time of analysing a
// large Dockerfile. Trees are only read, so each instruction's split is remembered. Callers get fresh copies, as
// before: ModifiableInstruction.getArguments shifts flags off the array it receives, and From.getImageNameRange
// narrows the range object of the argument it reads.
type ArgumentsOf = (this: Instruction) => Argument[];
const proto = Instruction.prototype as unknown as { getRawArguments: ArgumentsOf };
const rawArguments = proto.getRawArguments;
const splitArguments = new WeakMap<Instruction, Argument[]>();
proto.getRawArguments = function (this: Instruction) {
  let args = splitArguments.get(this);
  if (!args) splitArguments.set(this, (args = rawArguments.call(this)));
  return args.map((a) => {
    const { start, end } = a.getRange();
    return new Argument(a.getValue(), { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } });
  });
};
