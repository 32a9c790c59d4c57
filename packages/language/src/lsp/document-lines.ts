import type { LangiumDocument } from 'langium';

/** The text of one line of a document, without its line break. */
export function lineText(document: LangiumDocument, line: number): string {
    return document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/**
 * The line break that edits to a document use: CRLF when the document's first line break is one.
 * Read from the first break only, so that it costs nothing however long the document is (code
 * actions ask once per action, and one request may carry thousands).
 */
export function lineEnding(text: string): '\r\n' | '\n' {
    const newline = text.indexOf('\n');
    return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}
