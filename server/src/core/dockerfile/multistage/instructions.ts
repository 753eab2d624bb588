// Reading instructions of the original stage through dockerfile-ast, whose accessors differ per keyword.
import type { Copy, Instruction, Property } from 'dockerfile-ast';
import type { DockerfileModel } from '../model';

/** An instruction exactly as written, continuation lines included. */
export function instructionText(model: DockerfileModel, ins: Instruction): string {
  return model.doc.getText(ins.getRange());
}

/** The name=value properties of an ENV or ARG (ARG has a single one). */
export function properties(ins: Instruction): Property[] {
  const withProps = ins as unknown as { getProperties?: () => Property[]; getProperty?: () => Property | null };
  if (withProps.getProperties) return withProps.getProperties();
  const one = withProps.getProperty?.();
  return one ? [one] : [];
}

/** The value of a `--name=value` flag of a COPY or ADD. */
export function flag(ins: Instruction, name: string): string | undefined {
  return (ins as Copy).getFlags?.().find((f) => f.getName() === name)?.getValue() ?? undefined;
}

/** The source arguments of a COPY or ADD. */
export function copySources(ins: Instruction): string[] {
  return ins.getArguments().slice(0, -1).map((a) => a.getValue());
}
