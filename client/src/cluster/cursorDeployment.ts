// Which Deployment the cursor is in, in a (multi-document) YAML file.
import { parseAllDocuments } from 'yaml';

export interface DeploymentAtCursor {
  name: string;
  /** Undefined when the manifest sets none (the selected namespace applies). */
  namespace?: string;
}

/** The Deployment document that contains `offset`, if it has a name. */
export function cursorDeployment(text: string, offset: number): DeploymentAtCursor | undefined {
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc) || !doc.contents?.range) continue;
    const start = doc.range[0];
    const end = doc.range[2];
    if (offset < start || offset > end) continue;
    const kind = doc.get('kind');
    const name = doc.getIn(['metadata', 'name']);
    const namespace = doc.getIn(['metadata', 'namespace']);
    if (kind !== 'Deployment' || typeof name !== 'string' || !name) return undefined;
    return { name, namespace: typeof namespace === 'string' && namespace ? namespace : undefined };
  }
  return undefined;
}
