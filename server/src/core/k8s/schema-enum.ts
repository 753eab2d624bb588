// Allowed scalar values from the offline schema, for value completion (schema.ts's describePath only gives their text).
import { deref, kindSchema, schemaAt } from './schema-load';

/** The enum values allowed at a path ([] when the schema there has none or is unknown). */
export function enumAt(apiVersion: string, kind: string, path: readonly (string | number)[]): Array<string | number | boolean> {
  const root = kindSchema(apiVersion, kind);
  const s = root && schemaAt(root, path);
  if (!s) return [];
  const values = s.enum ?? deref(s).enum ?? [];
  return values.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v));
}
