import { type AstNodeDescription, AstUtils, type LangiumDocument, type LangiumDocuments, GrammarAST, type MaybePromise, type ReferenceInfo, URI } from 'langium';
import {
    type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem, type LangiumServices,
    type NextFeature, DefaultCompletionProvider,
} from 'langium/lsp';
import { type CompletionItem, type CompletionList, type CompletionParams, CompletionItemKind, CompletionTriggerKind, InsertTextFormat } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CxeAddedServices } from '../cxe-module.js';
import * as ast from '../generated/ast.js';
import { kindAndLabel } from '../model/describe.js';
import type { EcosystemModels } from '../model/ecosystem-models.js';
import type { CxeScopeProvider } from '../references/cxe-scope-provider.js';
import { compare } from '../workspace/ecosystem-membership.js';
import { NO_RANKING, excluding, flowRanking, rankCandidates } from './completion-ranking.js';
import { lineText } from './document-lines.js';
import { ELEMENT_SNIPPETS } from './element-snippets.js';
import { ignoreCodeCompletion } from './ignore-comment-assist.js';
import { featuresReadingKeywordsAsNames } from './keywords-as-names.js';

/** Typing a space right after these opens completion by itself: a name is expected next. */
const AUTO_OPEN_AFTER = /(->|:|\bvia|\bseeks|,)[ \t]$/;

/** The most items one response holds; the editor asks again as the user types when there are more. */
export const MAX_ITEMS = 100;

/** The rules whose first keyword starts an element: where an element template may be offered. */
const ELEMENT_START_RULES: ReadonlySet<string> = new Set(['Ecosystem', 'ActorKind', 'Value', 'Exchange', 'Touchpoint', 'Factor', 'System', 'Process', 'Policy', 'Journey', 'View']);

/**
 * Completion: names of the type the grammar expects at the cursor (with their kind and label),
 * filtered by what is typed, ranked by the flow around the cursor (completion-ranking.ts) and capped
 * at MAX_ITEMS; element templates where an element can start; the codes inside ignore comments; and
 * a list that opens by itself after `-> `, `: `, `via `, `seeks ` and `, `.
 */
export class CxeCompletionProvider extends DefaultCompletionProvider {
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: [' '] };
    private readonly scopes: CxeScopeProvider;
    private readonly documents: LangiumDocuments;
    private readonly models: EcosystemModels;

    constructor(services: LangiumServices & CxeAddedServices) {
        super(services);
        this.scopes = services.references.ScopeProvider as CxeScopeProvider;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.models = services.workspace.EcosystemModels;
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
        const list = await super.getCompletion(document, params, cancelToken);
        return list && capped(list.items, /\w$/.test(line.slice(0, params.position.character)));
    }

    /** What the grammar expects at an offset, reading a keyword typed where a name belongs as that name (keywords-as-names.ts). */
    protected override findFeaturesAt(textDocument: TextDocument, offset: number): NextFeature[] {
        const document = this.documents.getDocument(URI.parse(textDocument.uri));
        return (document && featuresReadingKeywordsAsNames(this.completionParser, this.lexer, document, offset)) ?? super.findFeaturesAt(textDocument, offset);
    }

    /**
     * The candidates come from the type the grammar's cross-reference names, not from the (possibly
     * half-parsed) node at the cursor: in `supports exchange, T` the parser has already turned
     * `exchange` into a new element, which has no `supports` property. Filtered by what is typed,
     * ranked by the flow around the cursor and cut at one more than the list holds (getCompletion
     * sees the overflow and marks the list incomplete).
     */
    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): MaybePromise<void> {
        const type = next.feature.type.ref?.name;
        if (!type) {
            return;
        }
        const property = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature ?? '';
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset);
        const inFlow = ast.isFlow(context.node) ? flowRanking(this.models.recentModelFor(context.document), context.node, property) : NO_RANKING;
        // The parser may have recovered by declaring the word being typed (`affects thirdparty, C|` declares an actor C): not a candidate.
        const uri = context.document.uri.toString();
        const ranking = typed ? excluding(inFlow, candidate => candidate.name.startsWith(typed) && candidate.documentUri.toString() === uri && candidate.nameSegment?.offset === context.tokenOffset) : inFlow;
        const candidates = rankCandidates(this.scopes.elementsOf(context.document, type), typed, ranking, this.fuzzyMatcher, MAX_ITEMS + 1);
        const refInfo: ReferenceInfo = { reference: { $refText: '', ref: undefined }, container: context.node ?? context.document.parseResult.value, property };
        for (const { description, sortText } of candidates) {
            acceptor(context, { ...this.createReferenceCompletionItem(description, refInfo, context), sortText });
        }
    }

    /** Kind and label beside the name in the list (labelDetails) and in the item's details. */
    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        if (!description.node) {
            return item;
        }
        const detail = kindAndLabel(description.node);
        return { ...item, detail, labelDetails: { description: detail } };
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

/**
 * The list in a fixed order (sortText, then label) and at most MAX_ITEMS long: names are cut, the
 * few keywords and templates the grammar allows never are. It is incomplete when names were cut or
 * the server filtered by a typed prefix: the editor asks again as the user types.
 */
function capped(items: CompletionItem[], filtered: boolean): CompletionList {
    const isWord = (item: CompletionItem) => item.kind === CompletionItemKind.Keyword || item.kind === CompletionItemKind.Snippet;
    const words = items.filter(isWord);
    const names = items.filter(item => !isWord(item));
    const kept = [...names.slice(0, MAX_ITEMS - words.length), ...words];
    return {
        isIncomplete: filtered || kept.length < items.length,
        items: kept.sort((a, b) => compare(a.sortText ?? '', b.sortText ?? '') || compare(a.label, b.label)),
    };
}
