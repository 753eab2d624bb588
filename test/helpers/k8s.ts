// Builders for the Kubernetes objects the tests feed the manifest rules and the LSP: a Deployment (or another
// workload), a Pod, an HPA, a Service, an Ingress and a KEDA ScaledObject in the layout the tests' expected ranges
// assume (two-space indent, block sequences indented under their key). Defaults give the nginx "web" example; the
// part a test is about is usually passed as raw YAML lines so the table shows it.

/** Raw YAML lines or a map rendered as `key: value` lines. */
type Lines = string | Record<string, string>;

function lines(value: Lines, indent: number): string {
  if (typeof value === 'string') return value;
  return Object.entries(value).map(([k, v]) => `${' '.repeat(indent)}${k}: ${v}\n`).join('');
}

/** `metadata:` with its name, namespace and any extra raw lines. */
function metadata(name: string, namespace?: string, extra = ''): string {
  return `metadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}${extra}`;
}

export interface ContainerOptions {
  name?: string;
  image?: string;
  /** `containerPort` entries, optionally named. */
  ports?: { name?: string; containerPort: number }[];
  /** `resources.requests` / `resources.limits` maps. */
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  /** An httpGet readinessProbe on this path and port. */
  readinessProbe?: { path: string; port: string | number };
  /** Raw lines after the rest, indented for this container's keys. */
  extra?: string;
}

/** One entry of a `containers:` list whose dash sits at `indent` spaces. */
export function container(o: ContainerOptions = {}, indent = 8): string {
  const pad = ' '.repeat(indent + 2);
  let out = `${' '.repeat(indent)}- name: ${o.name ?? 'web'}\n${pad}image: ${o.image ?? 'nginx:1.27'}\n`;
  if (o.ports) {
    out += `${pad}ports:\n`;
    for (const p of o.ports) out += p.name ? `${pad}  - name: ${p.name}\n${pad}    containerPort: ${p.containerPort}\n` : `${pad}  - containerPort: ${p.containerPort}\n`;
  }
  if (o.resources) {
    out += `${pad}resources:\n`;
    for (const key of ['requests', 'limits'] as const) {
      const map = o.resources[key];
      if (map) out += `${pad}  ${key}:\n${lines(map, indent + 6)}`;
    }
  }
  if (o.readinessProbe) {
    out += `${pad}readinessProbe:\n${pad}  httpGet:\n${pad}    path: ${o.readinessProbe.path}\n${pad}    port: ${o.readinessProbe.port}\n`;
  }
  return out + (o.extra ?? '');
}

export interface WorkloadOptions {
  kind?: string;
  apiVersion?: string;
  name?: string;
  namespace?: string;
  /** `spec.replicas`, verbatim (may carry a comment: '3 # baseline'). */
  replicas?: number | string;
  /** Selector and template labels (default: app = name). */
  labels?: Record<string, string>;
  /** Raw lines of the pod spec before `containers:` (indented 6). */
  podSpec?: string;
  /** The containers: options, or raw list lines (dash at 8); default one nginx container named web. */
  containers?: ContainerOptions[] | string;
}

/** A Deployment (or StatefulSet, DaemonSet… by `kind`) with matching selector and template labels. */
export function deployment(o: WorkloadOptions = {}): string {
  const name = o.name ?? 'web';
  const labels = o.labels ?? { app: name };
  const containers = typeof o.containers === 'string' ? o.containers : (o.containers ?? [{}]).map((c) => container(c)).join('');
  return (
    `apiVersion: ${o.apiVersion ?? 'apps/v1'}\nkind: ${o.kind ?? 'Deployment'}\n${metadata(name, o.namespace)}spec:\n` +
    (o.replicas !== undefined ? `  replicas: ${o.replicas}\n` : '') +
    `  selector:\n    matchLabels:\n${lines(labels, 6)}  template:\n    metadata:\n      labels:\n${lines(labels, 8)}    spec:\n` +
    `${o.podSpec ?? ''}      containers:\n${containers}`
  );
}

export interface PodOptions {
  name?: string;
  /** Raw lines of the pod spec before `containers:` (indented 2). */
  podSpec?: string;
  /** The containers (dash at 4); default one nginx container named web. */
  containers?: ContainerOptions[];
}

/** A bare Pod. */
export function pod(o: PodOptions = {}): string {
  const containers = (o.containers ?? [{}]).map((c) => container(c, 4)).join('');
  return `apiVersion: v1\nkind: Pod\n${metadata(o.name ?? 'web')}spec:\n${o.podSpec ?? ''}  containers:\n${containers}`;
}

/** The CPU metric most HPA tests use: 70% average utilisation. */
export const CPU_METRICS = '  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n';

export interface HpaOptions {
  name?: string;
  namespace?: string;
  apiVersion?: string;
  /** The scale target (default Deployment web). */
  target?: { kind?: string; name?: string };
  /** Raw lines after scaleTargetRef; default minReplicas 2, maxReplicas 10 and then `metrics`. */
  spec?: string;
  /** Raw lines after the default replica bounds (e.g. CPU_METRICS). */
  metrics?: string;
}

/** A HorizontalPodAutoscaler. */
export function hpa(o: HpaOptions = {}): string {
  const spec = o.spec ?? `  minReplicas: 2\n  maxReplicas: 10\n${o.metrics ?? ''}`;
  return (
    `apiVersion: ${o.apiVersion ?? 'autoscaling/v2'}\nkind: HorizontalPodAutoscaler\n${metadata(o.name ?? 'web', o.namespace)}spec:\n` +
    `  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: ${o.target?.kind ?? 'Deployment'}\n    name: ${o.target?.name ?? 'web'}\n${spec}`
  );
}

export interface ServiceOptions {
  name?: string;
  namespace?: string;
  /** Raw extra metadata lines (indented 2). */
  metadata?: string;
  /** Selector map or raw lines (indented 4); default app = name. */
  selector?: Lines;
  /** Raw `ports:` list lines (dash at 4); default one port 80. */
  ports?: string;
}

/** A Service. */
export function service(o: ServiceOptions = {}): string {
  const name = o.name ?? 'web';
  return (
    `apiVersion: v1\nkind: Service\n${metadata(name, o.namespace, o.metadata)}spec:\n` +
    `  selector:\n${lines(o.selector ?? { app: name }, 4)}  ports:\n${o.ports ?? '    - port: 80\n'}`
  );
}

export interface IngressOptions {
  name?: string;
  namespace?: string;
  /** `spec.ingressClassName` (default nginx); null leaves it out. */
  className?: string | null;
  host?: string;
  /** The backend Service's name. */
  service?: string;
  /** The backend port line, verbatim: 'number: 80' or 'name: http'. */
  port?: string;
}

/** The `rules:` block of an Ingress with one host and one path routed to a Service port. */
export function ingressRules(o: Pick<IngressOptions, 'host' | 'service' | 'port'> = {}): string {
  return (
    `  rules:\n    - host: ${o.host ?? 'shop.example.com'}\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n` +
    `            backend:\n              service:\n                name: ${o.service ?? 'web'}\n                port:\n                  ${o.port ?? 'number: 80'}\n`
  );
}

/** An Ingress routing one host to one Service port. */
export function ingress(o: IngressOptions = {}): string {
  const className = o.className === undefined ? 'nginx' : o.className;
  return (
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\n${metadata(o.name ?? 'shop', o.namespace)}spec:\n` +
    `${className !== null ? `  ingressClassName: ${className}\n` : ''}${ingressRules(o)}`
  );
}

export interface ScaledObjectOptions {
  name?: string;
  kind?: string;
  /** Raw extra metadata lines (indented 2). */
  metadata?: string;
  /** Raw scaleTargetRef lines (indented 4); default `name: web`. */
  target?: string;
  /** Raw spec lines between scaleTargetRef and triggers. */
  spec?: string;
  /** Raw trigger list lines (dash at 4); default a cpu trigger at 60% utilisation. */
  triggers?: string;
}

/** A KEDA ScaledObject (or ScaledJob by `kind`). */
export function scaledObject(o: ScaledObjectOptions = {}): string {
  const triggers = o.triggers ?? '    - type: cpu\n      metricType: Utilization\n      metadata:\n        value: "60"\n';
  return (
    `apiVersion: keda.sh/v1alpha1\nkind: ${o.kind ?? 'ScaledObject'}\n${metadata(o.name ?? 'web', undefined, o.metadata)}spec:\n` +
    `  scaleTargetRef:\n${o.target ?? '    name: web\n'}${o.spec ?? ''}  triggers:\n${triggers}`
  );
}

/** The "web" example several LSP and rule tests open: Deployment web, one nginx:1.27 container, nothing else. */
export const WEB_DEPLOYMENT = deployment();

/** WEB_DEPLOYMENT's container with a named http port 80 (what resource and probe fixes start from). */
export const WEB_DEPLOYMENT_HTTP = deployment({ containers: [{ ports: [{ name: 'http', containerPort: 80 }] }] });
