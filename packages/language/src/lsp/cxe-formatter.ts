import { type AstNode, type LangiumDocument, type LeafCstNode, type MaybePromise, AstUtils, CstUtils, GrammarAST, GrammarUtils } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentRangeFormattingParams, FormattingOptions, Range, TextEdit,
} from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { lineEnding } from './document-lines.js';

/**
 * The canonical layout of `.cxe` files (Format Document / Format Selection):
 *
 * - every top-level element (and the `ecosystem` header) starts on its own line, at column 0; of the
 *   blank lines the user left between two lines, at most one is kept (none at the start of the file,
 *   right after a `{` or right before a `}`); the file ends with one line break, and keeps its line
 *   breaks (CRLF stays CRLF);
 * - inside a multi-line `{ … }` block every clause (`seeks …`, `channel …`, `affects …`, a flow, a
 *   step…) starts its own line, indented by two spaces, and the `}` gets a line of its own;
 * - a block written on one line (`touchpoint X { channel web  owner Acme }`) stays on one line, in
 *   the style of the language reference: one space inside the braces and two between clauses. Short
 *   blocks read better that way and the author chose it; to expand one, break it anywhere and format.
 *   The exception is a named exchange's block: as soon as it holds a flow it is always multi-line,
 *   one flow per line;
 * - within a header or clause, tokens are separated by one space (so `A -> B : V, W via T`), with
 *   none before a comma; a clause the user wrapped over several lines is joined into one line;
 * - every comment is kept, verbatim. A comment that followed a token on the same line stays at the
 *   end of that line (one space before it); a comment on a line of its own stays on a line of its
 *   own, indented like the block it is in, and the continuation lines of a multi-line block comment
 *   move with its first line. A line comment always ends its line: a token that followed it goes on
 *   the next line, indented one level deeper than its surroundings;
 * - indentation is always two spaces, whatever the editor's tab settings: one canonical text.
 *
 * The layout depends only on the tokens, on where comments and line breaks were and on whether
 * blocks were one-line, all of which the result preserves, so formatting is idempotent.
 *
 * Langium's region API (prepend/append formattings per CST node) handles the whitespace before a
 * comment by a fixed rule of its own (it re-indents the comment but keeps any number of blank lines
 * before it, and cannot leave `/* note *\/ customer X` on one line), so `format` only records the role
 * of the tokens that open lines and blocks, and `doDocumentFormat` computes every gap between two
 * tokens (comments included) itself. Like every Langium formatter, a document with syntax errors,
 * including an unterminated string or block comment, is left alone: there is no reliable structure
 * to lay out.
 */
export class CxeFormatter extends AbstractFormatter {
    private layout: Layout = emptyLayout();

    override formatDocument(document: LangiumDocument, params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        return hasLexicalErrors(document) ? [] : super.formatDocument(document, params);
    }

    override formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        return hasLexicalErrors(document) ? [] : super.formatDocumentRange(document, params);
    }

    protected override doDocumentFormat(document: LangiumDocument, _options: FormattingOptions, range?: Range): TextEdit[] {
        this.layout = emptyLayout();
        try {
            // All nodes, even for a range: a node straddling the range decides where its tokens inside it go.
            this.iterateAstFormatting(document, undefined);
            const edits = this.layoutEdits(document);
            return range ? edits.filter(edit => edit.range.end.line >= range.start.line && edit.range.start.line <= range.end.line) : edits;
        } finally {
            this.layout = emptyLayout();
        }
    }

    /** Records the role of the tokens that start elements, blocks and clauses. */
    protected override format(node: AstNode): void {
        if (ast.isModel(node)) {
            for (const element of [node.header, ...node.elements]) {
                this.place(element?.$cstNode?.offset, { kind: 'element' });
            }
            return;
        }
        const cst = node.$cstNode;
        const open = GrammarUtils.findNodeForKeyword(cst, '{');
        const close = GrammarUtils.findNodeForKeyword(cst, '}');
        if (!cst || !open || !close) {
            return;
        }
        const multiLine = open.range.start.line !== close.range.start.line || (ast.isExchange(node) && node.flows.length > 0);
        this.layout.blocks.push({ open: open.offset, close: close.offset });
        this.place(open.offset, { kind: 'open' });
        this.place(close.offset, { kind: 'close', multiLine });
        const inside = (offset: number) => offset > open.offset && offset < close.offset;
        // Clauses that are keywords of the element itself: `seeks`, `channel`, `tags`, …
        for (const leaf of CstUtils.flattenCst(cst)) {
            if (!leaf.hidden && inside(leaf.offset) && leaf.astNode === node && GrammarAST.isKeyword(leaf.grammarSource)
                && CLAUSE_KEYWORDS.has(leaf.text)) {
                this.place(leaf.offset, { kind: 'clause', multiLine });
            }
        }
        // Clauses that are nodes of their own: flows, factor impacts (`affects X "how"`), journey steps.
        for (const child of AstUtils.streamContents(node)) {
            if ((ast.isFlow(child) || ast.isImpact(child) || ast.isStep(child)) && child.$cstNode && inside(child.$cstNode.offset)) {
                this.place(child.$cstNode.offset, { kind: 'clause', multiLine });
            }
        }
    }

    private place(offset: number | undefined, role: Role): void {
        if (offset !== undefined) {
            this.layout.roles.set(offset, role);
        }
    }

    /** One edit per gap between two tokens (comments included) whose whitespace is not canonical. */
    private layoutEdits(document: LangiumDocument): TextEdit[] {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return [];
        }
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const eol = lineEnding(text);
        const edits: TextEdit[] = [];
        const replace = (start: number, end: number, newText: string) => {
            if (text.slice(start, end) !== newText) {
                edits.push({ range: { start: textDocument.positionAt(start), end: textDocument.positionAt(end) }, newText });
            }
        };
        const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
        let column = 0;
        let onlyCommentsOnLine = true;
        let previous: LeafCstNode | undefined;
        for (const leaf of CstUtils.flattenCst(root)) {
            if (leaf.length === 0) {
                continue;
            }
            const gapStart = previous?.end ?? 0;
            const gap = text.slice(gapStart, leaf.offset);
            if (/\S/u.test(gap)) {
                return []; // text the syntax tree does not account for: never risk losing it
            }
            const spacing = this.spacing(previous, leaf, lineBreaks(gap), onlyCommentsOnLine);
            let newGap: string;
            if ('spaces' in spacing) {
                newGap = ' '.repeat(spacing.spaces);
                column += spacing.spaces;
            } else {
                newGap = eol.repeat(spacing.lines) + INDENT.repeat(spacing.depth);
                column = INDENT.length * spacing.depth;
                onlyCommentsOnLine = true;
            }
            if (!previous) {
                newGap = bom;
                column = 0;
            }
            let newLeaf = leaf.text;
            if (isComment(leaf) && newLeaf.includes('\n')) {
                newLeaf = shiftContinuationLines(newLeaf, column - leaf.range.start.character);
            }
            if (newLeaf === leaf.text) {
                replace(gapStart, leaf.offset, newGap);
            } else {
                replace(gapStart, leaf.end, newGap + newLeaf); // a block comment that moves with its first line
            }
            const lastBreak = newLeaf.lastIndexOf('\n');
            column = lastBreak < 0 ? column + newLeaf.length : newLeaf.length - lastBreak - 1;
            onlyCommentsOnLine &&= isBlockComment(leaf);
            if (isLineComment(leaf)) {
                onlyCommentsOnLine = true; // what follows goes on the next line anyway
            }
            previous = leaf;
        }
        if (!previous) {
            return [];
        }
        const tail = text.slice(previous.end);
        if (/\S/u.test(tail)) {
            return [];
        }
        replace(previous.end, text.length, eol);
        return edits;
    }

    /** The whitespace between two consecutive tokens: spaces on the same line, or line breaks and an indentation depth. */
    private spacing(previous: LeafCstNode | undefined, next: LeafCstNode, breaks: number, onlyCommentsOnLine: boolean): Spacing {
        if (!previous) {
            return { spaces: 0 };
        }
        const role = this.layout.roles.get(next.offset);
        const afterOpen = this.layout.roles.get(previous.offset)?.kind === 'open' && !previous.hidden;
        const blankLines = (allowed: number) => Math.min(Math.max(breaks - 1, 0), allowed);
        if (isComment(next)) {
            return breaks === 0
                ? { spaces: 1 }
                : { lines: 1 + blankLines(afterOpen ? 0 : 1), depth: this.depthOf(next.offset) };
        }
        if (role && startsLine(role)) {
            if (breaks === 0 && onlyCommentsOnLine && isBlockComment(previous)) {
                return { spaces: 1 }; // `/* note */ customer X`: the line still starts with the element
            }
            const closing = role.kind === 'close';
            return { lines: 1 + blankLines(afterOpen || closing ? 0 : 1), depth: role.kind === 'clause' ? 1 : 0 };
        }
        if (isLineComment(previous) || (isComment(previous) && breaks > 0)) {
            return { lines: 1, depth: this.depthOf(next.offset) + 1 };
        }
        if (next.text === ',' && !next.hidden) {
            return { spaces: 0 };
        }
        if (role?.kind === 'clause') {
            return { spaces: afterOpen ? 1 : 2 };
        }
        return { spaces: 1 };
    }

    /** 1 inside the braces of a block, 0 elsewhere (blocks do not nest, and come in document order). */
    private depthOf(offset: number): number {
        const blocks = this.layout.blocks;
        let low = 0;
        let high = blocks.length - 1;
        while (low <= high) {
            const middle = (low + high) >> 1;
            if (offset <= blocks[middle].open) {
                high = middle - 1;
            } else if (offset >= blocks[middle].close) {
                low = middle + 1;
            } else {
                return 1;
            }
        }
        return 0;
    }
}

const INDENT = '  ';

/** The keywords that start a clause inside an element's block. */
const CLAUSE_KEYWORDS = new Set([
    'seeks', 'size', 'employer', 'description', 'tags', 'channel', 'owner', 'category', 'trend', 'supports', 'uses',
    'affects', 'include', 'exclude', 'layout', 'trace', 'impact', 'depth',
]);

type Role =
    | { readonly kind: 'element' }
    | { readonly kind: 'open' }
    | { readonly kind: 'close'; readonly multiLine: boolean }
    | { readonly kind: 'clause'; readonly multiLine: boolean };

interface Layout {
    /** The role of a token, by its offset. */
    readonly roles: Map<number, Role>;
    readonly blocks: Array<{ readonly open: number; readonly close: number }>;
}

type Spacing = { readonly spaces: number } | { readonly lines: number; readonly depth: number };

function emptyLayout(): Layout {
    return { roles: new Map(), blocks: [] };
}

function startsLine(role: Role): boolean {
    return role.kind === 'element' || ((role.kind === 'clause' || role.kind === 'close') && role.multiLine);
}

function lineBreaks(gap: string): number {
    let count = 0;
    for (const char of gap) {
        if (char === '\n') {
            count++;
        }
    }
    return count;
}

function isComment(leaf: LeafCstNode): boolean {
    return leaf.hidden && (leaf.tokenType.name === 'ML_COMMENT' || leaf.tokenType.name === 'SL_COMMENT');
}

function isLineComment(leaf: LeafCstNode): boolean {
    return leaf.hidden && leaf.tokenType.name === 'SL_COMMENT';
}

function isBlockComment(leaf: LeafCstNode): boolean {
    return leaf.hidden && leaf.tokenType.name === 'ML_COMMENT';
}

/**
 * Moves the second and later lines of a multi-line block comment by `delta` columns, as its first
 * line moved: adds spaces, or removes up to that much leading whitespace (never anything else).
 */
function shiftContinuationLines(comment: string, delta: number): string {
    if (delta === 0) {
        return comment;
    }
    return comment.split('\n').map((line, i) => {
        if (i === 0 || line.replace(/\r$/u, '').trim() === '') {
            return line;
        }
        if (delta > 0) {
            return ' '.repeat(delta) + line;
        }
        const removable = /^[ \t]*/u.exec(line)![0].length;
        return line.slice(Math.min(removable, -delta));
    }).join('\n');
}

function hasLexicalErrors(document: LangiumDocument): boolean {
    const report = document.parseResult.lexerReport?.diagnostics ?? [];
    return report.some(diagnostic => (diagnostic.severity ?? 'error') === 'error');
}
