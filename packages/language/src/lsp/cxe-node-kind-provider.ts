import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/** The icon of each kind of element, in the outline, workspace symbols and completion lists. */
const KINDS: Record<string, { readonly symbol: SymbolKind; readonly completion: CompletionItemKind }> = {
    [ast.Ecosystem.$type]: { symbol: SymbolKind.Package, completion: CompletionItemKind.Module },
    [ast.Actor.$type]: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class },
    [ast.Value.$type]: { symbol: SymbolKind.Constant, completion: CompletionItemKind.Constant },
    [ast.Exchange.$type]: { symbol: SymbolKind.Event, completion: CompletionItemKind.Event },
    [ast.Touchpoint.$type]: { symbol: SymbolKind.Interface, completion: CompletionItemKind.Interface },
    [ast.Factor.$type]: { symbol: SymbolKind.Property, completion: CompletionItemKind.Property },
    [ast.System.$type]: { symbol: SymbolKind.Module, completion: CompletionItemKind.Module },
    [ast.Process.$type]: { symbol: SymbolKind.Function, completion: CompletionItemKind.Function },
    [ast.Policy.$type]: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct },
    [ast.Journey.$type]: { symbol: SymbolKind.Namespace, completion: CompletionItemKind.Folder },
    [ast.Step.$type]: { symbol: SymbolKind.EnumMember, completion: CompletionItemKind.EnumMember },
    [ast.View.$type]: { symbol: SymbolKind.File, completion: CompletionItemKind.File },
};

export class CxeNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.symbol ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.completion ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
