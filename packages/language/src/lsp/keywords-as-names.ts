import type { IToken } from 'chevrotain';
import type { LangiumCompletionParser, LangiumDocument, Lexer } from 'langium';
import { type NextFeature, findNextFeatures } from 'langium/lsp';

/** How many tokens before the cursor a parse error may be and still be read past (a list is short). */
const WINDOW_TOKENS = 64;
/** How many of those errors are tried, the furthest first: each try parses the text once more. */
const MAX_TRIES = 2;

/**
 * What the grammar expects at `offset` when a keyword was typed where a name belongs
 * (`supports exchange, |`), or undefined when no such reading exists.
 *
 * Langium's completion parser recovers from the keyword as a parser does: `exchange` starts a new
 * element, and the list the cursor is in is lost. Here the text is parsed up to a parse error
 * shortly before the cursor, and the tokens from there on are followed through the grammar, which
 * takes any word for a name where a name fits: the list is read as the user wrote it. The first
 * error (furthest from the cursor) whose tokens read to the cursor this way wins.
 */
export function featuresReadingKeywordsAsNames(parser: LangiumCompletionParser, lexer: Lexer, document: LangiumDocument, offset: number): NextFeature[] | undefined {
    // An error at the end of the file has no offset (-1).
    const starts = [...new Set(document.parseResult.parserErrors.map(error => error.token.startOffset).filter(start => start >= 0 && start < offset))].sort((a, b) => b - a);
    if (starts.length === 0) {
        return undefined;
    }
    const text = document.textDocument.getText().slice(0, offset);
    const anchors = anchorsInWindow(lexer, text, starts).slice(-MAX_TRIES).reverse();
    for (const { anchor, tokens } of anchors) {
        const features = featuresFrom(parser, text, tokens, anchor);
        if (features.length > 0) {
            return features;
        }
    }
    return undefined;
}

/**
 * The error starts (nearest the cursor first) at most WINDOW_TOKENS tokens before the cursor, each
 * with its tokens up to the cursor. An error starts a token, so the text between two of them lexes
 * as it does within the whole file: only the stretch before the cursor is lexed, not the file.
 */
function anchorsInWindow(lexer: Lexer, text: string, starts: readonly number[]): Array<{ anchor: number; tokens: IToken[] }> {
    const anchors: Array<{ anchor: number; tokens: IToken[] }> = [];
    let tokens: IToken[] = [];
    let end = text.length;
    for (const anchor of starts) {
        tokens = [...lexer.tokenize(text.slice(anchor, end)).tokens, ...tokens];
        if (tokens.length > WINDOW_TOKENS) {
            break;
        }
        anchors.push({ anchor, tokens });
        end = anchor;
    }
    return anchors;
}

/** The features after the text parsed up to `anchor`, then the tokens from `anchor` on (`tokens`) followed through the grammar. */
function featuresFrom(parser: LangiumCompletionParser, text: string, tokens: readonly IToken[], anchor: number): NextFeature[] {
    const head = parser.parse(text.slice(0, anchor));
    if (head.tokenIndex === 0) {
        return [];
    }
    const rest = [...head.tokens.slice(head.tokenIndex), ...tokens];
    return findNextFeatures([head.elementStack.map(feature => ({ feature }))], rest);
}
