// node scripts/group-watchdog.mjs <pgid>: stops process group <pgid> when its parent dies.
// `npm start` runs code-server in a process group of its own (so that one signal reaches code-server and everything
// it forked) and starts this watchdog with a pipe on stdin. The parent never writes to it; when the parent exits —
// even by SIGKILL, which no handler sees — the kernel closes the pipe, stdin ends here, and the group is stopped.
// The watchdog runs in its own group too, so the terminal's SIGINT/SIGHUP do not take it down before it is needed.
import { setInterval } from 'node:timers';
import { groupAlive, stopGroup } from './process-group.mjs';

const pgid = Number(process.argv[2]);
if (!Number.isInteger(pgid) || pgid <= 1) {
  process.stderr.write(`group-watchdog: expected a process group id, got ${process.argv[2]}\n`);
  process.exit(2);
}
for (const signal of ['SIGINT', 'SIGHUP']) process.on(signal, () => {});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stopGroup(pgid);
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
// The group ended by itself (the parent stopped it, or code-server exited): nothing left to watch.
setInterval(() => {
  if (!stopping && !groupAlive(pgid)) process.exit(0);
}, 1000);
process.on('SIGTERM', stop);
