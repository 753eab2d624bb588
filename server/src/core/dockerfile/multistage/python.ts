// Python: pip installs into a virtualenv in the builder, and a slim python stage gets the venv and the app.
import { copySources, flag, properties } from './instructions';
import { family, packageLines } from './packages';
import { resolvePath } from '../paths';
import { insertBefore, type Plan } from './plan';
import { allRunCommands } from '../commands';
import { pipInstall } from '../package-managers';
import { pythonSlim, replicateCopy, runtimeEnvs, userLines } from './runtime';

const PY_DEPENDENCY_FILE = /^(?:\.\/)?(?:requirements[\w.-]*\.(?:txt|in)|constraints[\w.-]*\.txt|Pipfile(?:\.lock)?|poetry\.lock|pyproject\.toml|setup\.(?:py|cfg)|uv\.lock)$/;

/** Fills in the plan for a python image that pip-installs; false when it does not or the venv path is unknown. */
export function pythonTemplate(p: Plan): boolean {
  const { model, image, stage } = p.f;
  const all = [...allRunCommands(model)];
  const pips = all.filter(({ cmd }) => !!pipInstall(cmd));
  if (!pips.length || pips.some(({ run }) => run.execForm)) return false;
  const made = all.find(({ cmd }) => (/^python/.test(cmd.program) && cmd.args[0]?.value === '-m' && cmd.args[1]?.value === 'venv') || cmd.program === 'virtualenv');
  let venv = '/opt/venv';
  if (made) {
    const args = made.cmd.program === 'virtualenv' ? made.cmd.args : made.cmd.args.slice(2);
    const dir = args.find((a) => !a.value.startsWith('-'))?.value;
    if (!dir || dir.includes('$')) return false;
    venv = resolvePath(p.f.wdBefore.get(made.run.instruction) ?? '/', dir);
  } else {
    // Created as root, before a USER the installs run as, and handed over to that user.
    const at = stage.instructions.indexOf(pips[0].run.instruction);
    const user = stage.instructions.slice(0, at).filter((i) => i.getKeyword() === 'USER').pop();
    const owner = user?.getArguments()[0]?.getValue();
    const nonRoot = owner && !/^(?:root|0)(?::|$)/.test(owner);
    insertBefore(p, nonRoot && user ? user : pips[0].run.instruction, `RUN python -m venv /opt/venv${nonRoot ? ` && chown -R ${owner} /opt/venv` : ''}`, 'ENV PATH=/opt/venv/bin:$PATH');
  }
  // `pip install --user` is refused inside a venv.
  for (const { cmd } of pips) {
    const i = cmd.args.findIndex((a) => a.value === '--user');
    if (i >= 0) p.edits.push({ start: (cmd.args[i - 1] ?? cmd.nameWord).end, end: cmd.args[i].end, text: '' });
  }
  p.runtimeImage = pythonSlim(image);
  p.body.push(...packageLines(model, family(p.runtimeImage)), ...userLines(p), `COPY --from=build ${venv} ${venv}`);
  const pathSet = stage.instructions.some((i) => i.getKeyword() === 'ENV' && properties(i).some((pr) => pr.getName() === 'PATH' && (pr.getValue() ?? '').includes(venv)));
  if (!pathSet) p.body.push(`ENV PATH=${venv}/bin:$PATH`);
  if (p.f.hasWorkdir) p.body.push(`WORKDIR ${p.f.finalWd}`);
  p.body.push(...runtimeEnvs(p));
  const app = stage.instructions.filter((i) => /^(?:COPY|ADD)$/.test(i.getKeyword()) && !flag(i, 'from') && !copySources(i).every((s) => PY_DEPENDENCY_FILE.test(s)));
  p.body.push(...app.map((i) => replicateCopy(p, i)));
  return true;
}
