// kube-linter's `customChecks:` (in `.kube-linter.yaml`, or under `kube-linter:` in `.stevedore.yaml`) for the two
// templates teams use for ownership rules, `required-label` and `required-annotation`: a named check, its `params`
// (`key`, optional `value` regex matched against the whole value), its `scope.objectKinds` and `remediation`.
// Checks of other templates are kept by name only (`unsupported`), so a kube-linter configuration still loads.

export type CustomTemplate = 'required-label' | 'required-annotation';
export const CUSTOM_TEMPLATES: readonly CustomTemplate[] = ['required-label', 'required-annotation'];

export interface CustomCheck {
  /** The check's name; its findings carry the code `kube-linter:<name>` (include/exclude/ignore it by that name). */
  name: string;
  template: CustomTemplate;
  key: string;
  /** A regular expression the whole value must match; any non-empty value when absent. */
  value?: RegExp;
  /** `scope.objectKinds` as kube-linter writes them (`Any`, `DeploymentLike`, `Service` …); every kind when absent. */
  objectKinds?: string[];
  remediation?: string;
}

export interface CustomChecks {
  checks: CustomCheck[];
  /** Names of custom checks of templates Stevedore does not run. */
  unsupported: string[];
}

const POD_BEARING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod', 'DeploymentConfig']);

/** True when a check's scope takes an object of `kind`. */
export function inScope(check: CustomCheck, kind: string): boolean {
  if (!check.objectKinds?.length) return true;
  return check.objectKinds.some((k) => k === 'Any' || k === kind || (k === 'DeploymentLike' && POD_BEARING.has(kind)));
}

/** Parses a `customChecks:` list; `fail(message)` throws the caller's configuration error. */
export function parseCustomChecks(field: string, value: unknown, fail: (message: string) => never): CustomChecks {
  const out: CustomChecks = { checks: [], unsupported: [] };
  if (value == null) return out;
  if (!Array.isArray(value)) fail(`${field}: expected a list of checks (name, template, params)`);
  (value as unknown[]).forEach((raw, i) => {
    const at = `${field}[${i}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail(`${at}: expected a mapping with name, template and params`);
    const c = raw as Record<string, unknown>;
    if (typeof c.name !== 'string' || !c.name.trim()) fail(`${at}.name: expected the check's name`);
    if (typeof c.template !== 'string') fail(`${at}.template: expected a template name`);
    const name = (c.name as string).trim();
    if (!(CUSTOM_TEMPLATES as readonly string[]).includes(c.template as string)) {
      out.unsupported.push(name);
      return;
    }
    const params = (c.params ?? {}) as Record<string, unknown>;
    if (typeof params !== 'object' || Array.isArray(params)) fail(`${at}.params: expected a mapping`);
    if (typeof params.key !== 'string' || !params.key) fail(`${at}.params.key: expected the ${c.template === 'required-label' ? 'label' : 'annotation'} key`);
    let pattern: RegExp | undefined;
    if (params.value != null) {
      if (typeof params.value !== 'string') fail(`${at}.params.value: expected a regular expression`);
      try {
        pattern = new RegExp(`^(?:${params.value as string})$`);
      } catch (e) {
        fail(`${at}.params.value: not a regular expression: ${(e as Error).message}`);
      }
    }
    const scope = c.scope as Record<string, unknown> | undefined;
    const kinds = scope?.objectKinds;
    if (kinds != null && (!Array.isArray(kinds) || kinds.some((k) => typeof k !== 'string'))) fail(`${at}.scope.objectKinds: expected a list of kinds`);
    if (c.remediation != null && typeof c.remediation !== 'string') fail(`${at}.remediation: expected text`);
    out.checks.push({ name, template: c.template as CustomTemplate, key: params.key as string, ...(pattern ? { value: pattern } : {}), ...(kinds ? { objectKinds: kinds as string[] } : {}), ...(c.remediation ? { remediation: c.remediation as string } : {}) });
  });
  return out;
}
