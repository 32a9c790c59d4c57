import { AstUtils, CstUtils, type LangiumDocument } from 'langium';
import { type EcosystemState, type DiffDiagnostic, ast, ecosystemNameOf, snapshotOf } from '@cxe/language';
import type { FileDiagnostic } from '../file-diagnostic.js';
import type { LoadedWorkspace } from '../load-workspace.js';

/** Each ecosystem of a loaded workspace as the diff compares it: its snapshot and its diagnostics. */
export function ecosystemStates(workspace: LoadedWorkspace): Map<string, EcosystemState> {
    const models = workspace.services.workspace.EcosystemModels;
    const documentsByFile = new Map(workspace.documents.map(document => [workspace.filesByUri.get(document.uri.toString())!.displayPath, document]));
    const diagnostics = Map.groupBy(workspace.report.diagnostics.flatMap(diagnostic => {
        const document = documentsByFile.get(diagnostic.file);
        const ecosystem = document && ecosystemNameOf(document);
        return ecosystem === undefined ? [] : [{ ecosystem, diagnostic: located(document!, diagnostic) }];
    }), entry => entry.ecosystem);
    return new Map(models.ecosystems().map(name => [name, {
        snapshot: snapshotOf(models.modelOf(name)),
        diagnostics: (diagnostics.get(name) ?? []).map(entry => entry.diagnostic),
    }]));
}

/** The diagnostic with the name of the element whose text it underlines. */
function located(document: LangiumDocument, diagnostic: FileDiagnostic): DiffDiagnostic {
    const { code, severity, file, line, message } = diagnostic;
    return { code, severity, element: elementAt(document, diagnostic), file, line, message };
}

function elementAt(document: LangiumDocument, diagnostic: FileDiagnostic): string | null {
    const root = document.parseResult.value.$cstNode;
    const offset = document.textDocument.offsetAt({ line: diagnostic.line - 1, character: diagnostic.column - 1 });
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, offset);
    const node = leaf?.astNode;
    if (!node) {
        return null;
    }
    const element = AstUtils.getContainerOfType(node, ast.isElement);
    return element?.name ?? (ast.isEcosystem(node) ? node.name : null);
}
