// Hover: the explanation of any finding under the cursor, base-image variants on FROM, instruction docs.
import { Arg, Env, type Instruction } from 'dockerfile-ast';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver/node';
import type { DockerfileAnalysis } from '../core/dockerfile/analyze';
import type { DockerfileModel } from '../core/dockerfile/model';
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
    const docs = instructionDocs(analysis.model, position);
    const value = docs && (typeof docs.contents === 'object' && 'value' in docs.contents ? docs.contents.value : typeof docs.contents === 'string' ? docs.contents : undefined);
    if (value) parts.push(value);
  }
  return parts.length ? { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } } : null;
}

/**
 * dockerfile-language-service's hover (instruction and flag docs, ARG/ENV values, resolved variables) at `position`.
 * It parses the text it is given and walks every instruction of the stage, ~10 ms on a 10,000-line file, and
 * re-parses it when the parse cache holds another text. Everything it can answer lies within one instruction or a
 * parser directive, and only ARG/ENV names and variables need the rest of the file: the instruction under the cursor
 * is handed over alone (after the file's leading comments, which hold the directives); elsewhere there is nothing.
 */
export function instructionDocs(model: DockerfileModel, position: Position): ReturnType<DockerfileLanguageService['computeHover']> {
  const { ast, doc } = model;
  if (ast.getDirectives().some((d) => contains(d.getNameRange(), position))) return dockerfileService().computeHover(model.text, position);
  const instructions = ast.getInstructions();
  const ins = instructionAt(instructions, position);
  if (!ins) return null;
  if (needsFile(ins, position)) return dockerfileService().computeHover(model.text, position);
  const first = instructions[0].getRange().start.line;
  const start = ins.getRange().start.line;
  const header = model.text.slice(0, doc.offsetAt({ line: first, character: 0 }));
  const own = model.text.slice(doc.offsetAt({ line: start, character: 0 }), doc.offsetAt(ins.getRange().end));
  return dockerfileService().computeHover(header + own, { line: position.line - start + first, character: position.character });
}

/** The instruction whose range holds `position` (instructions are in document order and do not overlap). */
function instructionAt(instructions: Instruction[], position: Position): Instruction | undefined {
  let lo = 0;
  let hi = instructions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = instructions[mid].getRange();
    if (r.end.line < position.line || (r.end.line === position.line && r.end.character < position.character)) lo = mid + 1;
    else if (r.start.line > position.line || (r.start.line === position.line && r.start.character > position.character)) hi = mid - 1;
    else return instructions[mid];
  }
  return undefined;
}

/** The position is on an ARG/ENV name or a variable, whose hover shows a value set elsewhere in the file. */
function needsFile(ins: Instruction, position: Position): boolean {
  if (ins.getVariables().some((v) => contains(v.getNameRange(), position))) return true;
  const properties = ins instanceof Arg ? [ins.getProperty()] : ins instanceof Env ? ins.getProperties() : [];
  return properties.some((p) => p && contains(p.getNameRange(), position));
}
