import { type AstNode, AstUtils, CstUtils, GrammarAST, GrammarUtils, type LangiumDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { type CancellationToken, LSPErrorCodes, type RenameParams, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import type { CxeAddedServices } from '../cxe-module.js';
import * as ast from '../generated/ast.js';
import { describe, whereIs } from '../model/describe.js';
import type { EcosystemModels } from '../model/ecosystem-models.js';

/**
 * Rename (F2) that refuses, with a message the editor shows, a new name the language would not
 * accept (a keyword, not an identifier) or one another element already has: the two would merge.
 */
export class CxeRenameProvider extends DefaultRenameProvider {
    private readonly models: EcosystemModels;
    private readonly keywords: ReadonlySet<string>;
    private readonly identifier: RegExp;

    constructor(services: LangiumServices & CxeAddedServices) {
        super(services);
        this.models = services.workspace.EcosystemModels;
        const grammar = services.Grammar;
        this.keywords = new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value));
        const id = grammar.rules.find(rule => GrammarAST.isTerminalRule(rule) && rule.name === 'ID') as GrammarAST.TerminalRule;
        this.identifier = new RegExp(`^(?:${GrammarUtils.terminalRegex(id).source})$`);
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const refusal = this.refusal(document, params);
        if (refusal) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, refusal);
        }
        return super.rename(document, params, cancelToken);
    }

    private refusal(document: LangiumDocument, { newName, position }: RenameParams): string | undefined {
        if (this.keywords.has(newName)) {
            return `'${newName}' is a keyword of the language, so it cannot be a name.`;
        }
        if (!this.identifier.test(newName)) {
            return `'${newName}' is not a valid name: use letters, digits and _, starting with a letter or _.`;
        }
        const target = this.targetAt(document, document.textDocument.offsetAt(position));
        const taken = target && this.namesakes(document, target, newName).find(other => other !== target);
        return taken ? `${describe(taken, true)} already has the name '${newName}' (${whereIs(taken)}): renaming would merge the two.` : undefined;
    }

    /** The element whose name is at the offset, or the one the reference there names. */
    private targetAt(document: LangiumDocument, offset: number): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** What already has a name where the target lives: elements of its ecosystem, or steps of its journey. */
    private namesakes(document: LangiumDocument, target: AstNode, name: string): ReadonlyArray<AstNode & { name?: string }> {
        if (ast.isStep(target)) {
            return target.$container.steps.filter(step => step.name === name);
        }
        return this.models.modelFor(document)?.elementsByName.get(name) ?? [];
    }
}
