import { perModel, type DockerfileModel, type RunInfo } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { ShellCommand, ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { finalImageCommands, hasCacheMountOn, removedLater } from '../../core/dockerfile/commands';
import { CACHE_MANAGERS, type CacheManager } from '../../core/dockerfile/package-caches';
import { appendCommand } from '../../core/dockerfile/run-append';

interface Uncleaned {
  run: RunInfo;
  cmd: ShellCommand;
  install: ShellWord;
  manager: CacheManager;
}

/** Installs (in final-image stages) with no clean command or rm of the cache after them in the same RUN. */
function findUncleaned(model: DockerfileModel): Uncleaned[] {
  const hits: Uncleaned[] = [];
  for (const { run, cmd, cmds } of finalImageCommands(model)) {
    for (const manager of CACHE_MANAGERS) {
      const install = manager.install(cmd);
      if (!install) continue;
      // Yarn's cache folder moves with YARN_CACHE_FOLDER and the Yarn version; any cache mount named after yarn counts.
      const yarnMount = manager.code === 'DL3060' && run.mounts.some((m) => m.type === 'cache' && m.target?.includes('yarn'));
      const cleanDirs = manager.cleanDirs ?? manager.dirs;
      if (yarnMount || hasCacheMountOn(run, ...cleanDirs)) continue;
      if (cmds.some((c) => c.start > cmd.start && manager.isClean(c)) || cleanDirs.some((d) => removedLater(cmds, cmd, d))) continue;
      hits.push({ run, cmd, install, manager });
    }
  }
  return hits;
}

// "Fix all" applies the fix once per finding of one model: the file is walked once for all of them.
const uncleanedIn = perModel(findUncleaned);

export const pkgCacheNotCleaned: DockerfileRule = {
  id: 'pkg-cache-not-cleaned',
  aliases: ['DL3032', 'DL3040', 'DL3036', 'DL3060'],
  severity: 'warning',
  category: 'size',
  scope: 'instruction',
  docs: {
    summary: 'yum, dnf, microdnf, zypper or yarn installs without cleaning their cache in the same RUN.',
    why: 'These tools keep downloaded metadata and packages in a cache folder (`/var/cache/yum`, `/var/cache/dnf`, `/var/cache/zypp`, yarn\'s global cache) that ships in the layer. Run `yum clean all`, `dnf clean all`, `zypper clean` or `yarn cache clean` in the same RUN, or use a cache mount.',
    bad: 'FROM rockylinux:9\nRUN dnf install -y httpd',
    good: 'FROM rockylinux:9\nRUN dnf install -y httpd && dnf clean all',
  },
  check({ model }) {
    return findUncleaned(model).map(({ cmd, install, manager }) => ({
      message: `\`${cmd.program} ${install.value}\` leaves its package cache in the layer; add \`&& ${manager.clean}\` to the same RUN`,
      range: model.rangeOf(install.start, install.end),
      data: { offset: install.start, code: manager.code, clean: manager.clean },
    }));
  },
  fixes: [
    {
      id: 'append-clean',
      title: (f) => `Append \`&& ${String(f.data?.clean ?? 'clean')}\` to the RUN`,
      safe: true,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const hit = uncleanedIn(model).find((h) => h.install.start === finding.data?.offset);
        const edit = hit && appendCommand(model, hit.run, hit.manager.clean);
        return edit ? { edits: [edit] } : null;
      },
    },
  ],
};
