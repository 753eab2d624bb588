// Stopping a child that runs in its own process group (spawned with `detached: true`), with everything it started:
// code-server forks an extension host, which starts our language server; killing only the top pid would leave them.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Pids of the live (not zombie) processes in group `pgid`, from /proc; undefined where /proc is missing. */
export function groupMembers(pgid) {
  let pids;
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  const members = [];
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ')'.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') members.push(Number(pid));
    } catch {
      /* exited meanwhile */
    }
  }
  return members;
}

/**
 * True while a live process of group `pgid` exists. Zombies do not count: a killed grandchild whose parent died
 * waits for init to reap it, and not every init here does.
 */
export function groupAlive(pgid) {
  const members = groupMembers(pgid);
  if (members) return members.length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** Sends SIGTERM to the group, then SIGKILL to what is left after `graceMs`; resolves when the group is gone. */
export async function stopGroup(pgid, graceMs = 5000) {
  const signal = (name) => {
    try {
      process.kill(-pgid, name);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
  if (!groupAlive(pgid)) return;
  signal('SIGKILL');
  const killDeadline = Date.now() + 2000;
  while (groupAlive(pgid) && Date.now() < killDeadline) await sleep(20);
}
