// Whether `stevedore lint` colours its text output: a pure decision so every combination can be tested without a terminal.

export interface ColorInputs {
  /** `--color` (true) or `--no-color` (false); undefined when neither was given. */
  flag?: boolean;
  env: Record<string, string | undefined>;
  /** Whether standard output is a terminal. */
  isTTY: boolean;
}

/**
 * Flags win over the environment; FORCE_COLOR (any value but "0" or "false") wins over NO_COLOR, as in Node and
 * supports-color; a non-empty NO_COLOR disables (no-color.org); otherwise colour exactly when writing to a terminal
 * that is not TERM=dumb.
 */
export function useColor({ flag, env, isTTY }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== 'dumb';
}
