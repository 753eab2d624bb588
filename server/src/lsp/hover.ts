// Hover: the explanation of any finding under the cursor, base-image variants on FROM, instruction docs.
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver/node';
import type { DockerfileAnalysis } from '../core/dockerfile/analyze';
import { rulesById } from '../rules';
import { ruleDocsUrl } from '../core/rule';
import type { Finding } from '../core/types';

let service: DockerfileLanguageService | undefined;

/** The shared dockerfile-language-service instance (instruction docs, completion, symbols), created on first use. */
export function dockerfileService(): DockerfileLanguageService {
  if (!service) {
    // Loaded lazily: it is large and not needed until the first hover or completion.
    const { DockerfileLanguageServiceFactory } = require('dockerfile-language-service') as typeof import('dockerfile-language-service');
    service = DockerfileLanguageServiceFactory.createLanguageService();
    service.setCapabilities({ hover: { contentFormat: [MarkupKind.Markdown] }, completion: { completionItem: { snippetSupport: true, documentationFormat: [MarkupKind.Markdown] } } });
  }
  return service;
}

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

/**
 * Markdown for one rule: id, aliases, why, link. Not the finding's message: editors already show the diagnostic's
 * message in the same hover, so repeating it showed it twice.
 */
export function ruleMarkdown(ruleId: string): string {
  const rule = rulesById.get(ruleId);
  if (!rule) return `**${ruleId}**`;
  const aliases = rule.aliases.length ? ` (${rule.aliases.join(', ')})` : '';
  return [`**${rule.id}**${aliases}`, '', rule.docs.why, '', `[Rule documentation](${ruleDocsUrl(rule.id)})`].join('\n');
}

/** The explanations of the rules whose findings cover the position, each rule once. */
export function findingsMarkdown(findings: readonly Finding[], position: Position): string[] {
  const ids = new Set(findings.filter((f) => contains(f.range, position)).map((f) => f.ruleId));
  return [...ids].map(ruleMarkdown);
}

/** Builds the hover for a position. `imageHover` renders the base image table for a FROM's image. */
export function hover(analysis: DockerfileAnalysis, position: Position, imageHover: (stageIndex: number) => string | undefined): Hover | null {
  const parts = findingsMarkdown(analysis.findings, position);
  const stage = analysis.model.stages.find((s) => s.image && contains(s.image.range, position));
  const image = stage && imageHover(stage.index);
  if (image) parts.push(image);
  else {
    const docs = dockerfileService().computeHover(analysis.model.text, position);
    const value = docs && (typeof docs.contents === 'object' && 'value' in docs.contents ? docs.contents.value : typeof docs.contents === 'string' ? docs.contents : undefined);
    if (value) parts.push(value);
  }
  return parts.length ? { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } } : null;
}
