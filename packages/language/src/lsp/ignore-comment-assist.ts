import type { CompletionItem, Hover, Position } from 'vscode-languageserver';
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import { diagnosticCodes, docsUrlOf, isDiagnosticCode, ruleOf } from '../validation/diagnostic-codes.js';
import { IGNORE_COMMENT, findSuppressions } from '../validation/suppressions.js';

/**
 * Completion of codes while typing an ignore comment (before its `--` reason): every code a comment
 * can silence, with its summary. Undefined when the position is not in the codes of an ignore comment.
 */
export function ignoreCodeCompletion(line: string, position: Position): CompletionItem[] | undefined {
    const before = line.slice(0, position.character);
    const match = IGNORE_COMMENT.exec(before);
    if (!match || !/\s/.test(match[3].slice(0, 1)) || /(^|\s)--(\s|$)/.test(match[3])) {
        return undefined;
    }
    const typed = /\S*$/.exec(before)![0];
    const start = { line: position.line, character: position.character - typed.length };
    return diagnosticCodes.filter(code => ruleOf(code).suppressible).map(code => ({
        label: code,
        kind: CompletionItemKind.EnumMember,
        detail: `${ruleOf(code).severity} by default`,
        documentation: ruleOf(code).summary,
        textEdit: { range: { start, end: position }, newText: code },
    }));
}

/** Hover on a code written in an ignore comment: the rule's summary and a link to its page. */
export function ignoreCodeHover(line: string, position: Position): Hover | undefined {
    const code = findSuppressions(line).at(0)?.codes.find(candidate =>
        candidate.range.start.character <= position.character && position.character <= candidate.range.end.character);
    if (!code) {
        return undefined;
    }
    const range = { start: { line: position.line, character: code.range.start.character }, end: { line: position.line, character: code.range.end.character } };
    const value = isDiagnosticCode(code.name)
        ? `**\`${code.name}\`** (${ruleOf(code.name).severity} by default): ${ruleOf(code.name).summary}.\n\n[Documentation](${docsUrlOf(code.name)})`
        : `\`${code.name}\` is not a diagnostic code.`;
    return { contents: { kind: MarkupKind.Markdown, value }, range };
}
