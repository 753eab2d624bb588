// Benchmarks (never timed tests): analysis of a 1,000-line Dockerfile after a change, and server start-up.
// Targets: < 50 ms per analysis, < 150 ms from spawning the server to its initialize result.
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { analyzeDockerfile } from '../server/src/core/dockerfile/analyze';
import { MemoryContext } from '../server/src/core/context';
import { analyzeManifest } from '../server/src/core/k8s/analyze';
import { preloadSchemas } from '../server/src/core/k8s/schema';
import { warmUpManifests } from '../server/src/core/k8s/warmup';
import { parseManifest } from '../server/src/core/k8s/parse';
import { ManifestWorkspace } from '../server/src/core/k8s/workspace';
import { initShellParser } from '../server/src/core/dockerfile/shell';
import { dockerfileRules, manifestRules } from '../server/src/rules';

/** A realistic 1,000-line multi-stage Dockerfile. */
export function bigDockerfile(lines = 1000): string {
  const out: string[] = ['# syntax=docker/dockerfile:1', 'ARG PY=3.12', 'FROM python:${PY} AS build', 'WORKDIR /src'];
  let i = 0;
  while (out.length < lines - 6) {
    i++;
    switch (i % 6) {
      case 0:
        out.push(`RUN apt-get update && apt-get install -y gcc libpq-dev pkg${i} \\`, `    && pip install --prefix=/install pkg${i}==1.${i} \\`, `    && curl -fsSL https://example.com/x${i} | sh`);
        break;
      case 1:
        out.push(`COPY requirements-${i}.txt /src/`);
        break;
      case 2:
        out.push(`ENV VAR_${i}=value${i}`);
        break;
      case 3:
        out.push(`# step ${i}`, `RUN cd /src && make target${i} && rm -rf /tmp/build${i}`);
        break;
      case 4:
        out.push(`RUN echo ${i} >> /log`);
        break;
      default:
        out.push(`LABEL step${i}="yes"`);
    }
  }
  out.push('FROM python:${PY}-slim', 'COPY --from=build /install /usr/local', 'COPY . /app', 'USER 1000', 'EXPOSE 8000', 'CMD ["python", "-m", "app"]');
  return out.join('\n') + '\n';
}

/** A multi-document manifest of about `lines` lines: Deployment + Service + HPA per app. */
export function bigManifest(lines = 20000): string {
  const docs: string[] = [];
  let n = 0;
  for (let i = 0; n < lines; i++) {
    const app = `app-${i}`;
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: ${app}`,
      '  labels:',
      `    app: ${app}`,
      'spec:',
      '  selector:',
      '    matchLabels:',
      `      app: ${app}`,
      '  template:',
      '    metadata:',
      '      labels:',
      `        app: ${app}`,
      '    spec:',
      '      containers:',
      `        - name: ${app}`,
      `          image: registry.example.com/${app}:1.${i}.0`,
      '          ports:',
      '            - name: http',
      '              containerPort: 8080',
      '          env:',
      '            - name: LOG_LEVEL',
      '              value: info',
      '          resources:',
      '            requests:',
      '              cpu: 100m',
      '              memory: 128Mi',
      '            limits:',
      '              memory: 256Mi',
      '          readinessProbe:',
      '            httpGet:',
      '              path: /healthz',
      '              port: http',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      `  name: ${app}`,
      'spec:',
      '  selector:',
      `    app: ${app}`,
      '  ports:',
      '    - port: 80',
      '      targetPort: http',
      '---',
      'apiVersion: autoscaling/v2',
      'kind: HorizontalPodAutoscaler',
      'metadata:',
      `  name: ${app}`,
      'spec:',
      '  scaleTargetRef:',
      '    apiVersion: apps/v1',
      '    kind: Deployment',
      `    name: ${app}`,
      '  minReplicas: 2',
      '  maxReplicas: 10',
      '  metrics:',
      '    - type: Resource',
      '      resource:',
      '        name: cpu',
      '        target:',
      '          type: Utilization',
      '          averageUtilization: 70',
    ];
    n += text.length + 1;
    docs.push(text.join('\n'));
  }
  return docs.join('\n---\n') + '\n';
}

function benchManifests(): { edit2k: number; open20k: number; openScanned20k: number; edit20k: number } {
  const run = (text: string) => {
    const t0 = performance.now();
    analyzeManifest(text, { rules: manifestRules, path: '/ws/big.yaml' });
    return performance.now() - t0;
  };
  const edits = (text: string) => {
    run(text);
    // Editing is measured in steady state: a few edits first warm the JIT, as a user's first keystrokes do.
    for (let k = 0; k < 3; k++) run(text.replace('value: info', `value: warm${k}`));
    const times: number[] = [];
    for (let k = 0; k < 21; k++) times.push(run(text.replace('value: info', `value: debug${k}`)));
    return median(times);
  };
  // As the server does after start-up: load the schemas, then warm the parser and rules on its small sample. The
  // 20,000-line file is the first real manifest this process analyzes, as a user's first open would be.
  preloadSchemas();
  warmUpManifests(manifestRules, 30);
  const big = bigManifest(20000);
  const open20k = run(big);
  // A file in the workspace was already parsed by the server's start-up scan (ManifestWorkspace.loadManifests);
  // opening it reuses those documents' trees. A different text, so nothing above is reused.
  const scanned = bigManifest(20000).replace(/app-/g, 'svc-');
  const workspace = new ManifestWorkspace();
  workspace.set(parseManifest(scanned, '/ws/scanned.yaml'));
  const t0 = performance.now();
  analyzeManifest(scanned, { rules: manifestRules, path: '/ws/scanned.yaml', workspace });
  const openScanned20k = performance.now() - t0;
  return { edit2k: edits(bigManifest(2000)), open20k, openScanned20k, edit20k: edits(big) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function benchAnalysis(): Promise<number> {
  await initShellParser();
  const text = bigDockerfile();
  const context = new MemoryContext({ 'requirements.txt': 'flask\n', '.dockerignore': '.git\n' });
  analyzeDockerfile(text, { rules: dockerfileRules, context, path: '/ctx/Dockerfile' });
  // Steady state, as for manifests: a few edits first warm the JIT, as a user's first keystrokes do.
  for (let k = 0; k < 3; k++) analyzeDockerfile(text.replace('WORKDIR /src', `WORKDIR /warm${k}`), { rules: dockerfileRules, context, path: '/ctx/Dockerfile' });
  const times: number[] = [];
  for (let k = 0; k < 20; k++) {
    const edited = text.replace('WORKDIR /src', `WORKDIR /src${k}`);
    const t0 = performance.now();
    analyzeDockerfile(edited, { rules: dockerfileRules, context, path: '/ctx/Dockerfile' });
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Spawn to initialize result; with `bare`, a node process that answers at once (the machine's floor). */
function startOnce(bare = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const args = bare ? ['-e', 'process.stdin.once("data", () => process.stdout.write("\\"capabilities\\""))'] : [path.resolve(__dirname, '../dist/server.js'), '--stdio'];
    const proc = spawn(process.execPath, args);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let buf = '';
    proc.stdout.on('data', (d) => {
      buf += d;
      if (buf.includes('"capabilities"')) {
        resolve(performance.now() - t0);
        proc.kill();
      }
    });
    proc.on('error', reject);
  });
}

/** dist/extension.js: require + activate() with a stand-in vscode module (see scripts/bench-activation.cjs). */
function activationOnce(bundle = 'dist/extension.js'): number {
  const r = spawnSync(process.execPath, [path.resolve(__dirname, 'bench-activation.cjs'), path.resolve(__dirname, '..', bundle)], { encoding: 'utf8' });
  const m = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { require?: number; activate?: number };
  return (m.require ?? NaN) + (m.activate ?? 0);
}

async function main(): Promise<void> {
  const analysis = await benchAnalysis();
  const manifests = benchManifests();
  const starts: number[] = [];
  const bare: number[] = [];
  for (let k = 0; k < 9; k++) {
    bare.push(await startOnce(true));
    starts.push(await startOnce());
  }
  const activation = median(Array.from({ length: 9 }, () => activationOnce()));
  const lsp = median(Array.from({ length: 5 }, () => activationOnce('dist/lsp.js')));
  const rows = [
    ['extension activation: load dist/extension.js + activate() (median of 9)', activation, 50],
    ['1,000-line Dockerfile, analysis after an edit (median of 20)', analysis, 50],
    ['server start to initialize result (median of 9, includes node start-up)', median(starts), 150],
    ['2,000-line manifest, analysis after a one-line edit (median of 21)', manifests.edit2k, 50],
    ['20,000-line manifest never seen before (new or outside the workspace), first analysis', manifests.open20k, 300],
    ['20,000-line manifest of the workspace (parsed by the start-up scan), first analysis on open', manifests.openScanned20k, 300],
    ['20,000-line manifest, analysis after a one-line edit (median of 21)', manifests.edit20k, 50],
  ] as const;
  for (const [name, ms, target] of rows) console.log(`${ms < target ? 'ok  ' : 'SLOW'} ${ms.toFixed(1).padStart(7)} ms  (target < ${target} ms)  ${name}`);
  console.log(`     ${median(bare).toFixed(1).padStart(7)} ms  bare node start-up on this machine, for comparison`);
  console.log(`     ${lsp.toFixed(1).padStart(7)} ms  loading dist/lsp.js (the language client), on the turn after activation`);
}

if (require.main === module) void main();
