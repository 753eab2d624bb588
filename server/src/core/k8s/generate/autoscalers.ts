// "Create HorizontalPodAutoscaler" and "Create KEDA ScaledObject (Prometheus)" on a Deployment or StatefulSet.
import { podLabels } from '../object';
import { isHpa, isScaledObject, scaleTargetRef } from '../workspace-index';
import { insertAction, metadataOf, nameTaken, scalar, type Doc, type GenContext, type GeneratedAction } from './context';

export const SCALABLE_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet']);

const PROMETHEUS = 'http://prometheus-server.monitoring.svc:80';

/** True when an HPA or ScaledObject in the workload's namespace already scales it (two autoscalers fight). */
function autoscaled(ctx: GenContext): boolean {
  const { obj } = ctx;
  return ctx.objects.some((a) => {
    if (a.namespace !== obj.namespace || !(isHpa(a) || isScaledObject(a))) return false;
    const ref = scaleTargetRef(a);
    return ref?.kind === obj.kind && ref.name === obj.name;
  });
}

/** An autoscaling/v2 HPA on CPU utilisation, with a scale-down window against flapping. */
export function createHpa(ctx: GenContext): GeneratedAction | null {
  const { obj } = ctx;
  if (!SCALABLE_KINDS.has(obj.kind) || !obj.name || autoscaled(ctx) || nameTaken(ctx, 'HorizontalPodAutoscaler', obj.name)) return null;
  return insertAction(ctx, 'Create HorizontalPodAutoscaler', {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadataOf(ctx, obj, obj.name),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: obj.kind, name: scalar(ctx, obj.name) },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  });
}

/** A KEDA ScaledObject with a Prometheus request-rate trigger on the workload's `app` label. */
export function createScaledObject(ctx: GenContext): GeneratedAction | null {
  const { obj } = ctx;
  if (!SCALABLE_KINDS.has(obj.kind) || !obj.name || autoscaled(ctx) || nameTaken(ctx, 'ScaledObject', obj.name)) return null;
  const labels = podLabels(obj);
  const app = labels.app ?? labels['app.kubernetes.io/name'] ?? obj.name;
  // KEDA's scaleTargetRef defaults to a Deployment; other kinds need apiVersion and kind.
  const target: Doc = obj.kind === 'Deployment' ? { name: scalar(ctx, obj.name) } : { apiVersion: 'apps/v1', kind: obj.kind, name: scalar(ctx, obj.name) };
  return insertAction(ctx, 'Create KEDA ScaledObject (Prometheus)', {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: metadataOf(ctx, obj, obj.name),
    spec: {
      scaleTargetRef: target,
      minReplicaCount: 2,
      maxReplicaCount: 10,
      triggers: [
        {
          type: 'prometheus',
          metadata: {
            serverAddress: PROMETHEUS,
            query: scalar(ctx, `sum(rate(http_requests_total{app=${JSON.stringify(app)}}[2m]))`),
            // KEDA rejects a numeric threshold: trigger metadata values are strings.
            threshold: scalar(ctx, '100'),
          },
        },
      ],
    },
  });
}
