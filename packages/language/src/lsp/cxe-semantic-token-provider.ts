import { type AstNode, AstUtils, CstUtils, isReference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/**
 * Colours names by the kind of element they name, on declarations (with the `declaration` modifier)
 * and on references alike, so that a flow `Reseller -> ITManager : QualityProduct via Portal` reads
 * as actor → actor : value object via touchpoint. Keywords, strings and comments keep the TextMate
 * grammar's colours; `/** doc comments *\/` are marked `comment` + `documentation`, and tags
 * `decorator`. An unresolved reference gets no token (its diagnostic says enough).
 */
export class CxeSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = tokenTypeOf(node);
        if (declared && 'name' in node && typeof node.name === 'string') {
            acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
            this.highlightDocComment(node, acceptor);
        }
        if ('tags' in node && Array.isArray(node.tags) && node.tags.length > 0) {
            acceptor({ node, property: 'tags', type: SemanticTokenTypes.decorator });
        }
        for (const { reference } of AstUtils.streamReferences(node)) {
            const target = isReference(reference) ? reference.ref : undefined;
            const type = target && tokenTypeOf(target);
            if (type && reference.$refNode) {
                acceptor({ cst: reference.$refNode, type });
            }
        }
    }

    /** The `/** … *\/` comment before a declaration, one token per line (not every client takes multi-line tokens). */
    private highlightDocComment(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const comment = CstUtils.findCommentNode(node.$cstNode, ['ML_COMMENT']);
        if (!comment?.text.startsWith('/**')) {
            return;
        }
        const { start } = comment.range;
        const lines = comment.text.split('\n');
        lines.forEach((line, i) => {
            const text = line.replace(/\r$/u, '');
            if (text.length > 0) {
                acceptor({
                    line: start.line + i, char: i === 0 ? start.character : 0, length: text.length,
                    type: SemanticTokenTypes.comment, modifier: SemanticTokenModifiers.documentation,
                });
            }
        });
    }
}

/** The standard token type for the name of each kind of element (what themes colour distinctly). */
function tokenTypeOf(node: AstNode): string | undefined {
    switch (node.$type) {
        case ast.Ecosystem.$type: return SemanticTokenTypes.namespace;
        case ast.Actor.$type: return SemanticTokenTypes.class;
        case ast.Value.$type: return SemanticTokenTypes.enumMember;
        case ast.Exchange.$type: return SemanticTokenTypes.struct;
        case ast.Touchpoint.$type: return SemanticTokenTypes.interface;
        case ast.Factor.$type: return SemanticTokenTypes.event;
        case ast.System.$type: return SemanticTokenTypes.function;
        case ast.Process.$type: return SemanticTokenTypes.method;
        case ast.Policy.$type: return SemanticTokenTypes.macro;
        case ast.Journey.$type: return SemanticTokenTypes.type;
        case ast.Step.$type: return SemanticTokenTypes.property;
        case ast.View.$type: return SemanticTokenTypes.variable;
        default: return undefined;
    }
}
