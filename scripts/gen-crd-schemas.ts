// Generates schemas/crds/<group>.json.br and schemas/crds/index.json: the schemas of the custom resources people use
// most (Gateway API, cert-manager, Prometheus operator, Argo CD and Rollouts, Istio, external-secrets, sealed-secrets,
// Flux), which the language server and the CLI load one group at a time, on first use (core/k8s/bundled-crds.ts).
// Run: npm run gen:schemas. The output is committed; nothing is fetched at run time. `--check` regenerates in memory
// and fails when the committed files differ (npm test runs it).
//
// Source: the .d.ts files of the pinned @kubernetes-models/* devDependencies (the last releases that support Node 20).
// Their compiled validators carry no JSON schema, but their types carry the CRDs' descriptions, enums, required keys
// and structure. Each kind's type is turned back into an openAPIV3Schema and then converted exactly as a workspace
// CRD's is (crdRootSchema in core/k8s/crd-schemas.ts), so bundled and workspace custom resources behave alike.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as ts from 'typescript';
import { crdRootSchema } from '../server/src/core/k8s/crd-schemas';

type Json = Record<string, unknown>;
const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'schemas', 'crds');

/** The API groups bundled, and the npm package (under @kubernetes-models/) whose types describe each. */
const GROUPS: Record<string, string[]> = {
  'gateway.networking.k8s.io': ['gateway-api'],
  'cert-manager.io': ['cert-manager'],
  'monitoring.coreos.com': ['prometheus-operator'],
  'argoproj.io': ['argo-cd', 'argo-rollouts'],
  'networking.istio.io': ['istio'],
  'security.istio.io': ['istio'],
  'external-secrets.io': ['external-secrets'],
  'bitnami.com': ['sealed-secrets'],
  'kustomize.toolkit.fluxcd.io': ['flux-cd'],
  'helm.toolkit.fluxcd.io': ['flux-cd'],
  'source.toolkit.fluxcd.io': ['flux-cd'],
};

/** Versions a group's current releases no longer serve (cert-manager 1.7 removed its alpha and beta APIs). */
const REMOVED_VERSIONS: Record<string, RegExp> = { 'cert-manager.io': /^v1(alpha|beta)\d+$/ };

/**
 * Older releases whose types still carry the descriptions a group's current release dropped (an npm alias in
 * devDependencies): hover text for keys whose path is the same in both.
 */
const DESCRIPTIONS: Record<string, string> = { 'monitoring.coreos.com': 'prometheus-operator-docs' };

const packageDir = (pkg: string) => path.join(ROOT, 'node_modules', ...(pkg in PACKAGE_ALIASES ? [pkg] : ['@kubernetes-models', pkg]));
const PACKAGE_ALIASES: Record<string, true> = Object.fromEntries(Object.values(DESCRIPTIONS).map((p) => [p, true]));
const PRESERVE: Json = { 'x-kubernetes-preserve-unknown-fields': true };

function jsDoc(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  // The generator indents continuation lines of a description by one space.
  const text = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n').replace(/\n /g, '\n').trim();
  return text || undefined;
}

const literalOf = (t: ts.TypeNode): string | number | undefined => {
  if (!ts.isLiteralTypeNode(t)) return undefined;
  if (ts.isStringLiteral(t.literal)) return t.literal.text;
  if (ts.isNumericLiteral(t.literal)) return Number(t.literal.text);
  return undefined;
};

const unparen = (t: ts.TypeNode): ts.TypeNode => (ts.isParenthesizedTypeNode(t) ? unparen(t.type) : t);

/** An object type literal: properties (with `?` for optional keys) and an index signature for map values. */
function objectOf(t: ts.TypeLiteralNode, sf: ts.SourceFile): Json {
  const properties: Record<string, Json> = {};
  const required: string[] = [];
  let additional: Json | undefined;
  for (const m of t.members) {
    if (ts.isIndexSignatureDeclaration(m)) additional = convert(m.type, sf);
    if (!ts.isPropertySignature(m) || !m.type) continue;
    const key = ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : m.name.getText(sf);
    const description = jsDoc(m);
    properties[key] = { ...convert(m.type, sf), ...(description ? { description } : {}) };
    if (!m.questionToken) required.push(key);
  }
  if (!Object.keys(properties).length && !additional) return { type: 'object', ...PRESERVE };
  const out: Json = { type: 'object' };
  if (Object.keys(properties).length) out.properties = properties;
  if (required.length) out.required = required;
  if (additional) out.additionalProperties = additional;
  return out;
}

/**
 * Alternatives of a oneOf (`A | B` of objects): every key any of them allows, required only where all require it,
 * open when one is. The validator checks no oneOf, so this accepts what any alternative accepts.
 */
function mergeAlternatives(parts: Json[]): Json {
  if (parts.some((p) => p.type !== 'object' || p['x-kubernetes-preserve-unknown-fields'])) return {};
  const properties: Record<string, Json> = {};
  for (const p of parts) for (const [k, v] of Object.entries((p.properties ?? {}) as Record<string, Json>)) properties[k] ??= v;
  const required = parts.map((p) => (p.required ?? []) as string[]).reduce((a, b) => a.filter((k) => b.includes(k)));
  const open = parts.find((p) => p.additionalProperties)?.additionalProperties;
  return { type: 'object', properties, ...(required.length ? { required } : {}), ...(open ? { additionalProperties: open } : {}) };
}

/** One type of a .d.ts → an openAPIV3Schema node, as the CRD would have written it. */
function convert(type: ts.TypeNode, sf: ts.SourceFile): Json {
  const t = unparen(type);
  switch (t.kind) {
    case ts.SyntaxKind.StringKeyword: return { type: 'string' };
    case ts.SyntaxKind.BooleanKeyword: return { type: 'boolean' };
    // The types do not say integer or number; 'number' accepts both.
    case ts.SyntaxKind.NumberKeyword: return { type: 'number' };
    case ts.SyntaxKind.AnyKeyword: return {};
  }
  const literal = literalOf(t);
  if (literal !== undefined) return { type: typeof literal === 'string' ? 'string' : 'integer', enum: [literal] };
  if (ts.isArrayTypeNode(t)) return { type: 'array', items: convert(t.elementType, sf) };
  if (ts.isTypeLiteralNode(t)) return objectOf(t, sf);
  if (ts.isTypeReferenceNode(t)) {
    const name = t.typeName.getText(sf);
    const args = t.typeArguments ?? [];
    if (name === 'Array' && args.length === 1) return { type: 'array', items: convert(args[0], sf) };
    // Exclude<T, U> narrows T by a oneOf branch the validator does not check; T is what a user may write.
    if (name === 'Exclude' && args.length === 2) return convert(args[0], sf);
    return { type: 'object', ...PRESERVE };
  }
  if (ts.isIntersectionTypeNode(t)) {
    // `{ …keys } & ({ …one of } | { …other })`: the first part holds the keys, the rest only constrain them.
    const base = t.types.map(unparen).find(ts.isTypeLiteralNode);
    return base ? objectOf(base, sf) : {};
  }
  if (ts.isUnionTypeNode(t)) {
    const members = t.types.map(unparen);
    const literals = members.map(literalOf);
    if (literals.every((l) => typeof l === 'string')) return { type: 'string', enum: literals };
    if (literals.every((l) => typeof l === 'number')) return { type: 'integer', enum: literals };
    const kinds = new Set(members.map((m) => m.kind));
    if (kinds.size === 2 && kinds.has(ts.SyntaxKind.NumberKeyword) && kinds.has(ts.SyntaxKind.StringKeyword)) return { 'x-kubernetes-int-or-string': true };
    return mergeAlternatives(members.map((m) => convert(m, sf)));
  }
  throw new Error(`${sf.fileName}: unsupported type ${t.getText(sf).slice(0, 80)}`);
}

function walkTypes(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walkTypes(p);
    return e.name.endsWith('.d.ts') && e.name !== 'index.d.ts' ? [p] : [];
  });
}

/** The kinds one package defines in one group: 'cert-manager.io/v1/Certificate' → openAPIV3Schema. */
function kindsOf(pkg: string, group: string): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const file of walkTypes(path.join(packageDir(pkg), group))) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const decl of sf.statements.filter(ts.isInterfaceDeclaration)) {
      const member = (key: string) => decl.members.find((m): m is ts.PropertySignature => ts.isPropertySignature(m) && ts.isStringLiteral(m.name) && m.name.text === key);
      const apiVersion = member('apiVersion')?.type;
      const kind = member('kind')?.type;
      const av = apiVersion && literalOf(apiVersion);
      const k = kind && literalOf(kind);
      if (typeof av !== 'string' || typeof k !== 'string' || k.endsWith('List') || !av.startsWith(`${group}/`)) continue;
      if (REMOVED_VERSIONS[group]?.test(av.slice(group.length + 1))) continue;
      const schema = convert(ts.factory.createTypeLiteralNode(decl.members), sf);
      const description = jsDoc(decl);
      out.set(`${av}/${k}`, { ...schema, ...(description ? { description } : {}) });
    }
  }
  return out;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Copies the donor's description onto each node of `target` that has none, down the key paths both have. */
function addDescriptions(target: Json, donor: unknown): void {
  if (!isObj(donor)) return;
  if (target.description === undefined && typeof donor.description === 'string') target.description = donor.description;
  for (const key of ['items', 'additionalProperties']) if (isObj(target[key])) addDescriptions(target[key] as Json, donor[key]);
  if (!isObj(target.properties) || !isObj(donor.properties)) return;
  for (const [name, child] of Object.entries(target.properties as Record<string, Json>)) addDescriptions(child, donor.properties[name]);
}

const manifestOf = (pkg: string) => JSON.parse(fs.readFileSync(path.join(packageDir(pkg), 'package.json'), 'utf8')) as { name: string; version: string };
const versionOf = (pkg: string) => manifestOf(pkg).version;
const nameOf = (pkg: string) => manifestOf(pkg).name;

/** Text of every output file by name (group files uncompressed). */
function generate(): Map<string, string> {
  const files = new Map<string, string>();
  const index: Record<string, { file: string; source: string[]; kinds: string[] }> = {};
  for (const [group, pkgs] of Object.entries(GROUPS)) {
    const kinds: Record<string, unknown> = {};
    const donor = DESCRIPTIONS[group] ? kindsOf(DESCRIPTIONS[group], group) : undefined;
    for (const pkg of pkgs) {
      for (const [key, openAPIV3Schema] of kindsOf(pkg, group)) {
        addDescriptions(openAPIV3Schema, donor?.get(key));
        if (kinds[key]) throw new Error(`${key} is defined by two packages`);
        kinds[key] = crdRootSchema(openAPIV3Schema);
      }
    }
    const keys = Object.keys(kinds).sort();
    if (!keys.length) throw new Error(`no kinds for ${group} in ${pkgs.join(', ')}`);
    const source = pkgs.map((p) => `@kubernetes-models/${p}@${versionOf(p)}`);
    if (DESCRIPTIONS[group]) source.push(`descriptions from ${nameOf(DESCRIPTIONS[group])}@${versionOf(DESCRIPTIONS[group])}`);
    const sorted = Object.fromEntries(keys.map((k) => [k, kinds[k]]));
    files.set(`${group}.json.br`, JSON.stringify({ $comment: `Generated by scripts/gen-crd-schemas.ts from ${source.join(', ')}. Do not edit.`, kinds: sorted }));
    index[group] = { file: `${group}.json.br`, source, kinds: keys.map((k) => k.slice(group.length + 1)) };
  }
  files.set('index.json', `${JSON.stringify({ $comment: 'Generated by scripts/gen-crd-schemas.ts: the bundled custom resource kinds per API group (version/kind) and the file holding their schemas. Do not edit.', groups: index }, null, 1)}\n`);
  return files;
}

// Brotli with a 16 MB window: the large groups repeat whole pod specs further apart than gzip's 32 KB window reaches
// (monitoring.coreos.com: 120 KB gzip -9, 35 KB brotli); a group decompresses in a few milliseconds.
const compress = (text: string) => zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(text) } });
const COMPRESSED = '.br';

function main(): void {
  const files = generate();
  if (process.argv.includes('--check')) {
    // Compared uncompressed: another zlib may compress the same text to other bytes.
    const stale = [...files].filter(([name, text]) => {
      const file = path.join(OUT, name);
      if (!fs.existsSync(file)) return true;
      const data = fs.readFileSync(file);
      return (name.endsWith(COMPRESSED) ? zlib.brotliDecompressSync(data).toString('utf8') : data.toString('utf8')) !== text;
    });
    const extra = fs.existsSync(OUT) ? fs.readdirSync(OUT).filter((f) => !files.has(f)) : [];
    if (stale.length || extra.length) {
      console.error(`out of date: ${[...stale.map(([n]) => n), ...extra].map((n) => `schemas/crds/${n}`).join(', ')} (run npm run gen:schemas)`);
      process.exit(1);
    }
    return;
  }
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  let total = 0;
  for (const [name, text] of files) {
    const data = name.endsWith(COMPRESSED) ? compress(text) : Buffer.from(text);
    fs.writeFileSync(path.join(OUT, name), data);
    total += data.length;
    console.log(`schemas/crds/${name}: ${(text.length / 1024).toFixed(0)} KB${name.endsWith(COMPRESSED) ? ` (${(data.length / 1024).toFixed(0)} KB brotli)` : ''}`);
  }
  console.log(`schemas/crds: ${files.size} files, ${(total / 1024).toFixed(0)} KB`);
}

main();
