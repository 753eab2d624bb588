// What a podman/buildah build stopped by a signal leaves behind, and removing it. Stopped while it starts a RUN
// container, podman exits but the container still starts, re-parented to init, in its own process group and a
// `buildah-…` cgroup, so killing the build's process group does not reach it; and the build's working container
// stays in the image store. Only orphans (parent gone) started after the build began are killed, so another
// build that is still running keeps its RUN containers; containers that appeared during the build are removed at
// once when no other build runs, else once the others have finished (theirs are gone by then). Linux (/proc);
// elsewhere no process is found.
import * as fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** The engine's containers (working containers of builds included) and their removal. */
export interface ContainerStore {
  list(): Promise<Set<string>>;
  remove(ids: string[]): Promise<void>;
}

/** A RUN container being started when the signal came still starts a moment later. */
const CONTAINER_START_SETTLE_MS = 1000;
/** How long a stopped build's working containers wait for other builds to finish before they are left. */
const WAIT_FOR_OTHERS_MS = 180_000;
const POLL_MS = 1000;

const CLOCK_TICKS_PER_S = 100;

function bootTimeMs(): number | undefined {
  try {
    const m = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
    return m ? Number(m[1]) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
  startedMs: number;
  cmdline: string;
}

function processes(): ProcInfo[] {
  const boot = bootTimeMs();
  if (boot === undefined) return [];
  const out: ProcInfo[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
      // priority nice threads itrealvalue starttime …": comm may hold spaces, so split after the last ')'.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (f[0] === 'Z') continue;
      const cmdline = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      out.push({ pid: Number(d), ppid: Number(f[1]), pgid: Number(f[2]), startedMs: boot + (Number(f[19]) * 1000) / CLOCK_TICKS_PER_S, cmdline });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

function inBuildahCgroup(pid: number): boolean {
  try {
    return /\/buildah-buildah\d+/.test(fs.readFileSync(`/proc/${pid}/cgroup`, 'utf8'));
  } catch {
    return false;
  }
}

/** Kills RUN containers orphaned by a stopped build that began at `sinceMs` (epoch); returns the pids killed. */
export function killOrphanedRunContainers(sinceMs: number): number[] {
  // Process start times have clock-tick resolution; a second of slack keeps a container started at once.
  const orphans = processes().filter((p) => p.ppid === 1 && p.startedMs >= sinceMs - 1000 && inBuildahCgroup(p.pid));
  for (const p of orphans) {
    for (const target of [-p.pgid, p.pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  return orphans.map((p) => p.pid);
}

/** True when another podman/buildah build than `ownPid`'s is running (its working container must stay). */
export function otherBuildRunning(ownPid: number | undefined): boolean {
  return processes().some((p) => p.pid !== ownPid && /(?:^|\/)(?:podman|buildah)\s+(?:.*\s)?(?:build|bud)\s/.test(`${p.cmdline} `));
}

/** Kills the RUN containers a stopped build left and removes the containers that appeared since `before`. */
export async function cleanUpStoppedBuild(store: ContainerStore, before: Set<string>, startedMs: number): Promise<void> {
  await sleep(CONTAINER_START_SETTLE_MS);
  killOrphanedRunContainers(startedMs);
  const fresh = [...(await store.list().catch(() => new Set<string>()))].filter((id) => !before.has(id));
  if (!fresh.length) return;
  if (!otherBuildRunning(undefined)) return store.remove(fresh).catch(() => undefined);
  // In the background, without keeping the process alive: another build's fresh container is removed by that
  // build when it ends, so what is still there once no build runs is this one's.
  void (async () => {
    for (let waited = 0; waited < WAIT_FOR_OTHERS_MS && otherBuildRunning(undefined); waited += POLL_MS) await sleep(POLL_MS, undefined, { ref: false });
    if (otherBuildRunning(undefined)) return;
    const still = await store.list();
    const left = fresh.filter((id) => still.has(id));
    if (left.length) await store.remove(left);
  })().catch(() => undefined);
}
