// What a user-creating command of a RUN says: `useradd`, busybox `adduser` and Debian's `adduser` — the new user's
// name, the UID asked for, and whether lastlog/faillog initialisation is skipped (useradd -l).
import type { ShellCommand, ShellWord } from './shell';

/** Short options that take a value, per program (a value may be glued: `-u1000`, `-mu 1000`). */
const SHORT_VALUE_OPTS: Record<string, string> = { useradd: 'bcdefgGkKpPRsuZ', adduser: 'hgsGuk' };
/** Long options that take a value as the next word (`--uid 1000`; `--uid=1000` needs no skipping). */
const LONG_VALUE_OPTS = new Set([
  '--base-dir', '--comment', '--home-dir', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key', '--password',
  '--root', '--prefix', '--shell', '--uid', '--selinux-user', '--home', '--gecos', '--ingroup', '--firstuid', '--lastuid',
  '--firstgid', '--lastgid', '--conf', '--extrausers',
]);

export interface AddUser {
  /** The user's name (the first operand). */
  name?: ShellWord;
  /** The value of `-u` / `--uid`, as written. */
  uid?: string;
  /** `-l` / `--no-log-init` (useradd). */
  noLogInit: boolean;
}

/** The options of a `useradd` or `adduser` command, or undefined for other commands. */
export function addUserOptions(cmd: ShellCommand): AddUser | undefined {
  const shortOpts = SHORT_VALUE_OPTS[cmd.program];
  if (!shortOpts) return undefined;
  const out: AddUser = { noLogInit: false };
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i].value;
    if (v === '--') {
      out.name ??= cmd.args[i + 1];
      break;
    }
    if (v === '--no-log-init') out.noLogInit = true;
    else if (v.startsWith('--uid=')) out.uid = v.slice(6);
    else if (LONG_VALUE_OPTS.has(v)) {
      if (v === '--uid') out.uid = cmd.args[i + 1]?.value;
      i++;
    } else if (/^-[^-]/.test(v)) {
      for (let j = 1; j < v.length; j++) {
        if (v[j] === 'l' && cmd.program === 'useradd') out.noLogInit = true;
        if (!shortOpts.includes(v[j])) continue;
        const value = j + 1 < v.length ? v.slice(j + 1) : cmd.args[++i]?.value;
        if (v[j] === 'u') out.uid = value;
        break;
      }
    } else if (!v.startsWith('-')) out.name ??= cmd.args[i];
  }
  return out;
}
