// DL3001: commands that only make sense on a running system (ssh, vim, service, ps …) run as a RUN command,
// where they either hang the build, do nothing that lasts, or fail without a TTY.
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import type { ShellCommand, ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { allCommands, wordRange } from '../../core/dockerfile/instructions';

const WHY: Record<string, string> = {
  ssh: 'opens a remote session the build cannot answer',
  vim: 'waits for keyboard input the build never gives',
  shutdown: 'has no system to shut down inside a build container',
  service: 'starts a service that stops when the RUN ends; nothing it does at runtime lasts into the image',
  ps: 'lists the processes of a throwaway build container',
  free: 'reports the memory of the build machine, not of where the image will run',
  top: 'waits for a terminal the build does not have',
  kill: 'can only reach processes of the same RUN, which end with it anyway',
  mount: 'needs privileges a build does not have, and mounts do not persist into the image',
  ifconfig: 'shows the network of the build container, not the one the image will run in',
};

/** True for `command -v ssh`: the shell model peels `command` off as a wrapper, but -v/-V only looks the name up. */
function lookedUpOnly(model: DockerfileModel, cmd: ShellCommand): boolean {
  const i = cmd.wrappers.findIndex((w) => w.value === 'command');
  if (i < 0) return false;
  const between = model.text.slice(cmd.wrappers[i].end, (cmd.wrappers[i + 1] ?? cmd.nameWord).start);
  return /(^|\s)-[a-zA-Z]*[vV]/.test(between);
}

/** The name words of such commands, in document order (wrappers like sudo peeled off). */
const pointless = perModel((model: DockerfileModel): ShellWord[] => {
  const out: ShellWord[] = [];
  for (const { cmd } of allCommands(model)) if (Object.hasOwn(WHY, cmd.program) && !lookedUpOnly(model, cmd)) out.push(cmd.nameWord);
  return out;
});

export const pointlessBuildCommand: DockerfileRule = {
  id: 'pointless-build-command',
  aliases: ['DL3001'],
  severity: 'info',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'RUN calls a command meant for a running system (`ssh`, `vim`, `service`, `ps`, `kill`, `mount` …).',
    why: 'A RUN executes once, in a throwaway container without a terminal, and only its file changes are kept. Interactive tools hang or fail there, `service … start` starts something that is gone when the layer is saved, and `ps`/`free`/`ifconfig` describe the build machine. Configure files instead, and start services from CMD or ENTRYPOINT.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y nginx && service nginx start',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y nginx\nCMD ["nginx", "-g", "daemon off;"]',
  },
  check({ model }) {
    return pointless(model).map((w) => ({
      message: `\`${w.value}\` in a RUN ${WHY[w.value.split('/').pop()!]}; leave it out of the build`,
      range: wordRange(model, w),
    }));
  },
};
