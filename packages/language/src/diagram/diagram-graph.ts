import type { AstNode } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import * as ast from '../generated/ast.js';
import type { EcosystemModel, ResolvedFlow } from '../model/ecosystem-model.js';
import type { Finding } from '../validation/problem.js';
import { type Backstage, selectView } from './view-selection.js';
import { unique } from '../util/words.js';
import { type Relation, relationPhrase, relationsOf } from '../analysis/relation-index.js';
import { buildWalkGraph, isWalkView } from './walk-graph.js';

export type NodeKind = 'customer' | 'employee' | 'partner' | 'organization' | 'thirdparty' | 'factor'
    | 'touchpoint' | 'system' | 'process' | 'policy' | 'journey' | 'exchange' | 'value';

export interface NodeProblems {
    readonly errors: number;
    readonly warnings: number;
    /** The codes, sorted and without repeats. */
    readonly codes: readonly string[];
}

/** How an element or flow changed, in a diff diagram only (see diff-graph.ts). */
export type DiagramChange = 'added' | 'changed' | 'removed';

export interface DiagramNode {
    /** The element's name: unique in the ecosystem, and the key of the source map. */
    readonly id: string;
    readonly kind: NodeKind;
    readonly label: string;
    /** A second, smaller line: the segment size of an actor, the category and trend of a factor. */
    readonly detail?: string;
    readonly problems: NodeProblems;
    readonly change?: DiagramChange;
    /** The column (or row, laid out down) to place the node in, counted from 0; free when absent. */
    readonly layer?: number;
    /** The element a trace or impact starts from: drawn so that it stands out. */
    readonly focus?: boolean;
}

export interface EdgeValue {
    readonly name: string;
    readonly label: string;
    /** The value's kind keyword; absent when the model does not say (a half-typed value). */
    readonly kind?: string;
}

/** One direction of an exchange drawn on a pair edge: what `from` gives `to`. */
export interface EdgeFlow {
    readonly from: string;
    readonly to: string;
    /** The exchange's label or name; absent for an anonymous flow. */
    readonly exchange?: string;
    readonly values: readonly EdgeValue[];
    readonly via: readonly string[];
}

export interface DiagramEdge {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    /** A value flow, an environment factor's influence, or a behind-the-scenes relation. */
    readonly kind: 'flow' | 'affects' | 'backstage';
    /** The exchanges' labels or names, comma-separated; absent when all are anonymous and for `affects`. */
    readonly exchange?: string;
    /** Every value the edge carries, in either direction. */
    readonly values: readonly EdgeValue[];
    /**
     * Flow edges: every flow between the pair, in model order, grouped by exchange and direction
     * (one edge per pair of actors carries both directions).
     */
    readonly flows?: readonly EdgeFlow[];
    /** Touchpoint labels the flows go through. */
    readonly via: readonly string[];
    /** Solid when any value is tangible (money, product, service); dashed when all are intangible. */
    readonly tangible: boolean;
    readonly money: boolean;
    /** How a factor affects its target; for backstage edges how the relation reads ('supports', 'used by', 'affects', 'meets'…). */
    readonly note?: string;
    readonly change?: DiagramChange;
}

/** The diagram of one view: what to draw, before any layout. */
export interface DiagramGraph {
    readonly ecosystem: string;
    readonly view: string;
    readonly title: string;
    readonly direction: 'right' | 'down';
    readonly nodes: readonly DiagramNode[];
    readonly edges: readonly DiagramEdge[];
}

/** Where a diagram element comes from: the range of the element's name, or of its flows. */
export interface SourceLocation {
    readonly uri: string;
    readonly range: { readonly start: Position; readonly end: Position };
}
interface Position { readonly line: number; readonly character: number }

export const IMPLIED_VIEW = 'overview';
const TANGIBLE: ReadonlySet<string> = new Set(['money', 'product', 'service']);

/** The views to draw: the declared ones, or the implied whole-ecosystem view when none is declared. */
export function viewNames(model: EcosystemModel): string[] {
    const named = namedViews(model).map(view => view.name);
    return named.length > 0 ? named : [IMPLIED_VIEW];
}

/** Views being typed have no name yet: they cannot be asked for, and are not drawn. */
function namedViews(model: EcosystemModel): ast.View[] {
    return model.views.filter(view => Boolean(view.name));
}

/**
 * Builds the graph of a view: a node per included actor, environment factor, touchpoint, system,
 * process and policy; an edge per giver → receiver pair per exchange; dotted `affects` edges from
 * factors to included actors; behind-the-scenes edges from systems, processes and policies to what
 * they support, use or affect, and from touchpoints to the actors that meet there.
 */
/**
 * How to draw where the model does not say: the editor's settings. The defaults are what the CLI
 * uses, so that with default settings the preview shows the CLI's bytes.
 */
export interface DiagramOptions {
    /** The direction of views that declare no `layout`. */
    readonly direction?: 'right' | 'down';
    /** Whether environment factors and their influences are drawn. */
    readonly showFactors?: boolean;
}

export function buildDiagramGraph(model: EcosystemModel, viewName: string, problems: readonly Finding[], options: DiagramOptions = {}): DiagramGraph {
    const view = namedViews(model).find(candidate => candidate.name === viewName);
    if (!view && viewName !== IMPLIED_VIEW) {
        throw new Error(`Ecosystem '${model.name}' has no view '${viewName}'.`);
    }
    if (view && isWalkView(view)) {
        return buildWalkGraph(model, view, problems, options);
    }
    const { actors, touchpoints, backstage, ...selection } = selectView(model, view);
    const factors = options.showFactors === false ? [] : selection.factors;
    const shown = new Set<ast.Element>([...actors, ...factors, ...touchpoints, ...backstage]);
    const problemsByElement = countProblems(problems);
    const nodes: DiagramNode[] = [
        ...actors.map(actor => actorNode(actor, problemsByElement)),
        ...factors.map(factor => factorNode(factor, shown, problemsByElement)),
        ...touchpoints.map(touchpoint => otherNode(touchpoint, 'touchpoint', touchpoint.channel, problemsByElement)),
        ...backstage.map(element => otherNode(element, element.$type.toLowerCase() as NodeKind, backstageDetail(element, shown), problemsByElement)),
    ];
    const edges = uniqueById([
        ...flowEdges(model, shown),
        ...factors.flatMap(factor => affectsEdges(factor, shown)),
        ...backstage.flatMap(element => backstageEdges(model, element, shown)),
        ...touchpoints.flatMap(touchpoint => meetsEdges(model, touchpoint, shown)),
    ]);
    return {
        ecosystem: model.name,
        view: viewName,
        title: titleOf(model, view),
        direction: (view?.layout ?? options.direction) === 'down' ? 'down' : 'right',
        nodes,
        edges,
    };
}

/** Source locations of every node and edge of a graph, keyed by id, for click-to-source. */
export function sourceLocations(model: EcosystemModel, graph: DiagramGraph): Record<string, SourceLocation> {
    const locations: Record<string, SourceLocation> = {};
    for (const node of graph.nodes) {
        const element = model.elementsByName.get(node.id)?.[0];
        if (element) {
            locations[node.id] = locationOf(element);
        }
    }
    const flowsByEdge = groupFlows(model);
    for (const edge of graph.edges) {
        const flow = flowsByEdge.get(edge.id)?.[0];
        if (flow) {
            locations[edge.id] = locationOf(flow.node);
        }
    }
    return locations;
}

export function titleOf(model: EcosystemModel, view: ast.View | undefined): string {
    const ecosystem = model.headers.find(header => header.label)?.label ?? model.name;
    return view ? `${ecosystem} — ${view.label ?? view.name}` : ecosystem;
}

function actorNode(actor: ast.Actor, problems: Map<string, NodeProblems>): DiagramNode {
    return {
        id: actor.name,
        kind: actor.kind as NodeKind,
        label: actor.label ?? actor.name,
        detail: actor.size !== undefined ? `${groupDigits(actor.size)} ${actor.kind === 'partner' || actor.kind === 'organization' ? 'firms' : 'people'}` : undefined,
        problems: problems.get(actor.name) ?? NO_PROBLEMS,
    };
}

/** A factor's detail: category and trend, and what it affects that the view draws no edge to. */
function factorNode(factor: ast.Factor, shown: ReadonlySet<ast.Element>, problems: Map<string, NodeProblems>): DiagramNode {
    const undrawn = factor.affects.map(impact => impact.target?.ref)
        .filter((target): target is ast.FactorTarget => target !== undefined && !(ast.isActor(target) && shown.has(target)))
        .map(target => target.label ?? target.name ?? '');
    const detail = [factor.category, factor.trend, ...(undrawn.length > 0 ? [`affects ${undrawn.join(', ')}`] : [])].filter(Boolean).join(' · ');
    return {
        id: factor.name,
        kind: 'factor',
        label: factor.label ?? factor.name,
        detail: detail || undefined,
        problems: problems.get(factor.name) ?? NO_PROBLEMS,
    };
}

/**
 * Flows grouped into edges: one per pair of actors, whichever gives, keyed `A<->B` with A the giver
 * of the pair's first flow in model order. Value networks are reciprocal: one edge carries both ways.
 */
function groupFlows(model: EcosystemModel): Map<string, ResolvedFlow[]> {
    const firstGiver = new Map<string, string>();
    return Map.groupBy(model.flows.filter(flow => flow.giver?.name && flow.receiver?.name), flow => {
        const [giver, receiver] = [flow.giver!.name, flow.receiver!.name];
        const pair = giver < receiver ? `${giver}\u0000${receiver}` : `${receiver}\u0000${giver}`;
        const first = firstGiver.get(pair) ?? (firstGiver.set(pair, giver), giver);
        return first === giver ? `${giver}<->${receiver}` : `${receiver}<->${giver}`;
    });
}

function otherNode(element: ast.Touchpoint | Backstage, kind: NodeKind, detail: string | undefined, problems: Map<string, NodeProblems>): DiagramNode {
    return { id: element.name, kind, label: element.label ?? element.name, detail, problems: problems.get(element.name) ?? NO_PROBLEMS };
}

/** What a backstage element supports, uses or affects that the view draws no edge to, then its owner. */
function backstageDetail(element: Backstage, shown: ReadonlySet<ast.Element>): string | undefined {
    const undrawn = (targets: ReadonlyArray<{ ref?: ast.Element }>, relation: string) => {
        const labels = targets.map(target => target.ref).filter((target): target is ast.Element => target !== undefined && !shown.has(target))
            .map(target => (target as { label?: string }).label ?? target.name);
        return labels.length > 0 ? [`${relation} ${labels.join(', ')}`] : [];
    };
    const relations = ast.isPolicy(element) ? undrawn(element.affects, 'affects')
        : [...undrawn(element.supports, 'supports'), ...(ast.isProcess(element) ? undrawn(element.uses, 'uses') : [])];
    const owner = element.owner?.ref;
    return [...relations, ...(owner ? [`owner: ${owner.label ?? owner.name}`] : [])].join(' · ') || undefined;
}

function flowEdges(model: EcosystemModel, shown: ReadonlySet<ast.Element>): DiagramEdge[] {
    const edges: DiagramEdge[] = [];
    for (const [id, flows] of groupFlows(model)) {
        const { giver, receiver } = flows[0];
        if (!shown.has(giver!) || !shown.has(receiver!)) {
            continue;
        }
        const values = edgeValues(flows);
        const exchanges = unique(flows.flatMap(flow => (flow.exchange.name ? [flow.exchange.label ?? flow.exchange.name] : [])));
        edges.push({
            id,
            from: giver!.name,
            to: receiver!.name,
            kind: 'flow',
            exchange: exchanges.length > 0 ? exchanges.join(', ') : undefined,
            values,
            flows: edgeFlows(flows),
            via: touchpointLabels(flows),
            tangible: values.length === 0 || values.some(value => TANGIBLE.has(value.kind ?? '')),
            money: values.some(value => value.kind === 'money'),
        });
    }
    return edges;
}

function edgeValues(flows: readonly ResolvedFlow[]): EdgeValue[] {
    return unique(flows.flatMap(flow => flow.values)).filter(value => value.name)
        .map(value => ({ name: value.name, label: value.label ?? value.name, ...(value.kind ? { kind: value.kind } : {}) }));
}

function touchpointLabels(flows: readonly ResolvedFlow[]): string[] {
    return unique(flows.flatMap(flow => (flow.touchpoint?.name ? [flow.touchpoint.label ?? flow.touchpoint.name] : [])));
}

/** A pair's flows by exchange and direction, in model order (anonymous ones together: many identical flows make one entry). */
function edgeFlows(flows: readonly ResolvedFlow[]): EdgeFlow[] {
    return [...Map.groupBy(flows, flow => flow.exchange.name ?? '').values()].flatMap(ofExchange =>
        [...Map.groupBy(ofExchange, flow => flow.giver!).values()].map(directed => {
            const { giver, receiver, exchange } = directed[0];
            return {
                from: giver!.name,
                to: receiver!.name,
                ...(exchange.name ? { exchange: exchange.label ?? exchange.name } : {}),
                values: edgeValues(directed),
                via: touchpointLabels(directed),
            };
        }));
}


export function backstageEdge(from: ast.Element, to: ast.Element, relation: string, note = relation): DiagramEdge {
    return { id: `${from.name}-${relation}->${to.name}`, from: from.name!, to: to.name!, kind: 'backstage', values: [], via: [], tangible: false, money: false, note };
}

/**
 * Systems and processes support, systems are used by processes, policies affect: an edge, read from
 * the relation index, to each target the view shows (an exchange is not a node: it is named in the
 * element's detail instead).
 */
function backstageEdges(model: EcosystemModel, element: Backstage, shown: ReadonlySet<ast.Element>): DiagramEdge[] {
    return relationsOf(model).outOf(element)
        .filter(edge => BACKSTAGE_RELATIONS.has(edge.relation) && shown.has(edge.to))
        .map(edge => backstageEdge(edge.from, edge.to, edge.relation, relationPhrase(edge.relation)));
}

const BACKSTAGE_RELATIONS: ReadonlySet<Relation> = new Set(['supports', 'uses', 'affects']);

/** A shown touchpoint points at the shown actors whose flows go through it. */
function meetsEdges(model: EcosystemModel, touchpoint: ast.Touchpoint, shown: ReadonlySet<ast.Element>): DiagramEdge[] {
    const actors = model.flows.filter(flow => flow.touchpoint === touchpoint).flatMap(flow => [flow.giver, flow.receiver]);
    return [...new Set(actors)]
        .filter((actor): actor is ast.Actor => actor !== undefined && shown.has(actor))
        .map(actor => backstageEdge(touchpoint, actor, 'meets'));
}

function affectsEdges(factor: ast.Factor, shown: ReadonlySet<ast.Element>): DiagramEdge[] {
    return factor.affects.flatMap(impact => {
        const target = impact.target?.ref;
        if (!ast.isActor(target) || !shown.has(target)) {
            return [];
        }
        return [{
            id: `${factor.name}~>${target.name}`,
            from: factor.name,
            to: target.name,
            kind: 'affects' as const,
            values: [],
            via: [],
            tangible: false,
            money: false,
            ...(impact.note?.trim() ? { note: impact.note } : {}),
        }];
    });
}

function uniqueById(edges: readonly DiagramEdge[]): DiagramEdge[] {
    const seen = new Set<string>();
    return edges.filter(edge => !seen.has(edge.id) && seen.add(edge.id));
}

export const NO_PROBLEMS: NodeProblems = { errors: 0, warnings: 0, codes: [] };

/**
 * Problems counted on the top-level element they sit in (an actor, for a problem on its `seeks`), with
 * the severity the findings stage gave them.
 */
export function countProblems(problems: readonly Finding[]): Map<string, NodeProblems> {
    const counts = new Map<string, { errors: number; warnings: number; codes: Set<string> }>();
    for (const problem of problems) {
        const element = topLevelElement(problem.node);
        const { severity } = problem;
        // Badges mark what needs fixing; information stays in the editor and the report.
        if (!element?.name || severity === 'info') {
            continue;
        }
        const count = counts.get(element.name) ?? { errors: 0, warnings: 0, codes: new Set<string>() };
        if (severity === 'error') {
            count.errors++;
        } else {
            count.warnings++;
        }
        count.codes.add(problem.code);
        counts.set(element.name, count);
    }
    return new Map([...counts].map(([name, count]) => [name, { errors: count.errors, warnings: count.warnings, codes: [...count.codes].sort() }]));
}

function topLevelElement(node: AstNode): ast.Element | undefined {
    let current: AstNode | undefined = node;
    while (current && !ast.isModel(current.$container)) {
        current = current.$container;
    }
    return current && ast.isElement(current) ? current : undefined;
}

function locationOf(node: AstNode): SourceLocation {
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode;
    const range = cst?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri: AstUtils.getDocument(node).uri.toString(), range };
}

function groupDigits(value: number): string {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
