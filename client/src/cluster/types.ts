// The parts of kubectl's JSON output that the cluster view reads. Everything is optional: servers omit empty fields.
import { KubectlError } from './errors';

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { kind?: string; name?: string; uid?: string; controller?: boolean }[];
}

export interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key?: string; operator?: string; values?: string[] }[];
}

export interface PodTemplate {
  metadata?: ObjectMeta;
  spec?: { containers?: { name?: string; image?: string }[] };
}

export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

export interface Deployment extends K8sObject {
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplate; progressDeadlineSeconds?: number };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    observedGeneration?: number;
    conditions?: Condition[];
  };
}

export interface ReplicaSet extends K8sObject {
  spec?: { replicas?: number; template?: PodTemplate };
  status?: { replicas?: number; readyReplicas?: number };
}

export interface Pod extends K8sObject {
  status?: {
    phase?: string;
    reason?: string;
    containerStatuses?: { name?: string; ready?: boolean; restartCount?: number; state?: { waiting?: { reason?: string }; terminated?: { reason?: string } } }[];
  };
  spec?: { containers?: { name?: string }[] };
}

export interface Service extends K8sObject {
  spec?: { type?: string; clusterIP?: string; ports?: { port?: number; protocol?: string; targetPort?: number | string }[] };
}

export interface Ingress extends K8sObject {
  spec?: { ingressClassName?: string; rules?: { host?: string }[] };
}

export interface MetricTarget {
  type?: string;
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}

export interface MetricSpec {
  type?: string;
  resource?: { name?: string; target?: MetricTarget; current?: MetricTarget };
  containerResource?: { name?: string; container?: string; target?: MetricTarget; current?: MetricTarget };
  pods?: { metric?: { name?: string }; target?: MetricTarget; current?: MetricTarget };
  object?: { metric?: { name?: string }; target?: MetricTarget; current?: MetricTarget };
  external?: { metric?: { name?: string }; target?: MetricTarget; current?: MetricTarget };
}

export interface HorizontalPodAutoscaler extends K8sObject {
  spec?: {
    minReplicas?: number;
    maxReplicas?: number;
    scaleTargetRef?: { kind?: string; name?: string };
    metrics?: MetricSpec[];
    /** autoscaling/v1 */
    targetCPUUtilizationPercentage?: number;
  };
  status?: {
    currentReplicas?: number;
    desiredReplicas?: number;
    currentMetrics?: MetricSpec[] | null;
    conditions?: Condition[];
    lastScaleTime?: string;
    /** autoscaling/v1 */
    currentCPUUtilizationPercentage?: number;
  };
}

/** A core/v1 Event as `kubectl get events -o json` lists it. */
export interface KubeEvent extends K8sObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string | null;
  eventTime?: string | null;
}

export interface ScaledObject extends K8sObject {
  spec?: { scaleTargetRef?: { name?: string }; minReplicaCount?: number; maxReplicaCount?: number; triggers?: { type?: string }[] };
  status?: { conditions?: Condition[] };
}

export interface List<T> {
  kind?: string;
  items: T[];
}

/** The label selector as kubectl's `-l` syntax (matchLabels and matchExpressions). */
export function selectorString(sel: LabelSelector | undefined): string {
  const parts = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    if (!e.key) continue;
    const values = `(${(e.values ?? []).join(',')})`;
    if (e.operator === 'In') parts.push(`${e.key} in ${values}`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin ${values}`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/** The items of a kubectl list, or a `malformed` complaint when the output has no items array. */
export function itemsOf<T>(list: unknown, what: string): T[] {
  const items = (list as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new KubectlError('malformed', `kubectl returned ${what} without an items list.`);
  return items as T[];
}
