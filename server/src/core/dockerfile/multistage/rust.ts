// Rust: the builder runs `cargo build` and a distroless stage runs the binary from target/.
import { hasOption } from '../shell';
import { commandName } from './commands';
import { binaryRuntime } from './distroless';
import { resolvePath } from '../paths';
import { dirAt, type Plan } from './plan';
import { allRunCommands, positionals } from '../commands';

/** Fills in the plan for a Cargo build; false when the binary's name or location is unknown. */
export function rustTemplate(p: Plan): boolean {
  const builds = [...allRunCommands(p.f.model)].filter(({ cmd }) => cmd.program === 'cargo' && positionals(cmd)[0]?.value === 'build');
  const last = builds[builds.length - 1];
  // A custom target directory moves the binary somewhere we cannot see.
  if (!last || p.f.model.text.includes('CARGO_TARGET_DIR')) return false;
  const { cmd, run } = last;
  const opt = (name: string) => cmd.args[cmd.args.findIndex((a) => a.value === name) + 1]?.value;
  const profile = hasOption(cmd, '--release', '-r') ? 'release' : cmd.args.some((a) => a.value === '--profile') ? opt('--profile') : 'debug';
  const target = cmd.args.some((a) => a.value === '--target') ? `${opt('--target')}/` : '';
  const name = cmd.args.some((a) => a.value === '--bin') ? opt('--bin') : commandName(p.f.model, p.f.stage);
  if (!name || !profile || profile.includes('$') || target.includes('$')) return false;
  const dir = `target/${target}${profile === 'dev' ? 'debug' : profile}`;
  const path = resolvePath(dirAt(p, run, cmd), `${dir}/${name}`);
  // musl binaries are static; glibc ones need the C runtime that distroless/cc has.
  const musl = (p.f.image.tag ?? '').includes('alpine') || target.includes('musl');
  return binaryRuntime(p, [{ name, path }], `gcr.io/distroless/${musl ? 'static' : 'cc'}-debian12:nonroot`);
}
