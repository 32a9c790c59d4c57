import { AstUtils } from 'langium';
import type * as ast from '../generated/ast.js';
import type { ModelPart } from '../model/ecosystem-model.js';
import { type RelationEdge, type RelationIndex, relationBit, relationsStatedBy } from './relation-index.js';

/** An edge as a part states it; the part's place in URI order and the edge's place in the part give its model order. */
interface Stated {
    readonly edge: RelationEdge;
    readonly part: ModelPart;
    readonly uri: string;
    readonly rank: number;
}

const NONE: readonly RelationEdge[] = [];

/**
 * The relation index of one ecosystem, brought up to date from its documents' parts: after an edit
 * only the edges of the parts that changed are taken out and put in again, and an element's edges
 * are put in model order (and an edge stated twice kept once) when they are next read. It answers
 * for the parts it was last brought to, so one index serves the successive models of an ecosystem.
 */
export class IncrementalRelationIndex implements RelationIndex {
    private parts: ReadonlyArray<readonly [uri: string, part: ModelPart]> = [];
    private byUri: ReadonlyMap<string, ModelPart> = new Map();
    private positions: ReadonlyMap<string, number> = new Map();
    private readonly statedInto = new Map<ast.Element, Stated[]>();
    private readonly statedOutOf = new Map<ast.Element, Stated[]>();
    private readonly orderedInto = new Map<ast.Element, readonly RelationEdge[]>();
    private readonly orderedOutOf = new Map<ast.Element, readonly RelationEdge[]>();
    private allEdges?: readonly RelationEdge[];

    /** Brings the index to the given parts (in URI order; `positions` gives each part's place in it). */
    update(next: ReadonlyArray<readonly [uri: string, part: ModelPart]>, positions: ReadonlyMap<string, number>): this {
        if (next === this.parts) {
            return this;
        }
        const after = new Map(next);
        if (positions !== this.positions) {
            this.orderedInto.clear();
            this.orderedOutOf.clear();
        }
        const removed = new Set<ModelPart>();
        const touched = new Set<ast.Element>();
        for (const [uri, old] of this.byUri) {
            if (after.get(uri) !== old) {
                removed.add(old);
                relationsStatedBy(old).forEach(edge => touched.add(edge.from).add(edge.to));
            }
        }
        for (const element of touched) {
            this.remove(this.statedInto, this.orderedInto, element, removed);
            this.remove(this.statedOutOf, this.orderedOutOf, element, removed);
        }
        for (const [uri, part] of next) {
            if (this.byUri.get(uri) !== part) {
                relationsStatedBy(part).forEach((edge, rank) => {
                    const stated = { edge, part, uri, rank };
                    this.add(this.statedInto, this.orderedInto, edge.to, stated);
                    this.add(this.statedOutOf, this.orderedOutOf, edge.from, stated);
                });
            }
        }
        this.parts = next;
        this.byUri = after;
        this.positions = positions;
        this.allEdges = undefined;
        return this;
    }

    get edges(): readonly RelationEdge[] {
        if (!this.allEdges) {
            const seen = new Map<ast.Element, Map<ast.Element, number>>();
            this.allEdges = this.parts.flatMap(([, part]) => relationsStatedBy(part)).filter(edge => {
                const fromHere = seen.get(edge.from) ?? new Map<ast.Element, number>();
                seen.set(edge.from, fromHere);
                return firstOf(fromHere, edge.to, edge);
            });
        }
        return this.allEdges;
    }

    into(element: ast.Element): readonly RelationEdge[] {
        return this.ordered(this.statedInto, this.orderedInto, element, edge => edge.from);
    }

    outOf(element: ast.Element): readonly RelationEdge[] {
        return this.ordered(this.statedOutOf, this.orderedOutOf, element, edge => edge.to);
    }

    orderOf(element: ast.Element): number {
        const position = this.positions.get(AstUtils.getDocument(element).uri.toString());
        return position === undefined ? Number.MAX_SAFE_INTEGER : position * 2 ** 32 + (element.$containerIndex ?? 0);
    }

    private add(stated: Map<ast.Element, Stated[]>, ordered: Map<ast.Element, unknown>, element: ast.Element, edge: Stated): void {
        const list = stated.get(element);
        list ? list.push(edge) : stated.set(element, [edge]);
        ordered.delete(element);
    }

    private remove(stated: Map<ast.Element, Stated[]>, ordered: Map<ast.Element, unknown>, element: ast.Element, removed: ReadonlySet<ModelPart>): void {
        const rest = stated.get(element)?.filter(edge => !removed.has(edge.part)) ?? [];
        rest.length > 0 ? stated.set(element, rest) : stated.delete(element);
        ordered.delete(element);
    }

    /** An element's edges in model order of the element stating them, each (other end, relation) once. */
    private ordered(stated: Map<ast.Element, Stated[]>, ordered: Map<ast.Element, readonly RelationEdge[]>, element: ast.Element,
        otherEnd: (edge: RelationEdge) => ast.Element): readonly RelationEdge[] {
        let edges = ordered.get(element);
        if (!edges) {
            const list = stated.get(element);
            if (!list) {
                return NONE;
            }
            const position = (edge: Stated) => this.positions.get(edge.uri)!;
            const seen = new Map<ast.Element, number>();
            edges = [...list].sort((a, b) => position(a) - position(b) || a.rank - b.rank)
                .filter(({ edge }) => firstOf(seen, otherEnd(edge), edge))
                .map(({ edge }) => edge);
            ordered.set(element, edges);
        }
        return edges;
    }
}

/** Whether an edge is the first of its relation to `other` (`seen` holds the relations met per other end, as bits). */
function firstOf(seen: Map<ast.Element, number>, other: ast.Element, edge: RelationEdge): boolean {
    const bits = seen.get(other) ?? 0;
    const bit = relationBit(edge.relation);
    seen.set(other, bits | bit);
    return (bits & bit) === 0;
}
