import type { LangiumDocument } from 'langium';

/** The text of one line of a document, without its line break. */
export function lineText(document: LangiumDocument, line: number): string {
    return document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}
