// The user a stage runs as: USER values, root's names, and the USER in effect at the end of a stage.
import type { Instruction } from 'dockerfile-ast';
import type { Stage } from './model';

/** The user part of a USER value (`app` of `app:app`), or undefined when it uses a variable. */
export function userName(ins: Instruction): string | undefined {
  const value = ins.getArguments()[0]?.getValue() ?? '';
  return value.includes('$') ? undefined : value.split(':')[0];
}

/** True for the names Docker maps to UID 0. */
export function isRootUser(user: string): boolean {
  return user === 'root' || /^0+$/.test(user);
}

/** The last USER instruction in effect at the end of a stage, following `FROM <stage>` parents. */
export function lastUser(stage: Stage): Instruction | undefined {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const users = s.instructions.filter((i) => i.getKeyword() === 'USER');
    if (users.length) return users[users.length - 1];
  }
  return undefined;
}
