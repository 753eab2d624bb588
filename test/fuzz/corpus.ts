// Fuzz inputs: the seed corpus (real files and the rules' documented examples) and the regression corpus of named
// hostile inputs, each one a deterministic generator so a failure names exactly what to replay.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dockerfileRules } from '../../server/src/rules/dockerfile';
import { manifestRules } from '../../server/src/rules/k8s';
import { mulberry32, randomBytes } from './prng';

export type InputKind = 'dockerfile' | 'manifest';

export interface FuzzInput {
  name: string;
  kind: InputKind;
  text: string;
  /** One-character edits the driver applies after opening (each followed by a diagnostics pull). */
  edits?: number;
}

export interface NamedInput {
  name: string;
  kind: InputKind;
  make(): string;
  edits?: number;
}

const ROOT = path.resolve(__dirname, '../..');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Real Dockerfiles and manifests from examples/ and test/fixtures/, plus every rule's bad and good example. */
export function seedCorpus(): FuzzInput[] {
  const seeds: FuzzInput[] = [];
  for (const dir of ['examples', 'test/fixtures']) {
    for (const file of filesUnder(path.join(ROOT, dir)).sort()) {
      const base = path.basename(file);
      const kind: InputKind | undefined = /^(Dockerfile|Containerfile)|\.dockerfile$/.test(base) ? 'dockerfile' : /\.ya?ml$/.test(base) ? 'manifest' : undefined;
      if (kind) seeds.push({ name: path.relative(ROOT, file), kind, text: fs.readFileSync(file, 'utf8') });
    }
  }
  for (const r of dockerfileRules) {
    for (const which of ['bad', 'good'] as const) {
      const text = r.docs[which];
      // Short examples without FROM are the tail of a stage, as in the rule-docs test.
      seeds.push({ name: `docs:${r.id}:${which}`, kind: 'dockerfile', text: /^FROM\s/im.test(text) ? text : `FROM debian:12\n${text}` });
    }
  }
  for (const r of manifestRules) for (const which of ['bad', 'good'] as const) seeds.push({ name: `docs:${r.id}:${which}`, kind: 'manifest', text: r.docs[which] });
  return seeds;
}

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

/** An 8,000-line, ~262 KB ConfigMap (the memory report's document). */
export function bigConfigMap(): string {
  return 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n' + lines(7995, (i) => `  key-${String(i).padStart(5, '0')}: "value ${i} ${'x'.repeat(6)}"`);
}

const pipes = (n: number) => 'FROM a\nRUN a -f' + ' | a'.repeat(n) + '\n';
const aptInstalls = (n: number) => 'FROM ubuntu:22.04\n' + lines(n, (i) => `RUN apt-get install foo${i % 7 ? '' : ' bar'}`);
const openBraces = (n: number) => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: braces\ndata:\n  x: ' + '{{'.repeat(n) + '\n';
const continued = (n: number) => 'FROM debian:12\nRUN apt-get install -y \\\n' + lines(n, (i) => `    pkg${i} \\`) + '    last\n';

function billionLaughs(): string {
  // Billion laughs: nine levels of ten aliases each.
  let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  a0: &a0 "lol"\n';
  for (let i = 1; i <= 9; i++) text += `  a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  return text;
}

function aliasBombDeployment(): string {
  // The same bomb where rules walk: container env entries that alias the exploding list.
  let text = 'x0: &x0 [{name: A, value: b}]\n';
  for (let i = 1; i <= 9; i++) text += `x${i}: &x${i} [${Array(10).fill(`*x${i - 1}`).join(', ')}]\n`;
  return text + '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bomb\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: nginx:1.27\n          env: *x9\n';
}

const NUL_DOCKERFILE = 'FROM debian:12\u0000\nRUN apt-get update\u0000 && apt-get install -y\u0000 curl\nCMD ["a\u0000b"]\n\u0000\u0000\n';
const NUL_MANIFEST = 'apiVersion: v1\u0000\nkind: ConfigMap\nmetadata:\n  name: n\u0000ul\ndata:\n  a: "\u0000"\n\u0000: x\n';
const SURROGATES_DOCKERFILE = 'FROM debian:12\nRUN echo \ud800 && echo \udc00x\nENV A=\udfff\nLABEL \ud83d=1\nCMD ["\udbff"]\n';
const SURROGATES_MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \ud800\ndata:\n  \udc00: "\udfff"\n  b: \ud83d\n';

/** The regression corpus: every hostile input the fuzz issue names, as named deterministic generators. */
export const hostileInputs: NamedInput[] = [
  { name: 'configmap-8000-lines-with-edits', kind: 'manifest', make: bigConfigMap, edits: 60 },
  { name: 'pipes-3000', kind: 'dockerfile', make: () => pipes(3000) },
  { name: 'pipes-14000', kind: 'dockerfile', make: () => pipes(14000) },
  { name: 'apt-install-150-runs', kind: 'dockerfile', make: () => aptInstalls(150) },
  { name: 'apt-install-400-runs', kind: 'dockerfile', make: () => aptInstalls(400) },
  // cache-busting-copy recomputed what every earlier instruction installed and copied for each `COPY . .`: 2.1 s here.
  { name: 'copy-all-then-install-1000-times', kind: 'dockerfile', make: () => 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\n' + lines(1000, () => 'COPY . .\nRUN npm run build\nRUN npm ci') },
  // stage-name-casing's fix walked every stage, COPY and RUN per finding: "fix all" over 6,700 `AS Build` took 5-8 s.
  { name: 'upper-case-stage-names-6700-times', kind: 'dockerfile', make: () => 'FROM golang:1.22 AS Build\r'.repeat(6700) + 'FROM alpine:3.20\rCOPY --from=Build /out /out\r' },
  { name: 'manifest-80000-open-braces-160kb', kind: 'manifest', make: () => openBraces(80_000) },
  { name: 'manifest-160000-open-braces-320kb', kind: 'manifest', make: () => openBraces(160_000) },
  { name: 'indented-run-variable-no-from', kind: 'dockerfile', make: () => ' RUN $x\n' },
  { name: 'continuation-10000-lines', kind: 'dockerfile', make: () => continued(10_000) },
  { name: 'continuation-100000-lines', kind: 'dockerfile', make: () => continued(100_000) },
  { name: 'lone-cr-line-endings', kind: 'dockerfile', make: () => 'FROM python:3\r\rRUN pip install x' },
  { name: 'mixed-eol-heredocs', kind: 'dockerfile', make: () => 'FROM debian:12\r\nRUN <<EOF\r\napt-get update\rapt-get install -y curl\nEOF\nRUN <<EOF bash\r\necho hi\r\rEOF\r\nCOPY <<EOF /a\nx\r\nEOF\r' },
  { name: 'dockerfile-2mb-many-lines', kind: 'dockerfile', make: () => 'FROM debian:12\n' + lines(40_000, (i) => (i % 3 ? `RUN echo ${'a'.repeat(40)} ${i}` : `ENV V${i}=${'b'.repeat(30)}`)) },
  { name: 'dockerfile-1mb-single-line', kind: 'dockerfile', make: () => 'FROM debian:12\nRUN echo ' + 'abc '.repeat(262_144) + '\n' },
  { name: 'binary-junk-1mb-as-dockerfile', kind: 'dockerfile', make: () => randomBytes(mulberry32(1), 1 << 20).toString('utf8') },
  { name: 'binary-junk-1mb-as-manifest', kind: 'manifest', make: () => randomBytes(mulberry32(2), 1 << 20).toString('utf8') },
  { name: 'yaml-stream-5000-documents', kind: 'manifest', make: () => lines(5000, (i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  k: v${i}`) },
  { name: 'yaml-map-50000-keys', kind: 'manifest', make: () => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n' + lines(50_000, (i) => `  k${i}: v`) },
  { name: 'yaml-block-sequence-10000-deep', kind: 'manifest', make: () => 'apiVersion: v1\nkind: List\nitems:\n' + '- '.repeat(10_000) + 'x\n' },
  { name: 'yaml-flow-sequence-100000-deep', kind: 'manifest', make: () => 'apiVersion: v1\nkind: List\nitems: ' + '['.repeat(100_000) + '\n' },
  { name: 'yaml-alias-bomb', kind: 'manifest', make: billionLaughs },
  { name: 'yaml-alias-bomb-in-container-env', kind: 'manifest', make: aliasBombDeployment },
  { name: 'dockerfile-nested-expansion-100000', kind: 'dockerfile', make: () => 'FROM debian:12\nARG X=' + '${X:-'.repeat(100_000) + 'y' + '}'.repeat(100_000) + '\nRUN echo $X\n' },
  { name: 'dockerfile-env-doubling-40', kind: 'dockerfile', make: () => 'FROM debian:12\nENV A0=abcdefgh\n' + lines(40, (i) => `ENV A${i + 1}=$A${i}$A${i}`) + 'RUN echo $A40\nCOPY $A40 /x\n' },
  { name: 'dockerfile-json-array-100000-deep', kind: 'dockerfile', make: () => 'FROM debian:12\nCMD ' + '['.repeat(100_000) + '\n' },
  { name: 'dockerfile-5000-stages', kind: 'dockerfile', make: () => lines(5000, (i) => `FROM debian:12 AS s${i}\nCOPY --from=s${Math.max(0, i - 1)} /a /a`) },
  { name: 'lone-surrogates-dockerfile', kind: 'dockerfile', make: () => SURROGATES_DOCKERFILE },
  { name: 'lone-surrogates-manifest', kind: 'manifest', make: () => SURROGATES_MANIFEST },
  { name: 'nul-bytes-dockerfile', kind: 'dockerfile', make: () => NUL_DOCKERFILE },
  { name: 'nul-bytes-manifest', kind: 'manifest', make: () => NUL_MANIFEST },
  { name: 'bom-dockerfile', kind: 'dockerfile', make: () => '\ufeffFROM debian:12\nRUN apt-get update\nRUN apt-get install curl\n' },
  // Found by the fuzzer (seed 1233318929), kept as minimal regressions.
  { name: 'completion-bom-quote-dollar-brace', kind: 'dockerfile', make: () => "\ufeffFROM de'bian:12${" },
  { name: 'yaml-one-line-of-2000-pairs-then-dedent', kind: 'manifest', make: () => 'spec:\n' + '        app: web'.repeat(2000) + '\n    spec:\n' },
  // Found by the fuzzer (seed 386071105 #2379): 76,000 syntax errors, each capturing a stack trace (1.1 s).
  { name: 'yaml-line-of-38000-empty-flow-maps', kind: 'manifest', make: () => 'apiVersion: v1\n{} ' + '{}'.repeat(38_000) + '\n' },
  { name: 'shell-form-cmd-480', kind: 'dockerfile', make: () => 'FROM python:3.12\n' + lines(480, () => 'EXPOSE 8000\nCMD gunicorn -b 0.0.0.0:8000 app:app') },
  { name: 'bom-manifest', kind: 'manifest', make: () => '\ufeff' + manifestRules.find((r) => r.id === 'missing-resources')!.docs.bad },
];

/** Materialises one named input. */
export function hostile(input: NamedInput): FuzzInput {
  return { name: input.name, kind: input.kind, text: input.make(), edits: input.edits };
}
