// Generates schemas/kubernetes.json: strict JSON schemas, with descriptions, for the built-in Kubernetes kinds and KEDA.
// Run: npm run gen:schemas (the KEDA definitions come from gen-k8s-schemas-keda.ts, which this imports). The output
// is committed; nothing is fetched at run time. `--check` regenerates in memory and fails when the committed file
// differs (npm test runs it).
//
// Source: the .d.ts files of kubernetes-models (pinned devDependency), read with the TypeScript compiler API. They carry
// the OpenAPI descriptions and enums (kubernetes-types has no enums), and every API version under one interface name,
// which is why a per-type generator such as ts-json-schema-generator fails on them with duplicate definitions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as ts from 'typescript';
import { kedaDefinitions, kedaKinds } from './gen-k8s-schemas-keda';

type Schema = Record<string, unknown>;
const ROOT = path.resolve(__dirname, '..');
const MODELS = path.join(ROOT, 'node_modules', 'kubernetes-models');
const MACHINERY = path.join(ROOT, 'node_modules', '@kubernetes-models', 'apimachinery');
const OUT = path.join(ROOT, 'schemas', 'kubernetes.json');
const REF = '#/definitions/';

// kubernetes-models keeps the beta versions of removed APIs (extensions/v1beta1, policy/v1beta1 …) next to the
// current ones, and the beta APIs a current cluster has are off by default, so only GA versions are taken.
const GA_VERSION = /^v\d+$/;
// Not written in manifests: list wrappers are what the API returns, not what users apply.
const isListKind = (kind: string) => kind.endsWith('List');
// Kubernetes API conventions forbid floats; JSON-schema bounds in CRDs are the one exception.
const FLOAT_OWNERS = new Set(['apiextensions.v1.JSONSchemaProps']);
// A quantity string as resource.ParseQuantity accepts it; the number form is checked by type alone.
const QUANTITY_PATTERN = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|[KMGTPE]i|[numkMGTPE])?$';
// The apimachinery package documents Quantity nowhere; its hover text comes from here.
const QUANTITY_DESCRIPTION = 'Quantity: a fixed-point number with an optional suffix, written as a string or a number: 500m (0.5), 2, 1.5, 128974848, 129e6, 129M (decimal SI), 123Mi, 2Gi (binary SI).';
// Controllers reject an empty selector here, although the LabelSelector type itself has no required keys.
const NON_EMPTY_SELECTOR = ['apps.v1.DeploymentSpec', 'apps.v1.ReplicaSetSpec', 'apps.v1.StatefulSetSpec', 'apps.v1.DaemonSetSpec'];

/** Definition name for a .d.ts file: apps/v1/DeploymentSpec → apps.v1.DeploymentSpec, v1/Pod → core.v1.Pod. */
function defName(file: string): string {
  const machinery = path.relative(MACHINERY, file);
  if (!machinery.startsWith('..')) {
    const parts = machinery.replace(/\.d\.ts$/, '').split(path.sep);
    return parts[0] === 'apis' ? parts.slice(1).join('.') : parts[parts.length - 1];
  }
  const parts = path.relative(MODELS, file).replace(/\.d\.ts$/, '').split(path.sep);
  if (parts.length === 2) return `core.${parts[0]}.${parts[1]}`;
  return `${parts[0].split('.')[0]}.${parts[1]}.${parts[2]}`;
}

function resolveImport(from: string, spec: string): string | undefined {
  if (spec.startsWith('.')) return path.resolve(path.dirname(from), spec.replace(/\.js$/, '')) + '.d.ts';
  if (spec.startsWith('@kubernetes-models/apimachinery/')) return path.join(MACHINERY, spec.slice('@kubernetes-models/apimachinery/'.length)) + '.d.ts';
  if (spec.startsWith('kubernetes-models/')) return path.join(MODELS, spec.slice('kubernetes-models/'.length)) + '.d.ts';
  return undefined;
}

function jsDocText(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n').trim();
  return text || undefined;
}

interface Parsed { sf: ts.SourceFile; decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration; imports: Map<string, string> }
const parsedCache = new Map<string, Parsed>();
function parse(file: string): Parsed {
  let p = parsedCache.get(file);
  if (p) return p;
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports = new Map<string, string>();
  let decl: Parsed['decl'] | undefined;
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      const target = resolveImport(file, s.moduleSpecifier.text);
      const named = s.importClause?.namedBindings;
      if (target && named && ts.isNamedImports(named)) for (const e of named.elements) imports.set(e.name.text, target);
    } else if ((ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && !decl) {
      decl = s;
    }
  }
  if (!decl) throw new Error(`${file}: no interface or type alias`);
  p = { sf, decl, imports };
  parsedCache.set(file, p);
  return p;
}

const definitions: Record<string, Schema> = {};
const pending: string[] = [];
const fileOf = new Map<string, string>();

/** Schema for a reference to another file's type: scalar aliases are inlined, everything else goes through $ref. */
function refTo(file: string): Schema {
  const name = defName(file);
  if (name === 'meta.v1.Time' || name === 'meta.v1.MicroTime') return { type: 'string' };
  const known = fileOf.get(name);
  if (known && known !== file) throw new Error(`${file} and ${known} both map to ${name}`);
  if (!known) {
    fileOf.set(name, file);
    pending.push(file);
  }
  return { $ref: REF + name };
}

function convertType(t: ts.TypeNode, ctx: { file: string; p: Parsed; owner: string }): Schema {
  switch (t.kind) {
    case ts.SyntaxKind.StringKeyword: return { type: 'string' };
    case ts.SyntaxKind.BooleanKeyword: return { type: 'boolean' };
    case ts.SyntaxKind.NumberKeyword: return { type: FLOAT_OWNERS.has(ctx.owner) ? 'number' : 'integer' };
  }
  if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) return { type: 'string', enum: [t.literal.text] };
  if (ts.isUnionTypeNode(t)) {
    const lits = t.types.map((u) => (ts.isLiteralTypeNode(u) && ts.isStringLiteral(u.literal) ? u.literal.text : undefined));
    if (lits.every((x) => x !== undefined)) return { type: 'string', enum: lits };
    return { anyOf: t.types.map((u) => convertType(u, ctx)) };
  }
  if (ts.isArrayTypeNode(t)) return { type: 'array', items: convertType(t.elementType, ctx) };
  if (ts.isTypeLiteralNode(t)) {
    const index = t.members.find(ts.isIndexSignatureDeclaration);
    if (index) return { type: 'object', additionalProperties: convertType(index.type, ctx) };
    return objectSchema(t.members, ctx);
  }
  if (ts.isTypeReferenceNode(t)) {
    const name = t.typeName.getText(ctx.p.sf);
    if (name === 'Array' && t.typeArguments?.length === 1) return { type: 'array', items: convertType(t.typeArguments[0], ctx) };
    const target = ctx.p.imports.get(name) ?? (name === ctx.p.decl.name.text ? ctx.file : undefined);
    if (target) return refTo(target);
  }
  throw new Error(`${ctx.file}: unsupported type ${t.getText(ctx.p.sf)}`);
}

function objectSchema(members: ts.NodeArray<ts.TypeElement>, ctx: { file: string; p: Parsed; owner: string }): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const m of members) {
    if (!ts.isPropertySignature(m) || !m.type) continue;
    const key = ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : m.name.getText(ctx.p.sf);
    const description = jsDocText(m);
    properties[key] = { ...convertType(m.type, ctx), ...(description ? { description } : {}) };
    if (!m.questionToken) required.push(key);
  }
  if (!Object.keys(properties).length) return {};
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

function convertFile(file: string): Schema {
  const p = parse(file);
  const owner = defName(file);
  const description = jsDocText(p.decl);
  const ctx = { file, p, owner };
  let schema: Schema;
  if (owner === 'Quantity') schema = { anyOf: [{ type: 'string', format: 'quantity', pattern: QUANTITY_PATTERN }, { type: 'number' }], description: QUANTITY_DESCRIPTION };
  else if (owner === 'IntOrString') schema = { anyOf: [{ type: 'integer' }, { type: 'string' }] };
  else if (ts.isTypeAliasDeclaration(p.decl)) schema = convertType(p.decl.type, ctx);
  else schema = objectSchema(p.decl.members, ctx);
  return description ? { ...schema, description } : schema;
}


function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '_schemas' ? [] : walk(p);
    return e.name.endsWith('.d.ts') && e.name !== 'index.d.ts' ? [p] : [];
  });
}

/** Kind files: interfaces whose apiVersion and kind are literal types. */
function findKinds(): { apiVersion: string; kind: string; file: string }[] {
  const found = [];
  for (const file of walk(MODELS)) {
    const decl = parse(file).decl;
    if (!ts.isInterfaceDeclaration(decl)) continue;
    const lit = (key: string) => {
      const m = decl.members.find((x) => ts.isPropertySignature(x) && ts.isStringLiteral(x.name) && x.name.text === key) as ts.PropertySignature | undefined;
      return m?.type && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal) ? m.type.literal.text : undefined;
    };
    const apiVersion = lit('apiVersion');
    const kind = lit('kind');
    if (!apiVersion || !kind || isListKind(kind) || !GA_VERSION.test(apiVersion.split('/').pop()!)) continue;
    found.push({ apiVersion, kind, file });
  }
  return found.sort((a, b) => `${a.apiVersion}/${a.kind}`.localeCompare(`${b.apiVersion}/${b.kind}`));
}

function main(): void {
  const kinds: Record<string, string> = {};
  for (const k of findKinds()) kinds[`${k.apiVersion}/${k.kind}`] = (refTo(k.file).$ref as string);
  for (let file = pending.shift(); file; file = pending.shift()) definitions[defName(file)] = convertFile(file);

  for (const owner of NON_EMPTY_SELECTOR) {
    const selector = (definitions[owner].properties as Record<string, Schema>).selector;
    selector.requiredAny = ['matchLabels', 'matchExpressions'];
  }
  for (const [name, def] of Object.entries(kedaDefinitions)) definitions[name] = def;
  for (const [key, name] of Object.entries(kedaKinds)) kinds[key] = REF + name;

  // Every $ref must land, or the validator would silently accept the subtree.
  const text = JSON.stringify(definitions);
  for (const m of text.matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) if (!definitions[m[1]]) throw new Error(`dangling $ref ${m[1]}`);

  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]));
  const version = JSON.parse(fs.readFileSync(path.join(MODELS, 'package.json'), 'utf8')).version;
  const out = JSON.stringify({
    $comment: `Generated by scripts/gen-k8s-schemas.ts from kubernetes-models@${version} (GA API versions) and hand-written KEDA keda.sh/v1alpha1 definitions. Do not edit.`,
    kinds,
    definitions: sorted,
  });
  if (process.argv.includes('--check')) {
    if (!fs.existsSync(OUT) || fs.readFileSync(OUT, 'utf8') !== out) {
      console.error(`out of date: ${path.relative(ROOT, OUT)} (run npm run gen:schemas)`);
      process.exit(1);
    }
    return;
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, out);
  const gz = zlib.gzipSync(out, { level: 9 }).length;
  console.log(`${path.relative(ROOT, OUT)}: ${Object.keys(kinds).length} kinds, ${Object.keys(sorted).length} definitions, ${(out.length / 1024).toFixed(0)} KB (${(gz / 1024).toFixed(0)} KB gzip -9)`);
}

main();
