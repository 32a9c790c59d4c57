import { type AstNode, AstUtils, type DocumentationProvider, type LangiumDocument } from 'langium';
import { AstNodeHoverProvider, type LangiumServices } from 'langium/lsp';
import { valueBalance } from '../analysis/value-balance.js';
import { walkSummaryLine } from '../analysis/walk-summary.js';
import * as ast from '../generated/ast.js';
import { kindLabel } from '../model/describe.js';
import type { EcosystemModels } from '../model/ecosystem-models.js';
import type { CxeAddedServices } from '../cxe-module.js';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { lineText } from './document-lines.js';
import { ignoreCodeHover } from './ignore-comment-assist.js';

/** Hover: the element's kind, name and label, its doc comment, and for an actor its value balance. */
export class CxeHoverProvider extends AstNodeHoverProvider {
    private readonly models: EcosystemModels;
    private readonly documentation: DocumentationProvider;

    constructor(services: LangiumServices & CxeAddedServices) {
        super(services);
        this.models = services.workspace.EcosystemModels;
        this.documentation = services.documentation.DocumentationProvider;
    }

    /** A code in an ignore comment gets its rule's summary; anything else, the element's hover. */
    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        return ignoreCodeHover(lineText(document, params.position.line), params.position) ?? super.getHoverContent(document, params);
    }

    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        if (!ast.isElement(node) && !ast.isStep(node)) {
            return undefined;
        }
        const kind = kindLabel(node);
        const lines = [`**${kind.charAt(0).toUpperCase()}${kind.slice(1)}** \`${node.name ?? ''}\`${node.label ? ` — ${node.label}` : ''}`];
        const documentation = this.documentation.getDocumentation(node);
        if (documentation) {
            lines.push('', documentation);
        }
        if (ast.isActor(node)) {
            lines.push('', ...this.balanceLines(node));
        } else if (ast.isValue(node) && node.kind) {
            lines.push('', `Kind: ${node.kind}`);
        }
        const walks = ast.isWalkable(node) ? this.walkLine(node) : undefined;
        if (walks) {
            lines.push('', walks);
        }
        return lines.join('\n');
    }

    /** Root causes and ripple effects in one line, walked when the hover is asked for. */
    private walkLine(element: ast.Walkable): string | undefined {
        const model = this.models.modelFor(AstUtils.getDocument(element));
        return model && walkSummaryLine(model, element);
    }

    private balanceLines(actor: ast.Actor): string[] {
        const model = this.models.modelFor(AstUtils.getDocument(actor));
        if (!model) {
            return [];
        }
        const balance = valueBalance(model, actor);
        const names = (items: ReadonlyArray<ast.Value | string>) =>
            items.length === 0 ? '—' : items.map(item => (typeof item === 'string' ? `"${item}"` : item.label ?? item.name)).join(', ');
        return [
            `- seeks: ${names(balance.seeks)}`,
            `- receives: ${names(balance.receives)}`,
            `- gives: ${names(balance.gives)}`,
            ...(balance.verdict === 'unmet-need' ? [`- unmet needs: ${names(balance.unmet)}`] : []),
        ];
    }
}
