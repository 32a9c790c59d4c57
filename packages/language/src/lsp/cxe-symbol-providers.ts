import type { AstNode, AstNodeDescription, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider, DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol, WorkspaceSymbol } from 'vscode-languageserver';
import { kindAndLabel } from '../model/describe.js';

/** The outline: each element with its kind's icon, and its kind and label beside the name. */
export class CxeDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        return { ...super.createSymbol(document, astNode, cstNode, nameNode, computedName), detail: kindAndLabel(astNode) };
    }
}

/** Workspace symbols (Go to Symbol in Workspace): the kind and label where the list shows a container. */
export class CxeWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    protected override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        const symbol = super.getWorkspaceSymbol(description);
        return symbol && description.node ? { ...symbol, containerName: kindAndLabel(description.node) } : symbol;
    }
}
