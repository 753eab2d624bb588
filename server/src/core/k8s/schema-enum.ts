// Allowed scalar values from the offline schema, for value completion (schema.ts's describePath only gives their text).
import { objectSchema } from './schema';
import { deref, schemaAt } from './schema-load';
import type { Workspace } from './workspace';

/** The enum values allowed at a path ([] when the schema there has none or is unknown). */
export function enumAt(apiVersion: string, kind: string, path: readonly (string | number)[], workspace?: Workspace): Array<string | number | boolean> {
  const root = objectSchema(apiVersion, kind, workspace);
  const s = root && schemaAt(root, path);
  if (!s) return [];
  const values = s.enum ?? deref(s).enum ?? [];
  return values.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v));
}
