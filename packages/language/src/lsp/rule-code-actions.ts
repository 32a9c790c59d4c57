import { type LangiumDocument, CstUtils, GrammarUtils } from 'langium';
import { type CodeAction, CodeActionKind, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { SINGLE_VALUED_CLAUSES } from '../validation/checks/clauses.js';
import { isDiagnosticCode, ruleOf } from '../validation/diagnostic-codes.js';
import type { UnusedIgnoreData } from '../validation/findings-stage.js';
import { findSuppressions } from '../validation/suppressions.js';
import { lineEnding, lineText } from './document-lines.js';

/**
 * The quick fixes of the findings stage: ignore a diagnostic on its line or in its file, remove an
 * ignore comment (or the codes of it) that silences nothing, remove a repeated single-valued clause.
 */
export function ruleCodeActions(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const code = diagnostic.code;
    const actions: CodeAction[] = [];
    if (code === 'unused-ignore') {
        actions.push(...removeUnusedIgnore(document, diagnostic));
    } else if (code === 'duplicate-clause') {
        actions.push(...removeRepeatedClause(document, diagnostic));
    }
    if (isDiagnosticCode(code) && ruleOf(code).suppressible) {
        actions.push(ignoreHere(document, diagnostic, code), ignoreInFile(document, diagnostic, code));
    }
    return actions;
}

/** `// cxe-ignore <code> -- ` on a new line above, in the line's indentation, the cursor after `-- `. */
function ignoreHere(document: LangiumDocument, diagnostic: Diagnostic, code: string): CodeAction {
    const line = diagnostic.range.start.line;
    const indent = /^\s*/.exec(lineText(document, line))![0];
    const start = { line, character: 0 };
    return quickFix(`Ignore \`${code}\` here`, document, diagnostic, [{ range: { start, end: start }, newText: `${indent}// cxe-ignore ${code} -- ${eol(document)}` }]);
}

/** `// cxe-ignore-file <code> -- ` on the line after the ecosystem header (the first line without one). */
function ignoreInFile(document: LangiumDocument, diagnostic: Diagnostic, code: string): CodeAction {
    const root = document.parseResult.value as ast.Model;
    const header = root.header?.$cstNode?.range.end.line;
    const lines = document.textDocument.lineCount;
    const at = header === undefined ? { line: 0, character: 0 } : header + 1 < lines ? { line: header + 1, character: 0 } : { line: header, character: lineText(document, header).length };
    const text = `// cxe-ignore-file ${code} -- `;
    const newText = header !== undefined && header + 1 >= lines ? `${eol(document)}${text}` : `${text}${eol(document)}`;
    return quickFix(`Ignore \`${code}\` in this file`, document, diagnostic, [{ range: { start: at, end: at }, newText }]);
}

function removeUnusedIgnore(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const data = diagnostic.data as UnusedIgnoreData | undefined;
    const line = diagnostic.range.start.line;
    const suppression = findSuppressions(lineText(document, line)).at(0);
    if (!data || !suppression) {
        return [];
    }
    if (data.all) {
        const range = line + 1 < document.textDocument.lineCount
            ? { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }
            : { start: { line, character: 0 }, end: { line, character: lineText(document, line).length } };
        return [quickFix('Remove unused ignore', document, diagnostic, [{ range, newText: '' }])];
    }
    const codes = suppression.codes;
    const kept = codes.filter(code => !data.unused.includes(code.name)).map(code => code.name);
    const range: Range = { start: { line, character: codes[0].range.start.character }, end: { line, character: codes[codes.length - 1].range.end.character } };
    return [quickFix(`Remove unused ignore of ${data.unused.map(name => `\`${name}\``).join(', ')}`, document, diagnostic, [{ range, newText: kept.join(' ') }])];
}

/** Removes the keyword and value of the repeat the diagnostic is on (its whole line when it stands alone). */
function removeRepeatedClause(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const root = document.parseResult.value.$cstNode;
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, offset);
    const element = leaf?.astNode && ast.isElement(leaf.astNode) ? leaf.astNode : undefined;
    for (const property of SINGLE_VALUED_CLAUSES) {
        const value = element && GrammarUtils.findNodesForProperty(element.$cstNode, property).find(node => node.offset === offset);
        const keyword = value && CstUtils.getPreviousNode(value, false);
        if (value && keyword) {
            const text = document.textDocument.getText();
            const lineStart = text.lastIndexOf('\n', keyword.offset - 1) + 1;
            const lineEnd = text.slice(value.end).search(/\r?\n|$/) + value.end;
            const alone = text.slice(lineStart, keyword.offset).trim() === '' && text.slice(value.end, lineEnd).trim() === '';
            const newlineLength = /^\r?\n/.exec(text.slice(lineEnd))?.[0].length ?? 0;
            const [from, to] = alone ? [lineStart, lineEnd + newlineLength] : [keyword.offset - (/[ \t]*$/.exec(text.slice(0, keyword.offset))![0].length), value.end];
            const range = { start: document.textDocument.positionAt(from), end: document.textDocument.positionAt(to) };
            return [quickFix(`Remove the repeated '${property}' clause`, document, diagnostic, [{ range, newText: '' }], true)];
        }
    }
    return [];
}

function quickFix(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[], isPreferred = false): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [document.uri.toString()]: edits } } };
}

function eol(document: LangiumDocument): string {
    return lineEnding(document.textDocument.getText());
}
