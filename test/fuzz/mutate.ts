// Seeded mutations of corpus texts: what a broken editor buffer, a bad merge or a binary file looks like.
import type { FuzzInput } from './corpus';
import { rngFor, type Rng } from './prng';

type Mutation = (text: string, rng: Rng, other: string) => string;

const splitLines = (text: string) => text.split('\n');

/** Where in the text to act: a position, biased to line starts so instructions and keys get hit. */
function position(text: string, rng: Rng): number {
  if (!text.length) return 0;
  const at = rng.int(text.length + 1);
  if (rng.chance(0.5)) return at;
  const nl = text.lastIndexOf('\n', at - 1);
  return nl + 1;
}

const insertAt = (text: string, at: number, s: string) => text.slice(0, at) + s + text.slice(at);

export const mutations: Record<string, Mutation> = {
  byteFlips(text, rng) {
    // Flip bits in the UTF-8 bytes and decode again (invalid sequences become U+FFFD, as an editor shows them).
    const buf = Buffer.from(text, 'utf8');
    if (!buf.length) return text;
    for (let n = 1 + rng.int(8); n > 0; n--) buf[rng.int(buf.length)] ^= 1 << rng.int(8);
    return buf.toString('utf8');
  },
  splice(text, rng, other) {
    return text.slice(0, position(text, rng)) + other.slice(position(other, rng));
  },
  insertLines(text, rng, other) {
    const mine = splitLines(text);
    const theirs = splitLines(other);
    const start = rng.int(theirs.length);
    mine.splice(rng.int(mine.length + 1), 0, ...theirs.slice(start, start + 1 + rng.int(5)));
    return mine.join('\n');
  },
  deleteLines(text, rng) {
    const mine = splitLines(text);
    mine.splice(rng.int(mine.length), 1 + rng.int(4));
    return mine.join('\n');
  },
  lineEndings(text, rng) {
    const style = rng.int(3);
    return text.replace(/\r?\n/g, () => (style === 0 ? '\r\n' : style === 1 ? '\r' : rng.pick(['\n', '\r\n', '\r'])));
  },
  bom(text) {
    return '\ufeff' + text;
  },
  nul(text, rng) {
    return insertAt(text, position(text, rng), '\u0000'.repeat(1 + rng.int(3)));
  },
  loneSurrogate(text, rng) {
    const s = String.fromCharCode(rng.chance(0.5) ? 0xd800 + rng.int(0x400) : 0xdc00 + rng.int(0x400));
    return insertAt(text, position(text, rng), s);
  },
  hugeLine(text, rng) {
    // One line of 20-200 KB: a repeated existing line fragment or a long word.
    const mine = splitLines(text);
    const i = rng.int(mine.length);
    const unit = mine[i].slice(0, 40) || 'x';
    mine[i] += ' ' + unit.repeat(Math.ceil((20_000 + rng.int(180_000)) / unit.length));
    return mine.join('\n');
  },
  duplicate(text, rng) {
    // A block of lines repeated 10-500 times (copy-paste accidents, generated files).
    const mine = splitLines(text);
    const start = rng.int(mine.length);
    const block = mine.slice(start, start + 1 + rng.int(6));
    const times = 10 + rng.int(490);
    mine.splice(start, 0, ...Array.from({ length: times }, () => block).flat());
    return mine.join('\n');
  },
  specialChars(text, rng) {
    const junk = ['\\', '\\\n', '$', '${', '"', "'", '`', '<<EOF\n', '&', '*', '{', '[', ':', '- ', '#', '\t', '\u2028', '\u00a0', '\ufffe', '{{ .Values.x }}'];
    let out = text;
    for (let n = 1 + rng.int(6); n > 0; n--) out = insertAt(out, position(out, rng), rng.pick(junk));
    return out;
  },
};

const NAMES = Object.keys(mutations);
/** The issue's largest documents are 2 MB: a huge line duplicated 500 times (50 MB) tests nothing more, only slower. */
export const MAX_INPUT_CHARS = 2_000_000;

/** A new input from a seed: 1-4 mutations, occasionally opened as the other language. */
export function mutate(seed: FuzzInput, corpus: readonly FuzzInput[], rng: Rng, label: string): FuzzInput {
  let text = seed.text;
  const applied: string[] = [];
  for (let n = 1 + rng.int(4); n > 0; n--) {
    const name = rng.pick(NAMES);
    text = mutations[name](text, rng, rng.pick(corpus).text).slice(0, MAX_INPUT_CHARS);
    applied.push(name);
  }
  const swap = rng.chance(0.1);
  const kind = swap ? (seed.kind === 'dockerfile' ? 'manifest' : 'dockerfile') : seed.kind;
  return { name: `${label} ${seed.name} +${applied.join('+')}${swap ? ` as ${kind}` : ''}`, kind, text };
}

/** Input `index` of the run with `seed`: the same pair always gives the same input (replayable alone). */
export function fuzzInput(seed: number, index: number, corpus: readonly FuzzInput[]): FuzzInput {
  const rng = rngFor(seed, index);
  return mutate(rng.pick(corpus), corpus, rng, `seed ${seed} #${index}`);
}
