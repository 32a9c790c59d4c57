import {
    type AstNode, type AstNodeDescription, type LangiumDocument, type Reference, type ReferenceInfo, Cancellation, DefaultLinker, interruptAndCheck,
    isAstNode, isReference,
} from 'langium';
import type { Model } from '../generated/ast.js';

/**
 * Links like Langium's linker, with one plain recursive walk over each top-level element instead of
 * a stream per AST node: on a 10,000-flow model that walk is a large share of the linking time.
 */
export class CxeLinker extends DefaultLinker {
    /** A linked document's resolved references by the URI of the document they resolve into, worked out on its first rebinding. */
    private readonly referencesInto = new WeakMap<LangiumDocument, ReadonlyMap<string, readonly LinkedReference[]>>();

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const root = document.parseResult.value as Model;
        this.linkNode(root, document);
        for (const element of root.elements ?? []) {
            await interruptAndCheck(cancelToken);
            this.linkNode(element, document);
        }
        this.referencesInto.delete(document);
    }

    /**
     * Points the document's resolved references into edited documents (`edited`, by URI) at their
     * new elements, without linking it again: a reference to an element whose name the edit left alone
     * (the same kinds of element bear it, in the same order) resolves to the element of that name at
     * the same rank. Returns the old and new targets, or undefined when a reference names a changed
     * name (the document must then be linked again).
     */
    rebind(document: LangiumDocument, edited: ReadonlyMap<string, Rebinding>): Rebound | undefined {
        const moves: TargetMove[] = [];
        const targets = new Map<AstNode, AstNode>();
        const into = this.referencesIntoOf(document);
        for (const [uri, target] of edited) {
            for (const reference of into.get(uri) ?? []) {
                const old = reference._ref;
                if (!isAstNode(old) || old.$container !== target.root) {
                    continue;
                }
                const name = (old as { name?: unknown }).name;
                const namesakes = typeof name === 'string' && !target.changedNames.has(name) ? target.named.get(name) ?? [] : [];
                const element = namesakes.length === 1 ? namesakes[0] : namesakes[rankOf(old, name as string)];
                const description = element && target.exports.get(`/elements@${element.$containerIndex}`);
                if (!element || !description || element.$type !== old.$type || old.$containerProperty !== 'elements') {
                    return undefined;
                }
                reference._ref = element;
                reference._nodeDescription = description;
                targets.set(old, element);
                if (element.$containerIndex !== old.$containerIndex) {
                    moves.push({ uri, from: `/elements@${old.$containerIndex}`, to: description.path });
                }
            }
        }
        return { moves, targets };
    }

    /** Grouped once per linking: rebinding keeps each reference's target document. */
    private referencesIntoOf(document: LangiumDocument): ReadonlyMap<string, readonly LinkedReference[]> {
        let into = this.referencesInto.get(document);
        if (!into) {
            const resolved = (document.references as LinkedReference[]).filter(reference => reference._nodeDescription && isAstNode(reference._ref));
            into = Map.groupBy(resolved, reference => reference._nodeDescription!.documentUri.toString());
            this.referencesInto.set(document, into);
        }
        return into;
    }

    /** Links the references held by a node and, recursively, by the nodes it contains (not `elements`). */
    private linkNode(node: AstNode, document: LangiumDocument): void {
        for (const property of Object.keys(node)) {
            if (property.startsWith('$') || (property === 'elements' && node.$container === undefined)) {
                continue;
            }
            const value = (node as unknown as Record<string, unknown>)[property];
            if (Array.isArray(value)) {
                value.forEach((item, index) => this.linkValue(item, { container: node, property, index }, document));
            } else {
                this.linkValue(value, { container: node, property }, document);
            }
        }
    }

    private linkValue(value: unknown, info: Omit<ReferenceInfo, 'reference'>, document: LangiumDocument): void {
        if (isReference(value)) {
            this.doLink({ ...info, reference: value }, document);
        } else if (isAstNode(value)) {
            this.linkNode(value, document);
        }
    }
}

/** What rebinding a document changed: each old target's new element, and the targets that moved (for the reference index). */
export interface Rebound {
    readonly targets: ReadonlyMap<AstNode, AstNode>;
    readonly moves: readonly TargetMove[];
}

/** A referenced element that is at another place in its (edited) document. */
export interface TargetMove {
    readonly uri: string;
    readonly from: string;
    readonly to: string;
}

/** A reference as Langium's linker keeps it: the target (or linking error) and its description. */
type LinkedReference = Reference & { _ref?: unknown; _nodeDescription?: AstNodeDescription };

/**
 * What rebinding needs of an edited document: the root its elements had, its new elements by name,
 * its exports by path, the names whose declarations changed.
 */
export interface Rebinding {
    readonly root: AstNode;
    readonly named: ReadonlyMap<string, readonly AstNode[]>;
    readonly exports: ReadonlyMap<string, AstNodeDescription>;
    readonly changedNames: ReadonlySet<string>;
}

/** The position of a top-level element among the elements of its file that bear its name. */
function rankOf(element: AstNode, name: string): number {
    return ((element.$container as Model | undefined)?.elements ?? []).filter(other => other.name === name).indexOf(element as Model['elements'][number]);
}
