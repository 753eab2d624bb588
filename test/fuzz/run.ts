// `npm run fuzz`: a long fuzz campaign against one server.
//   tsx test/fuzz/run.ts [--seed N] [--count N] [--minutes N] [--no-corpus] [--only NAME]... [--index N]... [--limit-ms N]
// Without --seed a random one is chosen and printed; failing inputs go to test-results/fuzz/ with a replay command.
import * as path from 'node:path';
import { runCampaign } from './campaign';

function parse(argv: string[]) {
  const opts = { seed: Math.floor(Math.random() * 2 ** 31), count: Infinity, minutes: undefined as number | undefined, corpus: true, names: [] as string[], indexes: [] as number[], limitMs: 1000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const number = () => {
      const n = Number(value());
      if (!Number.isFinite(n)) throw new Error(`${flag} needs a number`);
      return n;
    };
    if (flag === '--seed') opts.seed = number() >>> 0;
    else if (flag === '--count') opts.count = number();
    else if (flag === '--minutes') opts.minutes = number();
    else if (flag === '--no-corpus') opts.corpus = false;
    else if (flag === '--only') opts.names.push(value());
    else if (flag === '--index') opts.indexes.push(number());
    else if (flag === '--limit-ms') opts.limitMs = number();
    else throw new Error(`unknown option ${flag}`);
  }
  // Neither a count nor a duration: ten minutes.
  if (opts.count === Infinity && opts.minutes === undefined) opts.minutes = 10;
  return opts;
}

async function main(): Promise<number> {
  let opts: ReturnType<typeof parse>;
  try {
    opts = parse(process.argv.slice(2));
  } catch (e) {
    console.error(`fuzz: ${(e as Error).message}`);
    return 2;
  }
  const replaying = opts.names.length > 0 || opts.indexes.length > 0;
  console.log(`fuzz: seed ${opts.seed}${replaying ? ' (replay)' : `, count ${opts.count}, minutes ${opts.minutes ?? '-'}`}`);
  const result = await runCampaign({
    seed: opts.seed,
    count: opts.count,
    minutes: opts.minutes,
    corpus: opts.corpus && !replaying,
    only: replaying ? { names: opts.names.length ? opts.names : undefined, indexes: opts.indexes.length ? opts.indexes : [] } : undefined,
    limitMs: opts.limitMs,
    saveDir: path.resolve(__dirname, '../../test-results/fuzz'),
    log: (line) => console.log(line),
  });
  console.log(
    `fuzz: ${result.inputs} inputs, ${result.failures.length} failures, RSS ${result.baselineRssMb} -> ${result.finalRssMb} MB (${result.phaseRss.join(', ')}), ` +
      `slowest ${result.slowest.ms} ms (${result.slowest.request} on ${result.slowest.input}), server restarts ${result.restarts}; seed ${opts.seed}`,
  );
  // Inputs' failures are saved with a replay command; the whole run's (RSS growth, health checks) only show here.
  for (const f of result.failures.slice(0, 20)) console.log(`  ${f.input} | ${f.request} | ${f.error}${f.ms === undefined ? '' : ` | ${f.ms} ms`}`);
  return result.failures.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(1);
});
