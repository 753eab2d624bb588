// Project configuration: `.stevedore.yaml` (ours) and `.hadolint.yaml` (so hadolint users migrate without edits),
// layered under editor settings. Rule keys may be rule ids or aliases (DL3059).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ruleMatches, type RuleMeta } from './rule';
import { SEVERITIES, type Severity } from './types';
import { parseCustomChecks, type CustomCheck } from './kube-linter-custom';

export type RuleLevel = Severity | 'off';

/** The value formats of hadolint's `label-schema:` (DL3049–DL3058). */
export const LABEL_TYPES = ['text', 'url', 'rfc3339', 'semver', 'hash', 'spdx', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

/** What some Dockerfile rules read from the project configuration (hadolint's own keys, in both files). */
export interface DockerfileSettings {
  /** `trustedRegistries:` / `allowedRegistries:` (DL3026); `*` wildcards as in hadolint. */
  trustedRegistries?: string[];
  /** `label-schema:`: required labels and their value format. */
  labelSchema?: Record<string, LabelType>;
  /** `strict-labels:`: labels not in the schema are findings (DL3050). */
  strictLabels?: boolean;
  /** `disable-ignore-pragma:`: in-file ignore pragmas are not honoured and are reported (DL1001). */
  disableIgnorePragma?: boolean;
}

/**
 * What a layer says of a rule: a level, or `on` — the rule's own severity, even when it is off by default
 * (kube-linter's `include:`). Keys are rule ids or aliases; a key ending in `*` names every alias with that prefix
 * (`kube-linter:*`).
 */
export type LayerLevel = RuleLevel | 'on';

export interface ConfigLayer {
  /** Where the layer came from (file path or 'settings'). */
  source: string;
  rules: Array<[key: string, level: LayerLevel]>;
  dockerfile?: DockerfileSettings;
  failOn?: Severity | 'none';
  /** Kubernetes version deprecation checks assume, "major.minor". */
  kubernetesVersion?: string;
  /** `kubernetes.crds`: absolute paths of CRD files and folders whose kinds get schemas (core/k8s/crd-files.ts). */
  kubernetesCrds?: string[];
  /** kube-linter's `customChecks:` of the required-label / required-annotation templates. */
  customChecks?: CustomCheck[];
}

export interface Config {
  layers: ConfigLayer[];
}

export const EMPTY_CONFIG: Config = { layers: [] };

export class ConfigError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

const LEVELS: readonly string[] = [...SEVERITIES, 'off'];

/** Normalises a user-written level (`warn`, `false`, `style` …) or returns undefined. */
export function parseLevel(value: unknown): RuleLevel | undefined {
  if (value === false) return 'off';
  if (typeof value !== 'string') return undefined;
  const v = value.toLowerCase();
  const mapped = v === 'warn' ? 'warning' : v === 'information' ? 'info' : v === 'style' ? 'hint' : v === 'none' || v === 'ignore' ? 'off' : v;
  return LEVELS.includes(mapped) ? (mapped as RuleLevel) : undefined;
}

/** Builds a layer from the `rules` object of settings or `.stevedore.yaml`. */
export function layerFromRules(source: string, rules: unknown): ConfigLayer {
  const layer: ConfigLayer = { source, rules: [] };
  if (rules && typeof rules === 'object') {
    for (const [key, value] of Object.entries(rules as Record<string, unknown>)) {
      const level = parseLevel(value);
      if (!level) throw new ConfigError(source, `rule "${key}": expected one of ${LEVELS.join(', ')}, got ${JSON.stringify(value)}`);
      layer.rules.push([key, level]);
    }
  }
  return layer;
}

/** A config file's YAML (aliases bounded), or a ConfigError naming the file. */
function readConfigYaml(file: string, text: string): unknown {
  try {
    return parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigError(file, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Parses `.stevedore.yaml` text. */
export function parseStevedoreConfig(file: string, text: string): ConfigLayer {
  const doc = readConfigYaml(file, text);
  if (doc == null) return { source: file, rules: [] };
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigError(file, 'expected a mapping at the top level');
  const obj = doc as Record<string, unknown>;
  const layer = layerFromRules(file, obj.rules);
  if (obj.failOn !== undefined) {
    const level = obj.failOn === 'none' ? 'none' : parseLevel(obj.failOn);
    if (!level || level === 'off') throw new ConfigError(file, `failOn: expected error, warning, info, hint or none`);
    layer.failOn = level;
  }
  for (const key of obj.ignore === undefined ? [] : toList(file, 'ignore', obj.ignore)) layer.rules.push([key, 'off']);
  const dockerfile = parseDockerfileSettings(file, obj);
  if (dockerfile) layer.dockerfile = dockerfile;
  const kubeLinter = obj['kube-linter'];
  if (kubeLinter !== undefined && kubeLinter !== null) {
    if (typeof kubeLinter !== 'object' || Array.isArray(kubeLinter)) throw new ConfigError(file, 'kube-linter: expected a mapping with "checks"');
    readKubeLinter(file, 'kube-linter.', kubeLinter as Record<string, unknown>, layer);
  }
  const k8s = obj.kubernetes as Record<string, unknown> | undefined;
  if (k8s !== undefined) {
    if (!k8s || typeof k8s !== 'object') throw new ConfigError(file, 'kubernetes: expected a mapping with "version"');
    if (k8s.version !== undefined) layer.kubernetesVersion = parseKubernetesVersion(file, k8s.version);
    if (k8s.crds != null) layer.kubernetesCrds = toList(file, 'kubernetes.crds', k8s.crds, 'files or folders').map((p) => path.resolve(path.dirname(file), p));
  }
  return layer;
}

/** Validates a Kubernetes version setting ("1.31" or "v1.31.2") and returns "major.minor". */
export function parseKubernetesVersion(source: string, value: unknown): string {
  // YAML reads an unquoted 1.30 as the number 1.3, so numbers are refused rather than silently misread.
  if (typeof value === 'number') throw new ConfigError(source, `kubernetes.version: quote the version ("${value}"); YAML reads an unquoted 1.30 as the number 1.3`);
  const m = typeof value === 'string' ? /^v?(\d+)\.(\d+)(\.\d+)?$/.exec(value.trim()) : null;
  if (!m) throw new ConfigError(source, `kubernetes.version: expected a version like "1.31", got ${JSON.stringify(value)}`);
  return `${m[1]}.${m[2]}`;
}

/** Parses `.hadolint.yaml`: `ignored:` and `override:` (error/warning/info/style lists). */
export function parseHadolintConfig(file: string, text: string): ConfigLayer {
  const doc = readConfigYaml(file, text);
  const layer: ConfigLayer = { source: file, rules: [] };
  if (!doc || typeof doc !== 'object') return layer;
  const obj = doc as Record<string, unknown>;
  const override = (obj.override ?? {}) as Record<string, unknown>;
  for (const [level, sev] of [['error', 'error'], ['warning', 'warning'], ['info', 'info'], ['style', 'hint']] as const) {
    for (const key of toList(file, `override.${level}`, override[level])) layer.rules.push([key, sev]);
  }
  for (const key of toList(file, 'ignored', obj.ignored)) layer.rules.push([key, 'off']);
  const dockerfile = parseDockerfileSettings(file, obj);
  if (dockerfile) layer.dockerfile = dockerfile;
  return layer;
}

/** Parses `.kube-linter.yaml`: its `checks:` section (the rest of kube-linter's configuration is its own). */
export function parseKubeLinterConfig(file: string, text: string): ConfigLayer {
  const doc = readConfigYaml(file, text);
  const layer: ConfigLayer = { source: file, rules: [] };
  if (!doc || typeof doc !== 'object') return layer;
  readKubeLinter(file, '', doc as Record<string, unknown>, layer);
  return layer;
}

/** A kube-linter configuration's `checks:` and `customChecks:` into a layer. */
function readKubeLinter(file: string, field: string, obj: Record<string, unknown>, layer: ConfigLayer): void {
  const custom = parseCustomChecks(`${field}customChecks`, obj.customChecks, (message) => {
    throw new ConfigError(file, message);
  });
  if (custom.checks.length) layer.customChecks = custom.checks;
  // Custom checks run unless excluded, even with doNotAutoAddDefaults (which turns off the built-in ones).
  const on = custom.checks.map((c): [string, LayerLevel] => [`kube-linter:${c.name}`, 'on']);
  layer.rules.push(...kubeLinterChecks(file, `${field}checks`, obj.checks, on));
}

/**
 * kube-linter's `checks:` as rule entries, in the order kube-linter applies them: `doNotAutoAddDefaults` turns its
 * checks off, `addAllBuiltIn` turns them all on, then `include` and `exclude` name checks (kube-linter's names).
 */
function kubeLinterChecks(file: string, field: string, checks: unknown, custom: ConfigLayer['rules'] = []): ConfigLayer['rules'] {
  if (checks === undefined || checks === null) return custom;
  if (typeof checks !== 'object' || Array.isArray(checks)) throw new ConfigError(file, `${field}: expected a mapping (addAllBuiltIn, doNotAutoAddDefaults, include, exclude)`);
  const c = checks as Record<string, unknown>;
  const entries: ConfigLayer['rules'] = [];
  for (const key of ['doNotAutoAddDefaults', 'addAllBuiltIn'] as const) {
    if (c[key] !== undefined && typeof c[key] !== 'boolean') throw new ConfigError(file, `${field}.${key}: expected true or false`);
  }
  if (c.doNotAutoAddDefaults === true) entries.push(['kube-linter:*', 'off']);
  if (c.addAllBuiltIn === true) entries.push(['kube-linter:*', 'on']);
  entries.push(...custom);
  for (const name of toList(file, `${field}.include`, c.include, 'check names')) entries.push([`kube-linter:${name}`, 'on']);
  for (const name of toList(file, `${field}.exclude`, c.exclude, 'check names')) entries.push([`kube-linter:${name}`, 'off']);
  return entries;
}

/** hadolint's Dockerfile keys, read the same way from `.hadolint.yaml` and `.stevedore.yaml`. */
function parseDockerfileSettings(file: string, obj: Record<string, unknown>): DockerfileSettings | undefined {
  const settings: DockerfileSettings = {};
  for (const key of ['trustedRegistries', 'allowedRegistries'] as const) {
    const v = obj[key];
    if (v === undefined || v === null) continue;
    // hadolint takes one registry or a list.
    settings.trustedRegistries = [...(settings.trustedRegistries ?? []), ...toList(file, key, typeof v === 'string' ? [v] : v, 'registries')];
  }
  const schema = obj['label-schema'];
  if (schema !== undefined && schema !== null) {
    if (typeof schema !== 'object' || Array.isArray(schema)) throw new ConfigError(file, 'label-schema: expected a mapping of label names to text, url, rfc3339, semver, hash, spdx or email');
    settings.labelSchema = {};
    for (const [label, type] of Object.entries(schema as Record<string, unknown>)) {
      if (typeof type !== 'string' || !(LABEL_TYPES as readonly string[]).includes(type)) throw new ConfigError(file, `label-schema.${label}: expected one of ${LABEL_TYPES.join(', ')}, got ${JSON.stringify(type)}`);
      settings.labelSchema[label] = type as LabelType;
    }
  }
  for (const [key, field] of [['strict-labels', 'strictLabels'], ['disable-ignore-pragma', 'disableIgnorePragma']] as const) {
    const v = obj[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'boolean') throw new ConfigError(file, `${key}: expected true or false, got ${JSON.stringify(v)}`);
    settings[field] = v;
  }
  return Object.keys(settings).length ? settings : undefined;
}

/** The Dockerfile settings of all layers: for each key, the last layer that sets it wins. */
export function configDockerfileSettings(config: Config): DockerfileSettings {
  const merged: DockerfileSettings = {};
  for (const layer of config.layers) Object.assign(merged, layer.dockerfile);
  return merged;
}

function toList(file: string, field: string, value: unknown, what = 'rule ids'): string[] {
  if (value == null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new ConfigError(file, `${field}: expected a list of ${what}`);
  return value as string[];
}

const STEVEDORE_FILES = ['.stevedore.yaml', '.stevedore.yml'];
const HADOLINT_FILES = ['.hadolint.yaml', '.hadolint.yml'];
const KUBE_LINTER_FILES = ['.kube-linter.yaml', '.kube-linter.yml'];

/**
 * Loads the project configuration that applies to files in `dir`: the nearest `.hadolint.yaml`, the nearest
 * `.kube-linter.yaml` and the nearest `.stevedore.yaml` (or `explicitFile`), in that order of precedence (later
 * wins). Throws ConfigError.
 */
export function loadProjectConfig(dir: string, explicitFile?: string): Config {
  return projectConfigLoader(explicitFile)(dir);
}

/**
 * loadProjectConfig for the many folders of one run (the CLI): each folder's look-up for the config files and each
 * file's parse happen once, not once per linted file. The config files must not change during the run.
 */
export function projectConfigLoader(explicitFile?: string): (dir: string) => Config {
  const found = { hadolint: new Map<string, string | undefined>(), kubeLinter: new Map<string, string | undefined>(), own: new Map<string, string | undefined>() };
  const parsed = new Map<string, ConfigLayer>();
  const layer = (file: string, parse: (file: string, text: string) => ConfigLayer): ConfigLayer => {
    let l = parsed.get(file);
    if (!l) parsed.set(file, (l = parse(file, readConfigFile(file))));
    return l;
  };
  return (dir) => {
    const layers: ConfigLayer[] = [];
    const hadolint = findUp(dir, HADOLINT_FILES, found.hadolint);
    if (hadolint) layers.push(layer(hadolint, parseHadolintConfig));
    const kubeLinter = findUp(dir, KUBE_LINTER_FILES, found.kubeLinter);
    if (kubeLinter) layers.push(layer(kubeLinter, parseKubeLinterConfig));
    const own = explicitFile ?? findUp(dir, STEVEDORE_FILES, found.own);
    if (own) layers.push(layer(own, parseStevedoreConfig));
    return { layers };
  };
}

/** The nearest of `names` in `dir` or a folder above; remembers each folder's answer (siblings share their parents'). */
function findUp(dir: string, names: string[], memo: Map<string, string | undefined>): string | undefined {
  const d = path.resolve(dir);
  if (memo.has(d)) return memo.get(d);
  let hit: string | undefined;
  for (const n of names) {
    const p = path.join(d, n);
    if (fs.existsSync(p)) {
      hit = p;
      break;
    }
  }
  if (!hit && path.dirname(d) !== d) hit = findUp(path.dirname(d), names, memo);
  memo.set(d, hit);
  return hit;
}

function readConfigFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Config with `extra` layers applied on top (they win). */
export function withLayers(config: Config, ...extra: ConfigLayer[]): Config {
  return { layers: [...config.layers, ...extra] };
}

/** The level a rule runs at: the last layer entry naming it (by id or alias) wins, else its default severity. */
export function ruleLevel(rule: Pick<RuleMeta, 'id' | 'aliases' | 'severity' | 'offByDefault'>, config: Config): RuleLevel {
  return configuredLevel(rule, config) ?? defaultLevel(rule);
}

/** A rule's level when no configuration names it: off for rules off by default, else its severity. */
export function defaultLevel(rule: Pick<RuleMeta, 'severity' | 'offByDefault'>): RuleLevel {
  return rule.offByDefault ? 'off' : rule.severity;
}

/** The level a configuration layer sets for the rule (by id or alias), or undefined when none does. */
export function configuredLevel(rule: Pick<RuleMeta, 'id' | 'aliases'> & { severity?: RuleMeta['severity'] }, config: Config): RuleLevel | undefined {
  let level: LayerLevel | undefined;
  for (const layer of config.layers) for (const [key, l] of layer.rules) if (keyMatches(rule, key)) level = l;
  return level === 'on' ? rule.severity : level;
}

function keyMatches(rule: Pick<RuleMeta, 'id' | 'aliases'>, key: string): boolean {
  if (!key.endsWith('*')) return ruleMatches(rule, key);
  const prefix = key.slice(0, -1).toLowerCase();
  return rule.aliases.some((a) => a.toLowerCase().startsWith(prefix));
}

/** The last Kubernetes version any layer sets. */
export function configKubernetesVersion(config: Config): string | undefined {
  let version: string | undefined;
  for (const layer of config.layers) if (layer.kubernetesVersion) version = layer.kubernetesVersion;
  return version;
}

/** The custom checks of every layer; a later layer's check replaces an earlier one of the same name. */
export function configCustomChecks(config: Config): CustomCheck[] {
  const byName = new Map<string, CustomCheck>();
  for (const layer of config.layers) for (const c of layer.customChecks ?? []) byName.set(c.name, c);
  return [...byName.values()];
}

/** The last `failOn` any layer sets. */
export function configFailOn(config: Config): Severity | 'none' | undefined {
  let failOn: Severity | 'none' | undefined;
  for (const layer of config.layers) if (layer.failOn) failOn = layer.failOn;
  return failOn;
}
