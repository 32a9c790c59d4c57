import { AstUtils } from 'langium';
import type * as ast from '../generated/ast.js';
import type { ModelPart } from '../model/ecosystem-model.js';
import { replacesEveryPart, takePartChanges } from '../model/part-changes.js';
import { type RelationEdge, type RelationIndex, relationBit, relationsRetargeted, relationsStatedBy } from './relation-index.js';

/** An edge as a part states it; the part's place in URI order and the edge's place in the part give its model order. */
interface Stated {
    readonly edge: RelationEdge;
    readonly uri: string;
    readonly rank: number;
}

const NONE: readonly RelationEdge[] = [];

/**
 * The relation index of one ecosystem, brought up to date from its documents' parts: after an edit
 * only the edges of the parts that changed are taken out and put in again (of a rebound part, only
 * those with an end that moved), and an element's edges are put in model order (and an edge stated
 * twice kept once) when they are next read. It answers for the parts it was last brought to, so one
 * index serves the successive models of an ecosystem.
 */
export class IncrementalRelationIndex implements RelationIndex {
    private parts: ReadonlyArray<readonly [uri: string, part: ModelPart]> = [];
    private readonly byUri = new Map<string, ModelPart>();
    private positions: ReadonlyMap<string, number> = new Map();
    /** The edges each document's part states, in its order. */
    private readonly statedBy = new Map<string, readonly Stated[]>();
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
        if (positions !== this.positions) {
            this.orderedInto.clear();
            this.orderedOutOf.clear();
        }
        const gone = new Set<Stated>();
        const added: Stated[] = [];
        const changes = takePartChanges(this.byUri, next);
        // Every part changed (a one-file ecosystem after any edit): put every edge in afresh rather than take each out.
        const afresh = replacesEveryPart(changes, this.byUri);
        if (afresh) {
            [this.statedBy, this.statedInto, this.statedOutOf, this.orderedInto, this.orderedOutOf].forEach(map => map.clear());
        }
        for (const { uri, before: old, after: part } of changes) {
            const before = afresh ? [] : this.statedBy.get(uri) ?? [];
            const rebound = old && part && part.elements === old.elements && part.references.length === old.references.length;
            const edges = !part ? [] : rebound ? relationsRetargeted(old, part) : relationsStatedBy(part);
            const now = edges.map((edge, rank) => (rebound && before[rank]?.edge === edge ? before[rank] : { edge, uri, rank }));
            before.forEach((stated, rank) => now[rank] !== stated && gone.add(stated));
            now.forEach((stated, rank) => before[rank] !== stated && added.push(stated));
            part ? this.statedBy.set(uri, now) : this.statedBy.delete(uri);
        }
        const touched = new Set<ast.Element>();
        gone.forEach(({ edge }) => touched.add(edge.from).add(edge.to));
        for (const element of touched) {
            this.remove(this.statedInto, this.orderedInto, element, gone);
            this.remove(this.statedOutOf, this.orderedOutOf, element, gone);
        }
        for (const stated of added) {
            this.add(this.statedInto, this.orderedInto, stated.edge.to, stated);
            this.add(this.statedOutOf, this.orderedOutOf, stated.edge.from, stated);
        }
        this.parts = next;
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

    private remove(stated: Map<ast.Element, Stated[]>, ordered: Map<ast.Element, unknown>, element: ast.Element, gone: ReadonlySet<Stated>): void {
        const rest = stated.get(element)?.filter(edge => !gone.has(edge)) ?? [];
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
