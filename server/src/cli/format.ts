// Output formats of `stevedore lint`: text for people, JSON for scripts, SARIF for code scanning.
import { allRules, ruleFence, rulesById } from '../rules';
import { ruleDocsUrl, type RuleMeta } from '../core/rule';
import type { Finding, Severity } from '../core/types';

export interface FileReport {
  /** The path as given or as walked. */
  path: string;
  findings: Finding[];
  /** Per finding: whether `--fix` would fix it. */
  fixable: boolean[];
  /** Rule ids fixed by --fix in this file. */
  fixed: string[];
  /** Other files --fix created or edited for this file's fixes (e.g. .dockerignore). */
  wrote?: string[];
}

const VERSION = 1;

function oneBased(f: Finding) {
  return {
    start: { line: f.range.start.line + 1, column: f.range.start.character + 1 },
    end: { line: f.range.end.line + 1, column: f.range.end.character + 1 },
  };
}

function jsonFile(r: FileReport) {
  return {
    path: r.path,
    findings: r.findings.map((f, i) => ({
      ruleId: f.ruleId,
      aliases: [...(rulesById.get(f.ruleId)?.aliases ?? []), ...(f.codes ?? [])],
      severity: f.severity,
      message: f.message,
      range: oneBased(f),
      fixable: r.fixable[i],
    })),
  };
}

/** The documented JSON shape: {"version":1,"files":[{"path","findings":[…]}]}. */
export function formatJson(reports: FileReport[]): string {
  return JSON.stringify({ version: VERSION, files: reports.map(jsonFile) });
}

/**
 * formatJson's text in pieces, one per file, to write as they are made: a folder's output is megabytes, and built
 * whole (objects, string, a copy to write) it was the last and highest step of the run's memory.
 */
export function* jsonPieces(reports: FileReport[]): Generator<string> {
  yield `{"version":${VERSION},"files":[`;
  for (let i = 0; i < reports.length; i++) yield (i ? ',' : '') + JSON.stringify(jsonFile(reports[i]));
  yield ']}';
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };

/** `path:line:col: severity rule-id (ALIAS) message` lines and a summary. */
export function formatText(reports: FileReport[], color: boolean): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  let fixed = 0;
  for (const r of reports) {
    fixed += r.fixed.length;
    if (r.fixed.length) lines.push(`${r.path}: fixed ${summariseFixed(r.fixed)}${r.wrote?.length ? ` (wrote ${r.wrote.join(', ')})` : ''}`);
    r.findings.forEach((f, i) => {
      counts[f.severity]++;
      if (r.fixable[i]) fixable++;
      // The finding's own codes (a ShellCheck SC code, a kube-linter custom check's name) after the rule's aliases.
      const aliases = [...(rulesById.get(f.ruleId)?.aliases ?? []), ...(f.codes ?? [])];
      const sev = color ? `${COLORS[f.severity]}${f.severity}\x1b[0m` : f.severity;
      const id = aliases.length ? `${f.ruleId} (${aliases.join(', ')})` : f.ruleId;
      lines.push(`${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${sev} ${id} ${f.message}${r.fixable[i] ? ' [fixable]' : ''}`);
    });
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = plural(reports.length, 'file');
  let summary = total
    ? `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info + counts.hint} info) in ${files}`
    : `no problems in ${files}`;
  if (fixable) summary += `; ${fixable} fixable with --fix`;
  if (fixed) summary += `; ${fixed} fixed`;
  lines.push(summary);
  return lines.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summariseFixed(ids: string[]): string {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function sarifRule(rule: RuleMeta) {
  // The help shows the rule's examples in the language it checks.
  const lang = ruleFence(rule);
  const help = `${rule.docs.why}\n\nBad:\n\n\`\`\`${lang}\n${rule.docs.bad}\n\`\`\`\n\nGood:\n\n\`\`\`${lang}\n${rule.docs.good}\n\`\`\``;
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.docs.summary },
    fullDescription: { text: rule.docs.why.replace(/`/g, '') },
    helpUri: ruleDocsUrl(rule.id),
    help: { text: `${rule.docs.summary} ${rule.docs.why.replace(/`/g, '')}`, markdown: help },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: { tags: [rule.category, ...(rule.language ? [rule.language] : []), ...rule.aliases], aliases: rule.aliases, ...(rule.language ? { language: rule.language } : {}) },
  };
}

/** SARIF 2.1.0 as GitHub code scanning accepts it: every rule described, results with regions. */
export function formatSarif(reports: FileReport[], version: string): string {
  const index = ruleIndex();
  return sarifText(version, reports.flatMap((r) => r.findings.map((f) => sarifResult(r, f, index))));
}

/** formatSarif's text in pieces (the results of one file each), to write as they are made, like jsonPieces. */
export function* sarifPieces(reports: FileReport[], version: string): Generator<string> {
  const whole = sarifText(version, []);
  // The results are the last member of the last object: the text ends with them, then fixed closing lines.
  const tail = '\n    }\n  ]\n}';
  const open = '"results": []';
  if (!reports.some((r) => r.findings.length) || !whole.endsWith(open + tail)) {
    yield formatSarif(reports, version);
    return;
  }
  yield whole.slice(0, whole.length - tail.length - 1) + '\n';
  const index = ruleIndex();
  const indent = ' '.repeat(8);
  let first = true;
  for (const r of reports) {
    if (!r.findings.length) continue;
    const items = r.findings.map((f) => indent + JSON.stringify(sarifResult(r, f, index), null, 2).replace(/\n/g, '\n' + indent));
    yield (first ? '' : ',\n') + items.join(',\n');
    first = false;
  }
  yield '\n      ]' + tail;
}

function ruleIndex(): Map<string, number> {
  return new Map(allRules.map((r, i) => [r.id, i]));
}

function sarifResult(r: FileReport, f: Finding, index: Map<string, number>) {
  return {
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? 0,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    // The finding's own codes (ShellCheck's SC2086, a kube-linter custom check's name), for filters and search.
    ...(f.codes?.length ? { properties: { codes: f.codes } } : {}),
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(r.path) },
          region: {
            startLine: f.range.start.line + 1,
            startColumn: f.range.start.character + 1,
            endLine: f.range.end.line + 1,
            endColumn: f.range.end.character + 1,
          },
        },
      },
    ],
  };
}

function sarifText(version: string, results: unknown[]): string {
  const rules = allRules.map(sarifRule);
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'stevedore', version, semanticVersion: version, informationUri: 'https://github.com/stevedore-dev/stevedore', rules } },
          columnKind: 'utf16CodeUnits',
          results,
        },
      ],
    },
    null,
    2,
  );
}

/** A relative, '/'-separated, percent-encoded URI reference for a path as the user gave it. */
function toUri(p: string): string {
  const posix = p.split('\\').join('/').replace(/^(\.\/)+/, '');
  const encoded = posix.split('/').map(encodeURIComponent).join('/');
  return posix.startsWith('/') ? `file://${encoded}` : encoded;
}
