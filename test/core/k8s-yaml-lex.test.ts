// core/k8s/yaml-lex.ts and yaml-cst.ts stand in for yaml's Lexer and Parser when manifests are parsed: their lexemes
// and token trees must be yaml's, one for one, on every text — the YAML fixtures and rule examples, the hostile
// inputs, mutations of them, line-ending and BOM variants, and texts generated from YAML's indicators.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Lexer, Parser } from 'yaml';
import { parseCst } from '../../server/src/core/k8s/yaml-cst';
import { lexYaml } from '../../server/src/core/k8s/yaml-lex';
import { bigManifest } from '../../scripts/bench';
import { hostile, hostileInputs, seedCorpus } from '../fuzz/corpus';
import { mutate } from '../fuzz/mutate';
import { mulberry32, rngFor } from '../fuzz/prng';

const yamls = (text: string) => [...new Lexer().lex(text)];

/**
 * Where two token trees differ (a path), or undefined when they are the same: the same keys with the same primitive
 * values. Iterative: the hostile inputs nest 100,000 levels deep.
 */
function treeDifference(a: unknown, b: unknown): string | undefined {
  const stack: Array<[unknown, unknown, string]> = [[a, b, '']];
  while (stack.length) {
    const [x, y, at] = stack.pop()!;
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || Array.isArray(x) !== Array.isArray(y)) return `${at}: ${JSON.stringify(x)?.slice(0, 80)} vs yaml's ${JSON.stringify(y)?.slice(0, 80)}`;
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length !== ky.length || kx.some((k) => !Object.hasOwn(y, k))) return `${at}: keys ${kx.join(',')} vs yaml's ${ky.join(',')}`;
    for (const k of kx) stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${at}.${k}`]);
  }
  return undefined;
}

function withinStack<T>(f: () => T): T | RangeError {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) return e;
    throw e;
  }
}

/** Fails with the first lexeme where the two differ and the text around it, or where the token trees differ. */
function sameLexemes(text: string, name: string): void {
  const want = yamls(text);
  const got = lexYaml(text);
  if (got && got.length === want.length && got.every((l, i) => l === want[i])) {
    const theirs = withinStack(() => [...new Parser().parse(text)]);
    const mine = withinStack(() => parseCst(got));
    // Where yaml's parser runs out of stack (a dedent after thousands of levels; parseYamlDocument then reports the
    // document as nested too deeply) there is nothing to compare; ours must not run out where yaml's does not.
    if (theirs instanceof RangeError) return;
    if (mine instanceof RangeError) assert.fail(`${name}: yaml-cst ran out of stack where yaml's Parser did not`);
    const difference = treeDifference(mine, theirs);
    if (difference) assert.fail(`${name}: token tree differs at ${difference}`);
    return;
  }
  const i = got ? want.findIndex((l, k) => l !== got[k]) : -1;
  const at = i < 0 ? Math.min(got?.length ?? 0, want.length) : i;
  const offset = want.slice(0, at).reduce((n, l) => n + (l.length === 1 && l < ' ' && l !== '\t' && l !== '\n' && l !== '\r' ? 0 : l.length), 0);
  assert.fail(
    `${name}: lexeme ${at} is ${JSON.stringify(got?.[at])}, yaml's is ${JSON.stringify(want[at])} ` +
      `(${got?.length} vs ${want.length} lexemes) near ${JSON.stringify(text.slice(Math.max(0, offset - 40), offset + 40))}`,
  );
}

/** The same text with CRLF and with lone CR line breaks, and with a BOM. */
function variants(text: string): Array<[string, string]> {
  return [
    ['', text],
    [' (CRLF)', text.replace(/\r?\n/g, '\r\n')],
    [' (CR)', text.replace(/\r?\n/g, '\r')],
    [' (BOM)', '\ufeff' + text],
  ];
}

const manifests = seedCorpus().filter((s) => s.kind === 'manifest');

// Pieces of YAML's syntax, indentation and scalars: enough of each that every state of the lexer is reached.
const PIECES = [
  '\n', '\n', '\n', '\r\n', '\r', ' ', ' ', '  ', '    ', '\t', '- ', '-', '? ', ': ', ':', 'key: ', 'k', 'value', 'a b', '0',
  '"', "'", '"q \\" x"', "'it''s'", '\\', '#', ' # c', '---', '--- ', '...', '%YAML 1.2', '%TAG ! tag:x:', '&a ', '*a', '!t ',
  '!!str ', '!<tag:x> ', '!%41 ', '{', '}', '[', ']', ',', ', ', '|', '|-', '|+', '|2', '>', '>-', '>+2', '@', '`', '\ufeff',
  'x:y', 'http://x', '- - ', '-1', '.5', '..', '\u00e9', '\ud83d\ude00', '\u0000',
];

function generated(rng: ReturnType<typeof mulberry32>): string {
  let s = '';
  for (let n = 1 + rng.int(40); n > 0; n--) s += rng.pick(PIECES);
  return s;
}

describe("yaml-lex and yaml-cst: yaml's Lexer's lexemes and its Parser's token trees", () => {
  it('on every YAML fixture and rule example, with CRLF, CR and BOM variants', () => {
    assert.ok(manifests.length > 100, `only ${manifests.length} YAML seeds`);
    for (const seed of manifests) for (const [how, text] of variants(seed.text)) sameLexemes(text, seed.name + how);
  });

  it("on the hostile inputs (binary junk, deep flows and sequences, 50,000 keys, alias bombs) and the bench's manifest", () => {
    for (const input of hostileInputs) {
      const { name, text } = hostile(input);
      sameLexemes(text, name);
    }
    sameLexemes(bigManifest(2000), 'bigManifest(2000)');
  });

  it('on 800 mutations of the YAML seeds (splices, byte flips, inserted lines…)', () => {
    for (let i = 0; i < 800; i++) {
      const rng = rngFor(0x1a2b3c, i);
      const input = mutate(rng.pick(manifests), manifests, rng, `#${i}`);
      sameLexemes(input.text, input.name);
    }
  });

  it("on 40,000 texts generated from YAML's indicators, quotes, block-scalar headers, directives and line breaks", () => {
    const rng = mulberry32(20261208);
    for (let i = 0; i < 40_000; i++) {
      const text = generated(rng);
      sameLexemes(text, `generated #${i} ${JSON.stringify(text)}`);
    }
  });

  it('answers undefined past the lexeme bound, and the full list at it', () => {
    const text = bigManifest(200);
    const count = yamls(text).length;
    assert.equal(lexYaml(text, count - 1), undefined);
    assert.equal(lexYaml(text, count)?.length, count);
    assert.deepEqual(lexYaml(''), []);
  });
});
