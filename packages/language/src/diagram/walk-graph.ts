import { type WalkDirection, walkModel } from '../analysis/walk.js';
import { type RelationEdge, relationPhrase, relationsOf } from '../analysis/relation-index.js';
import * as ast from '../generated/ast.js';
import { keywordOf } from '../model/describe.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';
import type { Finding } from '../validation/problem.js';
import {
    type DiagramEdge, type DiagramGraph, type DiagramNode, type DiagramOptions, type NodeKind, type NodeProblems,
    NO_PROBLEMS, backstageEdge, countProblems, titleOf,
} from './diagram-graph.js';
import { selectView, selects } from './view-selection.js';

/** One walk to draw: the trace or impact of an element, optionally limited in depth. */
export interface WalkRequest {
    readonly direction: WalkDirection;
    readonly element: ast.Walkable;
    readonly depth?: number;
}

/** A view selects by cause and effect when it has a `trace` or `impact` clause. */
export function isWalkView(view: ast.View): boolean {
    return view.trace.length > 0 || view.impact.length > 0;
}

/** The graph of a view with `trace`/`impact`: its walks, what it includes, less what it excludes. */
export function buildWalkGraph(model: EcosystemModel, view: ast.View, problems: readonly Finding[], options: DiagramOptions = {}): DiagramGraph {
    const walks = (direction: WalkDirection, references: ReadonlyArray<{ ref?: ast.Walkable }>) =>
        references.flatMap(reference => (reference.ref ? [{ direction, element: reference.ref, depth: view.depth }] : []));
    const selected = view.include.length > 0 ? selectView(model, view) : undefined;
    const included = selected ? [...selected.actors, ...selected.factors, ...selected.touchpoints, ...selected.backstage] : [];
    return walkGraph(model, {
        view: view.name,
        title: titleOf(model, view),
        direction: (view.layout ?? options.direction) === 'down' ? 'down' : 'right',
        walks: [...walks('trace', view.trace), ...walks('impact', view.impact)],
        included,
        excluded: element => view.exclude.some(selector => selects(selector, element)),
    }, problems);
}

/** The graph of one walk no view declares (the editor's Show Root Causes / Show Impact). */
export function buildRequestedWalkGraph(model: EcosystemModel, request: WalkRequest, problems: readonly Finding[], options: DiagramOptions = {}): DiagramGraph {
    const what = request.direction === 'trace' ? 'What is behind' : 'What reaches from';
    return walkGraph(model, {
        view: `${request.direction} ${request.element.name}`,
        title: `${titleOf(model, undefined)} — ${what} ${request.element.label ?? request.element.name}`,
        direction: options.direction === 'down' ? 'down' : 'right',
        walks: [request],
        included: [],
        excluded: () => false,
    }, problems);
}

interface WalkGraphSpec {
    readonly view: string;
    readonly title: string;
    readonly direction: 'right' | 'down';
    readonly walks: readonly WalkRequest[];
    readonly included: readonly ast.Element[];
    readonly excluded: (element: ast.Element) => boolean;
}

/**
 * Layers by depth: for a trace the deepest causes come first and the element last, for an impact
 * the reverse; with both in one view the elements walked from sit between their causes and effects.
 * Edges are the relations the walks followed, and every relation of an element shown only because
 * the view includes it.
 */
function walkGraph(model: EcosystemModel, spec: WalkGraphSpec, problems: readonly Finding[]): DiagramGraph {
    const position = new Map<ast.Element, number>();
    const place = (element: ast.Element, at: number) => {
        const known = position.get(element);
        if (known === undefined || Math.abs(at) < Math.abs(known)) {
            position.set(element, at);
        }
    };
    const edges: RelationEdge[] = [];
    for (const request of spec.walks) {
        const result = walkModel(model, request.element, request.direction, request.depth);
        const sign = request.direction === 'trace' ? -1 : 1;
        place(request.element, 0);
        result.reached.forEach(reached => place(reached.element, sign * reached.depth));
        result.relations.forEach(relation => edges.push(relation));
    }
    const extra = spec.included.filter(element => !position.has(element));
    const shown = new Set([...position.keys(), ...extra].filter(element => !spec.excluded(element)));
    const index = relationsOf(model);
    for (const element of extra) {
        index.into(element).forEach(relation => edges.push(relation));
        index.outOf(element).forEach(relation => edges.push(relation));
    }
    const first = [...position.values()].reduce((min, at) => Math.min(min, at), 0);
    const starts = new Set<ast.Element>(spec.walks.map(request => request.element));
    const counts = countProblems(problems);
    const ordered = [...shown].sort((a, b) => (position.get(a) ?? first) - (position.get(b) ?? first) || index.orderOf(a) - index.orderOf(b));
    const nodes = ordered.map(element => walkNode(element, (position.get(element) ?? first) - first, starts.has(element), counts));
    const ids = new Set(nodes.map(node => node.id));
    return {
        ecosystem: model.name,
        view: spec.view,
        title: spec.title,
        direction: spec.direction,
        nodes,
        edges: diagramEdges(edges.filter(edge => ids.has(edge.from.name!) && ids.has(edge.to.name!))),
    };
}

/**
 * One arrow per pair of elements, labelled with every relation between them in the order the index
 * holds them ("runs, delivers"): parallel arrows with a label each would crowd the drawing.
 */
function diagramEdges(relations: readonly RelationEdge[]): DiagramEdge[] {
    const pairs = Map.groupBy(relations, edge => `${edge.from.name}\u0000${edge.to.name}`);
    return [...pairs.values()].map(group => {
        const kinds = [...new Set(group.map(edge => edge.relation))];
        return backstageEdge(group[0].from, group[0].to, kinds.join('+'), kinds.map(relationPhrase).join(', '));
    });
}

function walkNode(element: ast.Element, layer: number, focus: boolean, problems: ReadonlyMap<string, NodeProblems>): DiagramNode {
    const name = element.name ?? '';
    return {
        id: name,
        kind: nodeKindOf(element),
        label: (element as { label?: string }).label ?? name,
        detail: detailOf(element),
        problems: problems.get(name) ?? NO_PROBLEMS,
        layer,
        ...(focus ? { focus } : {}),
    };
}

/** The node kind of an element: its keyword, with environment factors drawn as 'factor'. */
export function nodeKindOf(element: ast.Element): NodeKind {
    return ast.isFactor(element) ? 'factor' : keywordOf(element) as NodeKind;
}

/** One short line under the label: what kind of touchpoint, factor or value it is, whose journey, who owns it. */
function detailOf(element: ast.Element): string | undefined {
    const nameOf = (target?: { name?: string; label?: string }) => target?.label ?? target?.name;
    if (ast.isTouchpoint(element)) {
        return element.channel;
    }
    if (ast.isFactor(element)) {
        return [element.category, element.trend].filter(Boolean).join(' · ') || undefined;
    }
    if (ast.isValue(element)) {
        return element.kind;
    }
    if (ast.isJourney(element)) {
        const customer = nameOf(element.customer?.ref);
        return customer ? `for ${customer}` : undefined;
    }
    if (ast.isSystem(element) || ast.isProcess(element) || ast.isPolicy(element)) {
        const owner = nameOf(element.owner?.ref);
        return owner ? `owner: ${owner}` : undefined;
    }
    return undefined;
}
