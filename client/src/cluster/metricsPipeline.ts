// The metrics pipeline behind the autoscalers: HPAs on cpu/memory need the resource metrics API
// (`v1beta1.metrics.k8s.io`, metrics-server), ScaledObjects need the external metrics API
// (`v1beta1.external.metrics.k8s.io`, KEDA's metrics server). When a namespace has such autoscalers and the APIService
// is missing or not Available, the namespace shows a warning item whose action copies the install command — Stevedore
// never applies anything from the internet itself.
import { isKubectlError } from './errors';
import type { Kubectl } from './kubectl';
import type { ClusterNode } from './model';
import type { Condition, HorizontalPodAutoscaler, K8sObject } from './types';

/** The guide's metrics-server install command. */
export const METRICS_SERVER_INSTALL = 'kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml';
/** KEDA's Helm install (keda.sh/deploy), which brings its external metrics server. */
export const KEDA_INSTALL = 'helm repo add kedacore https://kedacore.github.io/charts && helm repo update && helm install keda kedacore/keda --namespace keda --create-namespace';

interface Pipeline {
  apiService: string;
  contextValue: string;
  label: string;
  provider: string;
  install: string;
  /** The autoscalers of the namespace that depend on this API. */
  dependents: (items: K8sObject[]) => string[];
}

/** True when the HPA scales on cpu or memory (no metrics at all means the default cpu 80 %). */
function usesResourceMetrics(h: HorizontalPodAutoscaler): boolean {
  const metrics = h.spec?.metrics;
  if (h.spec?.targetCPUUtilizationPercentage !== undefined || !metrics?.length) return true;
  return metrics.some((m) => m.type === 'Resource' || m.type === 'ContainerResource');
}

const names = (items: K8sObject[]) => items.map((o) => o.metadata?.name ?? '?');

const PIPELINES: Pipeline[] = [
  {
    apiService: 'v1beta1.metrics.k8s.io',
    contextValue: 'stevedore.metricsApi.resource',
    label: 'Metrics API unavailable: HPAs on cpu/memory cannot scale',
    provider: 'metrics-server',
    install: METRICS_SERVER_INSTALL,
    dependents: (items) => names(items.filter((o) => o.kind === 'HorizontalPodAutoscaler' && usesResourceMetrics(o as HorizontalPodAutoscaler))),
  },
  {
    apiService: 'v1beta1.external.metrics.k8s.io',
    contextValue: 'stevedore.metricsApi.external',
    label: 'External metrics API unavailable: ScaledObjects cannot scale',
    provider: 'KEDA',
    install: KEDA_INSTALL,
    dependents: (items) => names(items.filter((o) => o.kind === 'ScaledObject')),
  },
];

/** A metrics API the namespace's autoscalers need that is not Available. */
export interface MetricsProblem {
  apiService: string;
  reason: string;
  message: string;
  dependents: string[];
}

/** The APIService's Available condition; `missing` when it is not registered, undefined when it cannot be read. */
async function availability(kubectl: Kubectl, context: string, name: string): Promise<Condition | 'missing' | undefined> {
  try {
    const s = await kubectl.json<{ status?: { conditions?: Condition[] } }>(['get', 'apiservice', name], { context });
    return s.status?.conditions?.find((c) => c.type === 'Available') ?? { status: 'Unknown', reason: 'NoCondition', message: 'the APIService has no Available condition yet' };
  } catch (e) {
    if (isKubectlError(e) && e.kind === 'not-found') return 'missing';
    return undefined; // forbidden or unreachable: say nothing rather than guess
  }
}

/** The metrics APIs that `items` (one namespace's objects) need and that are missing or not Available. */
export async function metricsProblems(kubectl: Kubectl, context: string, items: K8sObject[]): Promise<MetricsProblem[]> {
  const problems: MetricsProblem[] = [];
  for (const p of PIPELINES) {
    const dependents = p.dependents(items);
    if (!dependents.length) continue;
    const state = await availability(kubectl, context, p.apiService);
    if (state === undefined || (state !== 'missing' && state.status === 'True')) continue;
    problems.push(
      state === 'missing'
        ? { apiService: p.apiService, reason: 'NotRegistered', message: `the APIService ${p.apiService} does not exist: ${p.provider} is not installed`, dependents }
        : { apiService: p.apiService, reason: state.reason ?? 'Unknown', message: state.message ?? '', dependents },
    );
  }
  return problems;
}

/** One warning item per problem, for the top of the namespace. */
export function metricsWarningNodes(parentId: string, context: string, namespace: string, problems: MetricsProblem[]): ClusterNode[] {
  return problems.map((m) => {
    const p = PIPELINES.find((x) => x.apiService === m.apiService)!;
    return {
      id: `${parentId}/metrics:${m.apiService}`,
      label: p.label,
      description: `${m.apiService}: ${m.reason}`,
      tooltip: [
        `**${p.label}**`,
        `APIService \`${m.apiService}\`: ${m.reason}${m.message ? ` — ${m.message}` : ''}`,
        `Affected here: ${m.dependents.join(', ')}`,
        `"Copy install command" copies the ${p.provider} install command to paste into a terminal:\n\n\`${p.install}\``,
      ].join('\n\n'),
      contextValue: p.contextValue,
      icon: 'warning',
      collapsible: false,
      target: { context, namespace },
    };
  });
}

/** What "Copy install command" needs from the editor. */
export interface ClipboardUi {
  copy(text: string): Promise<void>;
  showInfo(message: string): void;
}

/** Copies the install command for the warning item `arg` (metrics-server from the palette); never runs it. */
export async function copyInstallCommand(arg: unknown, ui: ClipboardUi): Promise<string> {
  const contextValue = (arg as { contextValue?: unknown } | undefined)?.contextValue;
  const p = PIPELINES.find((x) => x.contextValue === contextValue) ?? PIPELINES[0];
  const context = (arg as { target?: { context?: string } } | undefined)?.target?.context;
  await ui.copy(p.install);
  ui.showInfo(`Copied the ${p.provider} install command. Review it, then run it in a terminal${context ? ` against context "${context}"` : ''}: ${p.install}`);
  return p.install;
}
