// npm run cluster:dev [-- --port <n>] [-- --dir <folder>] — runs the seeded test API server (test/support/apiserver)
// for manual work with kubectl or the extension: one controller tick per second, so rollouts take seconds like on a
// real cluster. Ctrl+C stops it. (`npm start -- --cluster` runs the same server with the editor pointed at it.)
//   --port <n>      port of the API server (default: chosen by the OS; it changes on each run, the kubeconfig follows)
//   --dir <folder>  where to write `kubeconfig` (default: .cache/cluster/ in this checkout, the same path on every
//                   run and the one `npm start -- --cluster` uses, so `stevedore.kubeconfig` can stay set)
// While it runs, type `fail on|off`, `forbid <verb> <resource>` / `forbid off` or `delay <ms>` to inject failures, and
// `load <hpa> <millicores>` / `load <hpa> off` to give an HPA in shop a synthetic CPU use it scales on (1 s = one 15 s sync).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { startTestCluster } from '../test/support/apiserver';

// scripts/demo-workspace.mjs (demoPaths().clusterDir) names the same folder for `npm start -- --cluster`.
const DEFAULT_DIR = path.join(__dirname, '..', '.cache', 'cluster');

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(flag('port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${flag('port')}`);
  const dir = path.resolve(flag('dir') ?? DEFAULT_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const cluster = await startTestCluster({ seed: true, keda: true, tickMs: 1000, port, dir });
  console.log(`Test cluster at ${cluster.url} (contexts: stevedore-test [current], prod-eu, unreachable, bad-token)
kubeconfig: ${cluster.kubeconfig}

  export KUBECONFIG=${cluster.kubeconfig}
  kubectl get deploy -n shop
  kubectl rollout history deployment/web -n shop
  kubectl rollout undo deployment/web -n shop

Commands: fail on|off · forbid <verb> <resource> · forbid off · delay <ms> · load <hpa> <millicores>|off (e.g. load web 600). Ctrl+C stops.`);

  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  rl.on('line', (line) => {
    const [cmd, a, b] = line.trim().split(/\s+/);
    if (cmd === 'fail' && (a === 'on' || a === 'off')) cluster.setFailRollouts(a === 'on');
    else if (cmd === 'forbid' && a === 'off') cluster.setForbidden(null);
    else if (cmd === 'forbid' && a) cluster.setForbidden({ verb: a, resource: b });
    else if (cmd === 'delay' && Number.isFinite(Number(a))) cluster.setDelay(Number(a));
    else if (cmd === 'load' && a && (b === 'off' || Number(b) >= 0)) cluster.setHpaLoad('shop', a, b === 'off' ? null : Number(b));
    else if (cmd) return console.log(`unknown command: ${line.trim()}`);
    else return;
    console.log('ok');
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    rl.close();
    await cluster.close();
    console.log('\nTest cluster stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGHUP', () => void stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
