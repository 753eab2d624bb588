// A Dockerfile without FROM — a fragment being typed, a file of ONBUILD-style includes, a snippet in a doc — is
// analysed as if its instructions were one stage of an unknown base image, so the rules still check what is there
// (the syntax rule says FROM is missing). The stage's FROM is a zero-width placeholder where the first instruction
// starts; it names no image, so rules about the base image stay silent.
import { From, type Dockerfile, type Instruction } from 'dockerfile-ast';
import type { Position } from '../types';

/** The placeholder FROM of a fragment, at `at` (the first instruction's start). */
export function placeholderFrom(ast: Dockerfile, escape: string, at: Position): From {
  const document = (ast as unknown as { document: ConstructorParameters<typeof From>[0] }).document;
  const range = { start: at, end: at };
  return new From(document, range, ast as unknown as ConstructorParameters<typeof From>[2], escape, '', range);
}

/** True when the file has instructions but no FROM at all. */
export function isFragment(instructions: Instruction[]): boolean {
  return instructions.length > 0 && !instructions.some((i) => i.getKeyword() === 'FROM');
}
