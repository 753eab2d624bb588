// Code lenses above workloads: the Services, autoscalers and Ingress routes that point at them; on autoscalers, where
// the behaviour preview opens.
import type { Range } from '../../types';
import { scalarAt } from '../object';
import type { K8sObject, ManifestFile } from '../parse';
import type { Workspace } from '../workspace';
import { autoscalersOf, ingressesTo, selectingServices } from './refs';
import { autoscalerSummary } from './summary';

const LENS_KINDS = new Set(['Deployment', 'StatefulSet']);

const plural = (word: string, n: number) => (n === 1 ? word : `${word}s`);

/** `Service web · HPA 2–10 @ 70% cpu · Ingress api.example.com/v1` for one workload. */
export function workloadLensTitle(workspace: Workspace, workload: K8sObject): string {
  const services = selectingServices(workspace, workload).map((s) => s.from);
  const scalers = autoscalersOf(workspace, workload).map((a) => a.from);
  const routes = services.flatMap((s) => ingressesTo(workspace, s)).map((i) => (i.host ?? '') + (i.httpPath ?? '') || `${i.from.name ?? '?'} (default backend)`);
  const parts = [
    services.length ? `${plural('Service', services.length)} ${services.map((s) => s.name ?? '?').join(', ')}` : 'no Service',
    scalers.length ? scalers.map(autoscalerSummary).join(', ') : 'no autoscaler',
  ];
  const unique = [...new Set(routes)];
  if (unique.length) parts.push(`${plural('Ingress', unique.length)} ${unique.join(', ')}`);
  return parts.join(' · ');
}

export interface WorkloadLens {
  range: Range;
  title: string;
  kind: string;
  name?: string;
  /** The namespace written in the manifest; undefined when it is left to the context's namespace. */
  namespace?: string;
}

/** Where an object's lenses go: the first line of its document's content. */
function lensRange(file: ManifestFile, obj: K8sObject): Range | undefined {
  const first = obj.root.items[0]?.key as { range?: [number, number, number] } | null;
  if (!first?.range) return undefined;
  const start = file.positionAt(obj.doc.start + first.range[0]);
  return { start, end: start };
}

/** One lens per Deployment/StatefulSet of a file, on the first line of its document's content. */
export function manifestLenses(file: ManifestFile, workspace: Workspace): WorkloadLens[] {
  if (file.templated) return [];
  return file.objects.filter((o) => LENS_KINDS.has(o.kind)).flatMap((obj) => {
    const range = lensRange(file, obj);
    if (!range) return [];
    const ns = scalarAt(obj.root, ['metadata', 'namespace']);
    const namespace = typeof ns === 'string' && ns ? ns : undefined;
    return [{ range, title: workloadLensTitle(workspace, obj), kind: obj.kind, name: obj.name, namespace }];
  });
}

/** An autoscaler of a file and its whole object as plain JSON (what the behaviour preview reads). */
export interface AutoscalerLens {
  range: Range;
  object: unknown;
}

/** One per HorizontalPodAutoscaler and ScaledObject whose document converts to JSON (aliases within yaml's bound). */
export function autoscalerLenses(file: ManifestFile): AutoscalerLens[] {
  if (file.templated) return [];
  return file.objects.filter((o) => o.kind === 'HorizontalPodAutoscaler' || o.kind === 'ScaledObject').flatMap((obj) => {
    const range = lensRange(file, obj);
    if (!range) return [];
    try {
      return [{ range, object: obj.doc.doc.toJS() as unknown }];
    } catch {
      return [];
    }
  });
}
