// The servers bench:peers compares and the inputs it gives them: ours, docker-langserver, yaml-language-server with a
// local Kubernetes schema, and a bare vscode-languageserver server as the floor for start-up.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { SERVER_NODE_FLAGS } from '../../server/src/protocol';
import { bigDockerfile, bigManifest } from '../bench';
import type { Input, ServerSpec } from './session';

export const ROOT = path.resolve(__dirname, '../..');
const CACHE = path.join(ROOT, '.cache/bench');

/** The schema yaml-language-server validates against: every bundled Kubernetes kind, as its own Kubernetes mode does (oneOf). */
function kubernetesJsonSchema(): string {
  const bundled = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/kubernetes.json'), 'utf8')) as { kinds: Record<string, string>; definitions: unknown };
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    definitions: bundled.definitions,
    oneOf: [...new Set(Object.values(bundled.kinds))].map(($ref) => ({ $ref })),
  };
  fs.mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, 'kubernetes-all.json');
  fs.writeFileSync(file, JSON.stringify(schema));
  return pathToFileURL(file).toString();
}

/** Ours and the anchor for each kind of file, in that order. */
export function servers(): ServerSpec[] {
  const bin = (pkg: string, file: string) => path.join(ROOT, 'node_modules', pkg, file);
  const ours = path.join(ROOT, 'dist/server.js');
  return [
    {
      name: 'Stevedore',
      kind: 'dockerfile',
      // As the VS Code client starts it.
      argv: [...SERVER_NODE_FLAGS, ours, '--stdio'],
      settings: {},
      pull: true,
    },
    {
      name: 'docker-langserver 0.15',
      kind: 'dockerfile',
      argv: [bin('dockerfile-language-server-nodejs', 'bin/docker-langserver'), '--stdio'],
      settings: {},
    },
    {
      name: 'Stevedore',
      kind: 'manifest',
      argv: [...SERVER_NODE_FLAGS, ours, '--stdio'],
      settings: {},
      pull: true,
    },
    {
      name: 'yaml-language-server 1.25',
      kind: 'manifest',
      argv: [bin('yaml-language-server', 'bin/yaml-language-server'), '--stdio'],
      settings: {
        yaml: {
          validate: true,
          hover: true,
          completion: true,
          format: { enable: false },
          schemaStore: { enable: false },
          schemas: { [kubernetesJsonSchema()]: '*.yaml' },
        },
      },
    },
  ];
}

const BARE_SERVER = `
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: {} }));
connection.listen();
`;

/**
 * The floor for start-up: a vscode-languageserver server that only answers initialize (empty capabilities), bundled
 * as scripts/build.mjs bundles ours for production, into .cache/bench/bare-server.js.
 */
export function bareServer(): ServerSpec {
  const outfile = path.join(CACHE, 'bare-server.js');
  buildSync({
    stdin: {
      contents: BARE_SERVER,
      resolveDir: ROOT,
      loader: 'ts',
      sourcefile: 'bare-server.ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
  });
  return {
    name: 'bare vscode-languageserver',
    kind: 'dockerfile',
    argv: [outfile, '--stdio'],
    settings: {},
  };
}

/** The generated inputs of the chosen sizes (small, medium, large): Dockerfiles and multi-document manifests. */
export function inputs(sizes: Set<string>): Input[] {
  const out: Input[] = [];
  const docker = (lines: number, label: string) => {
    const text = bigDockerfile(lines);
    out.push({
      kind: 'dockerfile',
      label,
      text,
      edited: text.replace('WORKDIR /src', 'WORKDIR /srv'),
      hover: { line: 2, character: 6 },
    });
  };
  const manifest = (lines: number, label: string) => {
    const text = bigManifest(lines);
    out.push({
      kind: 'manifest',
      label,
      text,
      edited: text.replace('value: info', 'value: debug'),
      hover: { line: 1, character: 2 },
    });
  };
  if (sizes.has('small')) docker(50, '50-line Dockerfile');
  if (sizes.has('medium')) docker(1000, '1,000-line Dockerfile');
  if (sizes.has('large')) docker(10000, '10,000-line Dockerfile');
  if (sizes.has('small')) manifest(100, '100-line manifest');
  if (sizes.has('medium')) manifest(2000, '2,000-line manifest');
  if (sizes.has('large')) manifest(20000, '20,000-line manifest');
  return out;
}
