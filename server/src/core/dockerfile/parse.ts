// One dockerfile-ast parse per text. dockerfile-utils' validate() parses the text again internally, and that
// second parse of a large file costs as much as the rest of its checks; both go through
// DockerfileParser.parse, so remembering the last result lets the validator reuse the model's tree.
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';

const original = DockerfileParser.parse.bind(DockerfileParser);
let last: { text: string; ast: Dockerfile } | undefined;

/** Parses a Dockerfile, reusing the previous tree when the text is the same (trees are only read). */
export function parseDockerfile(text: string): Dockerfile {
  if (last?.text !== text) last = { text, ast: original(text) };
  return last.ast;
}

DockerfileParser.parse = parseDockerfile;
