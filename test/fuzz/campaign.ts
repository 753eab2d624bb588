// One fuzz campaign over a single server: the regression corpus and/or seeded mutated inputs, with periodic health
// checks and the RSS bound. Shared by `npm run fuzz` (run.ts) and the bounded run in `npm test` (fuzz.test.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostile, hostileInputs, seedCorpus, type FuzzInput } from './corpus';
import { FuzzDriver, type Failure } from './driver';
import { fuzzInput } from './mutate';
import { rngFor, type Rng } from './prng';

export interface CampaignOptions {
  seed: number;
  /** Mutated inputs to run (after the corpus); Infinity with `minutes` for a timed run. */
  count: number;
  minutes?: number;
  /** No new mutated input starts after the mutated phase has run this long (ms): bounds a run on a loaded machine. */
  mutatedBudgetMs?: number;
  /** Run the mutated inputs before the regression corpus (so a slow corpus cannot use up their budget). */
  mutatedFirst?: boolean;
  /** Run the regression corpus first. */
  corpus: boolean;
  /** Only these regression-corpus names / mutated indexes (replay). */
  only?: { names?: string[]; indexes?: number[] };
  /** RSS after the run minus RSS after warm-up must stay below this (MB). */
  rssBoundMb?: number;
  limitMs?: number;
  hangMs?: number;
  /** Where failing inputs are written (with a replay command). */
  saveDir?: string;
  log?: (line: string) => void;
}

export interface CampaignResult {
  inputs: number;
  /** Mutated inputs run (fewer than `count` when the deadline came first). */
  mutated: number;
  failures: Failure[];
  baselineRssMb: number;
  finalRssMb: number;
  /** RSS after each phase (mutated inputs, corpus), to tell which one grew it. */
  phaseRss: string[];
  slowest: FuzzDriver['slowest'];
  restarts: number;
}

const HEALTH_EVERY = 50;

/** The request positions and edits for regression input `i`: fixed, whatever the run's seed, so a replay matches. */
export const corpusRequestRng = (i: number): Rng => rngFor(0x5bd1e995, i);
/** The request positions and edits for mutated input `index` of a run. */
export const inputRequestRng = (seed: number, index: number): Rng => rngFor(seed ^ 0x5bd1e995, index);

/** The inputs mutation draws from: the seed corpus plus the small regression inputs (large ones are run as-is). */
export function mutationCorpus(): FuzzInput[] {
  return [...seedCorpus(), ...hostileInputs.map(hostile).filter((i) => i.text.length < 20_000)];
}

export function replayCommand(seed: number, what: { name?: string; index?: number }): string {
  return what.name !== undefined ? `npx tsx test/fuzz/run.ts --only '${what.name}'` : `npx tsx test/fuzz/run.ts --seed ${seed} --index ${what.index}`;
}

function save(dir: string, file: string, input: FuzzInput, failures: Failure[], replay: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${file.replace(/[^\w.-]+/g, '_')}.${input.kind === 'dockerfile' ? 'Dockerfile' : 'yaml'}`);
  fs.writeFileSync(target, input.text);
  fs.writeFileSync(`${target}.txt`, [`input: ${input.name}`, `replay: ${replay}`, ...failures.map((f) => `${f.request} | ${f.error}${f.ms === undefined ? '' : ` | ${f.ms} ms`}`)].join('\n') + '\n');
  return target;
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const log = options.log ?? (() => {});
  const driver = new FuzzDriver({ limitMs: options.limitMs, hangMs: options.hangMs });
  const failures: Failure[] = [];
  let inputs = 0;
  const deadline = options.minutes ? Date.now() + options.minutes * 60_000 : Infinity;
  let mutated = 0;
  const phaseRss: string[] = [];
  const record = (input: FuzzInput, found: Failure[], replay: string, file: string) => {
    if (!found.length) return;
    failures.push(...found);
    for (const f of found) log(`FAIL ${f.input} | ${f.request} | ${f.error}${f.ms === undefined ? '' : ` | ${f.ms} ms`}`);
    const saved = options.saveDir ? ` (input saved to ${save(options.saveDir, file, input, found, replay)})` : '';
    log(`  replay: ${replay}${saved}`);
  };
  try {
    failures.push(...(await driver.start()));
    log(`server warm, RSS ${driver.baselineRssMb} MB`);
    const step = async (input: FuzzInput, rng: Rng, replay: string, file: string) => {
      record(input, await driver.exercise(input, rng), replay, file);
      if (++inputs % HEALTH_EVERY === 0) failures.push(...(await driver.healthCheck(`health check after ${inputs} inputs`)));
    };
    const runCorpus = async () => {
      if (!options.corpus && !options.only?.names) return;
      for (const [i, named] of hostileInputs.entries()) {
        if (options.only?.names && !options.only.names.includes(named.name)) continue;
        await step(hostile(named), corpusRequestRng(i), replayCommand(options.seed, { name: named.name }), named.name);
      }
    };
    const runMutated = async () => {
      const corpus = mutationCorpus();
      const indexes = options.only?.indexes ?? (options.only?.names ? [] : undefined);
      const stopAt = Math.min(deadline, Date.now() + (options.mutatedBudgetMs ?? Infinity));
      for (let n = 0; indexes ? n < indexes.length : n < options.count && Date.now() < stopAt; n++) {
        const index = indexes ? indexes[n] : n;
        await step(fuzzInput(options.seed, index, corpus), inputRequestRng(options.seed, index), replayCommand(options.seed, { index }), `seed-${options.seed}-${index}`);
        mutated++;
        if (!indexes && n % 100 === 99) log(`${n + 1} inputs, RSS ${driver.rssMb()} MB (before GC), slowest ${driver.slowest.ms} ms (${driver.slowest.request} on ${driver.slowest.input})`);
      }
    };
    const phase = async (name: string, run: () => Promise<void>) => {
      const before = inputs;
      await run();
      if (driver.alive && inputs > before) {
        const m = await driver.memory();
        phaseRss.push(`${name} ${m.rssMb} MB${m.heapMb === undefined ? '' : ` (heap ${m.heapMb} MB, external ${m.externalMb} MB)`}`);
      }
    };
    if (options.mutatedFirst) {
      await phase('after mutated', runMutated);
      await phase('after corpus', runCorpus);
    } else {
      await phase('after corpus', runCorpus);
      await phase('after mutated', runMutated);
    }
    failures.push(...(await driver.healthCheck('final health check')));
    const finalRssMb = driver.alive ? (await driver.memory()).rssMb : NaN;
    const bound = options.rssBoundMb ?? 300;
    if (driver.restarts === 0 && finalRssMb - driver.baselineRssMb >= bound) {
      failures.push({ input: `whole run (seed ${options.seed})`, request: 'rss', error: `RSS grew ${finalRssMb - driver.baselineRssMb} MB (${driver.baselineRssMb} -> ${finalRssMb}; ${phaseRss.join(', ')}), bound ${bound} MB` });
    }
    return { inputs, mutated, failures, baselineRssMb: driver.baselineRssMb, finalRssMb, phaseRss, slowest: driver.slowest, restarts: driver.restarts };
  } finally {
    await driver.stop();
  }
}
