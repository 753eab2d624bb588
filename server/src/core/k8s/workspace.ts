// The manifests of a workspace, for checks across objects and files (Service → pods, Ingress → Service, HPA → target).
import type { K8sObject, ManifestFile } from './parse';

/** Read access to every manifest known: the files on disk plus the editor's unsaved versions. */
export interface Workspace {
  objects(): K8sObject[];
  file(path: string): ManifestFile | undefined;
}

/** A mutable set of manifest files keyed by path; `with(file)` overlays the file being analyzed. */
export class ManifestWorkspace implements Workspace {
  private readonly files = new Map<string, ManifestFile>();
  private all: K8sObject[] | undefined;

  set(file: ManifestFile): void {
    if (!file.path) return;
    this.files.set(file.path, file);
    this.all = undefined;
  }

  delete(path: string): void {
    if (this.files.delete(path)) this.all = undefined;
  }

  file(path: string): ManifestFile | undefined {
    return this.files.get(path);
  }

  objects(): K8sObject[] {
    this.all ??= [...this.files.values()].flatMap((f) => f.objects);
    return this.all;
  }

  /** A view in which `file` replaces the stored file of the same path (or is added when it has none). */
  with(file: ManifestFile): Workspace {
    return overlay(this, file);
  }
}

/**
 * A view of a workspace (none: an empty one) in which `file` replaces the file of the same path, or the same file
 * object, or is added: what an analysis, a fix or a generator sees while the editor holds an unsaved version.
 */
export function overlay(workspace: Workspace | undefined, file: ManifestFile): Workspace {
  // Already the workspace's file for its path: the view is the workspace itself (and keeps its cached index, which
  // otherwise every file of a folder would rebuild over all objects).
  if (workspace && file.path !== undefined && workspace.file(file.path) === file) return workspace;
  let objects: K8sObject[] | undefined;
  return {
    objects: () => (objects ??= [...file.objects, ...(workspace?.objects() ?? []).filter((o) => o.file !== file && !(file.path && o.file.path === file.path))]),
    file: (p) => (p === file.path ? file : workspace?.file(p)),
  };
}
