// Side-by-side benchmark (never a timed test): our language server and the servers it replaces — the Docker
// extension's docker-langserver and yaml-language-server with a local Kubernetes schema — driven over stdio by the
// same client on the same generated inputs, in one run. Prints medians and ratios (ours / theirs). The parts live in
// scripts/bench-peers/: the stdio session and measure (session.ts), the servers and inputs (servers.ts), the table's
// rows (table.ts) and the CLI rows (cli.ts).
//
//   npm run bench:peers                 three rounds, every size
//   npm run bench:peers -- --rounds 1 --sizes small,medium
//   npm run bench:peers -- --budget 20000   our analysis budget raised, to time whole analyses on a loaded machine
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliRows } from './bench-peers/cli';
import { bareServer, inputs, servers } from './bench-peers/servers';
import { idleRows, inputRows } from './bench-peers/table';

export { measure, idle } from './bench-peers/session';
export { servers } from './bench-peers/servers';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const rounds = Number(arg('rounds', '3'));
  const sizes = new Set(arg('sizes', 'small,medium,large,cli').split(','));
  const specs = servers();
  const budget = Number(arg('budget', 'NaN'));
  if (budget >= 0) for (const spec of specs) if (spec.name === 'Stevedore') spec.initializationOptions = { analysisBudgetMs: budget };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-bench-peers-'));
  console.log(`# bench:peers — ${os.cpus().length} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}, medians of ${rounds} rounds (each a fresh process)${budget >= 0 ? `, our analysis budget ${budget} ms` : ''}`);
  console.log('| input | measure | Stevedore | anchor | ratio |');
  console.log('|---|---|---|---|---|');
  try {
    // Start-up is short and noisy (one round of 3 read 1.91× where 9 read 1.33×): at least five rounds.
    await idleRows(Math.max(rounds, 5), specs[0], bareServer(), work);
    for (const input of inputs(sizes)) {
      const [ours, theirs] = specs.filter((s) => s.kind === input.kind);
      await inputRows(rounds, input, ours, theirs, work);
    }
    if (sizes.has('cli')) cliRows(rounds, work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`bench:peers: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
