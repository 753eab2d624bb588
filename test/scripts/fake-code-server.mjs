#!/usr/bin/env node
// A stand-in for code-server in the `npm start` tests: listens on --bind-addr like the real one, starts a helper
// process (as code-server starts its extension host) and writes what it was given to $FAKE_CODE_SERVER_RECORD.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

const argv = process.argv.slice(2);
const [host, port] = argv[argv.indexOf('--bind-addr') + 1].split(':');
// Same process group as this one (no `detached`), like code-server's forked extension host.
const helper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
// Written before listening: once start sees the port open, the record is complete.
writeFileSync(
  process.env.FAKE_CODE_SERVER_RECORD,
  JSON.stringify({
    pid: process.pid,
    helperPid: helper.pid,
    argv,
    folder: argv[argv.length - 1],
    userDataDir: argv[argv.indexOf('--user-data-dir') + 1],
    kubeconfig: process.env.KUBECONFIG ?? null,
  }),
);
const server = createServer((_req, res) => res.end('fake code-server'));
server.listen(Number(port), host, () => console.log(`HTTP server listening on http://${host}:${port}/`));
