import { type AstNodeDescription, AstUtils, type LangiumDocument, GrammarAST, type MaybePromise, type ReferenceInfo } from 'langium';
import {
    type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem, type LangiumServices,
    type NextFeature, DefaultCompletionProvider,
} from 'langium/lsp';
import { type CompletionList, type CompletionParams, CompletionItemKind, CompletionTriggerKind, InsertTextFormat } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type { CxeAddedServices } from '../cxe-module.js';
import * as ast from '../generated/ast.js';
import { kindAndLabel } from '../model/describe.js';
import type { CxeScopeProvider } from '../references/cxe-scope-provider.js';
import { lineText } from './document-lines.js';
import { ELEMENT_SNIPPETS } from './element-snippets.js';
import { ignoreCodeCompletion } from './ignore-comment-assist.js';

/** Typing a space right after these opens completion by itself: a name is expected next. */
const AUTO_OPEN_AFTER = /(->|:|\bvia|\bseeks|,)[ \t]$/;

/** The rules whose first keyword starts an element: where an element template may be offered. */
const ELEMENT_START_RULES: ReadonlySet<string> = new Set(['Ecosystem', 'ActorKind', 'Value', 'Exchange', 'Touchpoint', 'Factor', 'System', 'Process', 'Policy', 'Journey', 'View']);

/**
 * Completion: names of the type the grammar expects at the cursor (with their kind and label),
 * element templates where an element can start, the codes inside ignore comments, and a list that
 * opens by itself after `-> `, `: `, `via `, `seeks ` and `, `.
 */
export class CxeCompletionProvider extends DefaultCompletionProvider {
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: [' '] };
    private readonly scopes: CxeScopeProvider;

    constructor(services: LangiumServices & CxeAddedServices) {
        super(services);
        this.scopes = services.references.ScopeProvider as CxeScopeProvider;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const line = lineText(document, params.position.line);
        // The codes inside ignore comments (which the grammar sees as comments).
        const codes = ignoreCodeCompletion(line, params.position);
        if (codes) {
            return { isIncomplete: false, items: codes };
        }
        if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && !AUTO_OPEN_AFTER.test(line.slice(0, params.position.character))) {
            return { isIncomplete: false, items: [] };
        }
        return super.getCompletion(document, params, cancelToken);
    }

    /**
     * The candidates come from the type the grammar's cross-reference names, not from the (possibly
     * half-parsed) node at the cursor: in `supports exchange, T` the parser has already turned
     * `exchange` into a new element, which has no `supports` property.
     */
    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): MaybePromise<void> {
        const type = next.feature.type.ref?.name;
        if (!type) {
            return;
        }
        // After `Giver -> `, the giver itself is not a receiver to offer.
        const giver = next.property === 'receiver' && ast.isFlow(context.node) ? context.node.giver?.$refText : undefined;
        const refInfo: ReferenceInfo = { reference: { $refText: '', ref: undefined }, container: context.node ?? context.document.parseResult.value, property: next.property ?? '' };
        for (const candidate of this.scopes.scopeOf(context.document, type).getAllElements()) {
            if (candidate.name !== giver) {
                acceptor(context, this.createReferenceCompletionItem(candidate, refInfo, context));
            }
        }
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        return { ...item, detail: description.node ? kindAndLabel(description.node) : item.detail };
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const snippets = rule && ELEMENT_START_RULES.has(rule.name) ? ELEMENT_SNIPPETS.filter(snippet => snippet.keyword === keyword.value) : [];
        if (snippets.length === 0) {
            return super.completionForKeyword(context, keyword, acceptor);
        }
        for (const snippet of snippets) {
            acceptor(context, {
                label: snippet.keyword,
                labelDetails: { description: snippet.description },
                kind: CompletionItemKind.Snippet,
                detail: snippet.description,
                insertText: snippet.body,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '1',
            });
        }
    }
}
