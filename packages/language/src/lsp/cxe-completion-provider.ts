import type { LangiumDocument } from 'langium';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { CancellationToken, CompletionList, CompletionParams } from 'vscode-languageserver';
import { lineText } from './document-lines.js';
import { ignoreCodeCompletion } from './ignore-comment-assist.js';

/** Langium's completion, plus the codes inside ignore comments (which the grammar sees as comments). */
export class CxeCompletionProvider extends DefaultCompletionProvider {
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const codes = ignoreCodeCompletion(lineText(document, params.position.line), params.position);
        return codes ? { isIncomplete: false, items: codes } : super.getCompletion(document, params, cancelToken);
    }
}
