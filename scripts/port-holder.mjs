// Who listens on a TCP port: read the listening sockets from /proc/net/tcp{,6}, then find the process whose open
// file descriptors include that socket's inode. Linux only, no external tool (ss/lsof may be missing); processes of
// other users are invisible without root, so the answer can be "unknown".
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

const LISTEN = '0A';

/** Inodes of the sockets listening on `port` (any local address, IPv4 and IPv6). */
export function listeningInodes(port, tables = ['/proc/net/tcp', '/proc/net/tcp6']) {
  const inodes = new Set();
  for (const table of tables) {
    let text;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    // "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode"
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || f[3] !== LISTEN) continue;
      if (parseInt(f[1].split(':').pop(), 16) === port) inodes.add(f[9]);
    }
  }
  return inodes;
}

/** The process (pid and command line) holding a listening socket on `port`, or undefined when none is visible. */
export function findPortHolder(port) {
  const inodes = listeningInodes(port);
  if (!inodes.size) return undefined;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    for (const fd of fds) {
      let target;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m && inodes.has(m[1])) return { pid: Number(pid), command: commandLine(pid) };
    }
  }
  return undefined;
}

function commandLine(pid) {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return argv.join(' ');
  } catch {
    return '?';
  }
}

/** Resolves true when 127.0.0.1:port can be bound (nothing listens there on 127.0.0.1 or a wildcard address). */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** One line saying who holds `port` (for the message when it is busy). */
export function describePortHolder(port) {
  const holder = findPortHolder(port);
  if (!holder) return `port ${port} is in use by a process this user cannot see`;
  const command = holder.command.length > 160 ? `${holder.command.slice(0, 157)}...` : holder.command;
  return `port ${port} is in use by pid ${holder.pid} (${command})`;
}
