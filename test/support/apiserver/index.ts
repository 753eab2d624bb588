// A local Kubernetes API server for tests: enough of the REST protocol, discovery, OpenAPI and controllers that the
// real kubectl (v1.32) runs unmodified against it. See README.md in this folder for endpoints and limits.
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ObjectApi } from './api';
import { seedApiServices, setMetricsApi, type ApiServiceState, type MetricsApiOptions } from './apiservices';
import { ControllerManager } from './controller';
import { seedKeda } from './keda';
import { createHandler, type RequestRecord, type ServerState } from './handlers';
import { USER, writeKubeconfig } from './kubeconfig';
import { RESOURCES } from './resources';
import { createSystemNamespaces, seedCluster } from './seed';
import { Store } from './store';
import { selfSignedCertificate } from './tls';
import { clone } from './util';

export interface StartOptions {
  seed?: boolean; // default true: seed data (seed.ts); false: only the default and kube-system namespaces
  tickMs?: number; // controller tick, default 100 (tests), cluster:dev uses 1000
  port?: number; // default 0 (OS-chosen)
  dir?: string; // where to write the kubeconfig; default a fresh mkdtemp folder
  /** The metrics APIServices (apiservices.ts); default: metrics-server registered but unavailable, no KEDA one. */
  metricsApi?: MetricsApiOptions;
  /** Also seed a KEDA ScaledObject `orders` with its Deployment and KEDA's HPA (keda.ts); needs the default seed. */
  keda?: boolean;
}

export interface TestCluster {
  url: string; // https://127.0.0.1:<port> (client-go sends bearer tokens only over TLS)
  kubeconfig: string;
  token: string;
  /** PEM of the server's self-signed certificate, for raw https clients (`https.request({ ca })`). */
  ca: string;
  close(): Promise<void>;
  setFailRollouts(on: boolean): void;
  /**
   * Synthetic CPU use (millicores, spread over the target's ready pods) for an HPA: from then on its controller
   * follows the real algorithm (one tick = one 15 s sync) and rescales the target. null: back to the fixed 83 %.
   */
  setHpaLoad(namespace: string, hpa: string, milliCores: number | null): void;
  setForbidden(rule: { verb?: string; resource?: string; namespace?: string } | null): void;
  setDelay(ms: number): void;
  /** Makes the resource (metrics-server) or external (KEDA) metrics API available, unavailable or unregistered. */
  setMetricsApi(which: keyof MetricsApiOptions, state: ApiServiceState): void;
  get(resourcePath: string): any | undefined;
  requests: Array<{ method: string; path: string; query: string; contentType?: string }>;
}

/** Resolves `apps/v1/namespaces/shop/deployments/web` (or `v1/namespaces/shop`, `api/v1/...`, `apis/...`). */
function lookup(store: Store, resourcePath: string): any | undefined {
  const segs = resourcePath.replace(/^\/+/, '').replace(/^apis?\//, '').split('/').filter(Boolean);
  const gvLength = segs[0] === 'v1' ? 1 : 2;
  const [group, version] = gvLength === 1 ? ['', 'v1'] : [segs[0], segs[1]];
  const rest = segs.slice(gvLength);
  const namespaced = rest[0] === 'namespaces' && rest.length >= 4;
  const [namespace, plural, name] = namespaced ? [rest[1], rest[2], rest[3]] : [undefined, rest[0], rest[1]];
  const r = RESOURCES.find((x) => x.group === group && x.version === version && x.plural === plural);
  if (!r || !name) throw new Error(`TestCluster.get: cannot resolve "${resourcePath}" (expected e.g. apps/v1/namespaces/shop/deployments/web)`);
  return clone(store.get(r, namespace, name));
}

/** Starts the server, seeds it (unless seed: false), writes the kubeconfig and starts the controllers. */
export async function startTestCluster(opts: StartOptions = {}): Promise<TestCluster> {
  const tickMs = opts.tickMs ?? 100;
  const store = new Store();
  const api = new ObjectApi(store);
  const controllers = new ControllerManager(api, tickMs);
  if (opts.seed ?? true) seedCluster(api, controllers);
  else createSystemNamespaces(api);
  if (opts.keda && (opts.seed ?? true)) seedKeda(api);
  seedApiServices(api, opts.metricsApi);

  const token = randomBytes(16).toString('hex');
  const requests: RequestRecord[] = [];
  const state: ServerState = { api, token, user: USER, delayMs: 0, forbidden: null, requests, watches: new Set(), timers: new Set(), serverAddress: '', hpaLoad: controllers.ctx.hpaLoad, tickMs };
  const tls = selfSignedCertificate();
  const server = https.createServer({ cert: tls.cert, key: tls.key }, createHandler(state));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `https://127.0.0.1:${port}`;
  state.serverAddress = `127.0.0.1:${port}`;
  const ownDir = !opts.dir;
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-apiserver-'));
  const kubeconfig = writeKubeconfig(dir, url, token, tls.cert);
  controllers.start();

  let closed: Promise<void> | undefined;
  return {
    url,
    kubeconfig,
    token,
    ca: tls.cert,
    requests,
    close() {
      closed ??= (async () => {
        controllers.stop();
        for (const stop of [...state.watches]) stop();
        for (const timer of state.timers) clearTimeout(timer);
        state.timers.clear();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
      })();
      return closed;
    },
    setFailRollouts(on) {
      controllers.ctx.failRollouts = on;
    },
    setHpaLoad(namespace, hpa, milliCores) {
      if (milliCores === null) controllers.ctx.hpaLoad.delete(`${namespace}/${hpa}`);
      else controllers.ctx.hpaLoad.set(`${namespace}/${hpa}`, milliCores);
    },
    setForbidden(rule) {
      state.forbidden = rule;
    },
    setDelay(ms) {
      state.delayMs = ms;
    },
    setMetricsApi(which, s) {
      setMetricsApi(api, which, s);
    },
    get(resourcePath) {
      return lookup(store, resourcePath);
    },
  };
}

