// Checking a labels map the way the API server does (keys as qualified names, values as label values): shared by the
// label and selector rules.
import { isScalar, type YAMLMap } from 'yaml';
import type { RuleHit } from '../types';
import { invalidValue, isTemplated, labelValue, qualifiedName } from './api-validation';
import type { K8sObject, ManifestFile } from './parse';

/** Findings for the keys and values of one labels map (`where` names it in messages). */
export function labelMapHits(file: ManifestFile, obj: K8sObject, map: YAMLMap, where: string): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (isTemplated(key)) continue;
    const keyErrors = qualifiedName(key);
    if (keyErrors.length) hits.push({ message: invalidValue(where, key, keyErrors.join('; ')), range: file.nodeRange(obj.doc, pair.key) });
    if (!isScalar(pair.value) || pair.value.value === null) continue;
    const value = String(pair.value.value);
    if (isTemplated(value)) continue;
    const valueErrors = labelValue(value);
    if (valueErrors.length) hits.push({ message: invalidValue(`${where}[${key}]`, value, valueErrors.join('; ')), range: file.nodeRange(obj.doc, pair.value) });
  }
  return hits;
}
