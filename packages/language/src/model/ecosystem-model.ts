import { type AstNode, type LangiumDocument, AstUtils, isAstNode, isReference } from 'langium';
import { IncrementalRelationIndex } from '../analysis/incremental-relations.js';
import type { RelationIndex } from '../analysis/relation-index.js';
import * as ast from '../generated/ast.js';
import { replacesEveryPart, takePartChanges } from './part-changes.js';

/** One flow with its references resolved; names that do not resolve are simply absent. */
export interface ResolvedFlow {
    readonly node: ast.Flow;
    readonly exchange: ast.Exchange;
    readonly giver?: ast.Actor;
    readonly receiver?: ast.Actor;
    readonly values: readonly ast.Value[];
    readonly touchpoint?: ast.Touchpoint;
}

/** What an actor gives and receives across all flows of its ecosystem. */
export interface ActorFlows {
    readonly gives: readonly ResolvedFlow[];
    readonly receives: readonly ResolvedFlow[];
}

/**
 * The resolved, merged model of one ecosystem across all its files: what the checks, analyses and
 * renderers read instead of the raw AST. Elements keep file order, files are in URI order.
 */
export interface EcosystemModel {
    readonly name: string;
    /** The `ecosystem` declaration of each file of this ecosystem. */
    readonly headers: readonly ast.Ecosystem[];
    readonly elements: readonly ast.Element[];
    readonly actors: readonly ast.Actor[];
    readonly values: readonly ast.Value[];
    readonly exchanges: readonly ast.Exchange[];
    readonly touchpoints: readonly ast.Touchpoint[];
    readonly factors: readonly ast.Factor[];
    readonly systems: readonly ast.System[];
    readonly processes: readonly ast.Process[];
    readonly policies: readonly ast.Policy[];
    readonly journeys: readonly ast.Journey[];
    readonly views: readonly ast.View[];
    readonly flows: readonly ResolvedFlow[];
    /** Every element of a name (more than one means a duplicate). */
    readonly elementsByName: ReadonlyMap<string, readonly ast.Element[]>;
    flowsOf(actor: ast.Actor): ActorFlows;
    /** Whether an actor passes a test, without listing every actor (has-customer asks after every keystroke). */
    someActor(test: (actor: ast.Actor) => boolean): boolean;
    /** Where the model's elements name an element (references that resolve to it). */
    usesOf(element: ast.Element): readonly ReferenceSite[];
    /** The model's shaping relations (trace, impact, diagrams), worked out on first use. */
    readonly relations: RelationIndex;
}

const NO_FLOWS: ActorFlows = { gives: [], receives: [] };

/** A place where an element is named by a reference: the node holding it and the property. */
export interface ReferenceSite {
    readonly container: AstNode;
    readonly property: string;
}

/** A reference site with the element it names. */
export interface TargetedSite extends ReferenceSite {
    readonly target: ast.Element;
}

/**
 * What one document contributes to its ecosystem's model, with its references resolved: built
 * once per document state (after the document is linked), so that an edit rebuilds the parts of
 * the documents it touched and the model is assembled from parts, not from the whole workspace.
 */
export interface ModelPart {
    readonly header?: ast.Ecosystem;
    readonly elements: readonly ast.Element[];
    /** The elements by AST type (`Actor`, `Value`, …). */
    readonly byType: ReadonlyMap<string, readonly ast.Element[]>;
    /** Every reference of the part's elements that resolves: where it is and what it names. */
    readonly references: ReadonlyArray<TargetedSite>;
}

export function modelPartOf(document: LangiumDocument): ModelPart {
    const root = document.parseResult.value as ast.Model;
    const elements = root.elements.filter(isComplete);
    const references: Array<TargetedSite> = [];
    elements.forEach(element => collectReferences(element, references));
    return { header: root.header, elements, byType: Map.groupBy(elements, element => element.$type), references };
}

/** The positions in a part's `references` of the references into each document, by its URI: worked out on the part's first rebinding. */
const referencesInto = new WeakMap<ModelPart, ReadonlyMap<string, readonly number[]>>();

function referencesIntoOf(part: ModelPart): ReadonlyMap<string, readonly number[]> {
    let into = referencesInto.get(part);
    if (!into) {
        const positions = new Map<string, number[]>();
        part.references.forEach((site, i) => {
            const uri = AstUtils.getDocument(site.target).uri.toString();
            const list = positions.get(uri);
            list ? list.push(i) : positions.set(uri, [i]);
        });
        into = positions;
        referencesInto.set(part, into);
    }
    return into;
}

/**
 * The part of a document whose references into the `edited` documents were pointed at other
 * elements (old target → new: rebound), as modelPartOf would build it again; the other sites are kept.
 */
export function retargetPart(part: ModelPart, edited: Iterable<string>, targets: ReadonlyMap<AstNode, AstNode>): ModelPart {
    const references = [...part.references];
    const into = referencesIntoOf(part);
    for (const uri of edited) {
        for (const i of into.get(uri) ?? []) {
            const target = targets.get(references[i].target) as ast.Element | undefined;
            if (target) {
                references[i] = { ...references[i], target };
            }
        }
    }
    const retargeted = { ...part, references };
    referencesInto.set(retargeted, into); // the sites keep their places and documents
    return retargeted;
}

export function buildEcosystemModel(name: string, documents: readonly LangiumDocument[]): EcosystemModel {
    const parts = documents.map(document => [document.uri.toString(), modelPartOf(document)] as const);
    const index = new ModelIndex();
    index.update(parts);
    return assembleEcosystemModel(name, parts, index);
}

/**
 * Which elements bear a name and where each element is named, for the model of one ecosystem, kept
 * up to date from its documents' parts: after an edit only the parts that changed are taken out and
 * put in again (and its relation index, the same way, when a model's relations are read). One index
 * serves the successive models of an ecosystem, each for its own state.
 */
export class ModelIndex {
    readonly byName = new Map<string, ast.Element[]>();
    readonly uses = new Map<ast.Element, TargetedSite[]>();
    /** The relation index, brought to a model's parts when the model's relations are first read. */
    private readonly relations = new IncrementalRelationIndex();
    private readonly parts = new Map<string, ModelPart>();
    /** Each document's position in URI order, by URI. */
    private positions: ReadonlyMap<string, number> = new Map();

    /** Brings the index to the given parts (in URI order; `positions` gives each part's place in it, when known). */
    update(next: ReadonlyArray<readonly [uri: string, part: ModelPart]>, positions: ReadonlyMap<string, number> = new Map(next.map(([uri], i) => [uri, i]))): void {
        this.positions = positions;
        const changes = takePartChanges(this.parts, next);
        if (replacesEveryPart(changes, this.parts)) {
            this.rebuild(next);
            return;
        }
        const named = new Set<string>();
        for (const { before: old, after: now } of changes) {
            // A document whose references were only rebound keeps its elements and most of its references.
            if (old?.elements !== now?.elements) {
                const kept = new Set(old?.elements);
                const added = now?.elements.filter(element => !kept.delete(element)) ?? [];
                kept.forEach(element => this.unname(element, named));
                for (const element of added) {
                    if (element.name) {
                        named.add(element.name);
                        this.listOf(this.byName, element.name).push(element);
                    }
                }
            }
            const [oldSites, newSites] = [old?.references ?? [], now?.references ?? []];
            const pairwise = oldSites.length === newSites.length;
            oldSites.forEach((site, i) => {
                if (!pairwise || !sameSite(site, newSites[i])) {
                    this.unuse(site);
                }
            });
            newSites.forEach((site, i) => {
                if (!pairwise || !sameSite(site, oldSites[i])) {
                    this.listOf(this.uses, site.target).push(site);
                }
            });
        }
        named.forEach(name => this.byName.get(name)?.sort((a, b) => this.positionOf(a) - this.positionOf(b)));
    }

    /** Every part changed (a one-file ecosystem after any edit): listed again in model order, cheaper than taken out one by one. */
    private rebuild(parts: ReadonlyArray<readonly [uri: string, part: ModelPart]>): void {
        this.byName.clear();
        this.uses.clear();
        for (const [, part] of parts) {
            part.elements.forEach(element => element.name && this.listOf(this.byName, element.name).push(element));
            part.references.forEach(site => this.listOf(this.uses, site.target).push(site));
        }
    }

    /** The relation index at the given parts (those the index was last updated with). */
    relationsAt(parts: ReadonlyArray<readonly [uri: string, part: ModelPart]>): RelationIndex {
        return this.relations.update(parts, this.positions);
    }

    /** A node's document's position in model order (files in URI order). */
    documentPositionOf(node: AstNode): number {
        return this.positions.get(AstUtils.getDocument(node).uri.toString())!;
    }

    /** A top-level element's position in model order: files in URI order, then file order. */
    positionOf(element: ast.Element): number {
        return this.documentPositionOf(element) * 2 ** 32 + (element.$containerIndex ?? 0);
    }

    private listOf<K, V>(map: Map<K, V[]>, key: K): V[] {
        let list = map.get(key);
        if (!list) {
            list = [];
            map.set(key, list);
        }
        return list;
    }

    private unname(element: ast.Element, named: Set<string>): void {
        const list = element.name ? this.byName.get(element.name) : undefined;
        if (list) {
            named.add(element.name!);
            removeFrom(this.byName, element.name!, list, list.indexOf(element));
        }
    }

    /** Takes out one site like the given one (a flow may carry a value twice: two sites alike). */
    private unuse(site: TargetedSite): void {
        const list = this.uses.get(site.target) ?? [];
        removeFrom(this.uses, site.target, list, list.findIndex(other => sameSite(other, site)));
    }
}

/** Takes the item at `at` (if any) out of a map's list, in place, and the list out of the map once empty. */
function removeFrom<K, V>(map: Map<K, V[]>, key: K, list: V[], at: number): void {
    if (at >= 0) {
        list.splice(at, 1);
    }
    if (list.length === 0) {
        map.delete(key);
    }
}

/**
 * The model of an ecosystem from its documents' parts (in URI order) and their index. Each list is
 * made on first use: after a keystroke the checks read the index for a few elements, not the lists.
 */
export function assembleEcosystemModel(name: string, parts: ReadonlyArray<readonly [uri: string, part: ModelPart]>, index: ModelIndex): EcosystemModel {
    return new AssembledModel(name, parts, index);
}

class AssembledModel implements EcosystemModel {
    private readonly cache = new Map<string, unknown>();
    private readonly resolved = new Map<ast.Flow, ResolvedFlow>();
    private readonly actorFlows = new Map<ast.Actor, ActorFlows>();

    constructor(readonly name: string, private readonly parts: ReadonlyArray<readonly [uri: string, part: ModelPart]>, private readonly index: ModelIndex) {}

    private lazy<T>(key: string, compute: () => T): T {
        if (!this.cache.has(key)) {
            this.cache.set(key, compute());
        }
        return this.cache.get(key) as T;
    }

    get headers(): readonly ast.Ecosystem[] {
        return this.lazy('headers', () => this.parts.flatMap(([, part]) => (part.header ? [part.header] : [])));
    }
    get elements(): readonly ast.Element[] {
        return this.lazy('elements', () => this.parts.flatMap(([, part]) => part.elements));
    }
    get actors() { return this.ofType<ast.Actor>(ast.Actor.$type); }
    get values() { return this.ofType<ast.Value>(ast.Value.$type); }
    get exchanges() { return this.ofType<ast.Exchange>(ast.Exchange.$type); }
    get touchpoints() { return this.ofType<ast.Touchpoint>(ast.Touchpoint.$type); }
    get factors() { return this.ofType<ast.Factor>(ast.Factor.$type); }
    get systems() { return this.ofType<ast.System>(ast.System.$type); }
    get processes() { return this.ofType<ast.Process>(ast.Process.$type); }
    get policies() { return this.ofType<ast.Policy>(ast.Policy.$type); }
    get journeys() { return this.ofType<ast.Journey>(ast.Journey.$type); }
    get views() { return this.ofType<ast.View>(ast.View.$type); }

    private ofType<T extends ast.Element>(type: string): readonly T[] {
        return this.lazy(type, () => this.parts.flatMap(([, part]) => (part.byType.get(type) ?? []) as T[]));
    }
    get flows(): readonly ResolvedFlow[] {
        return this.lazy('flows', () => this.exchanges.flatMap(exchange => exchange.flows.map(flow => this.resolve(flow))));
    }
    get elementsByName(): ReadonlyMap<string, readonly ast.Element[]> {
        return this.index.byName;
    }
    get relations(): RelationIndex {
        return this.lazy('relations', () => this.index.relationsAt(this.parts));
    }

    someActor(test: (actor: ast.Actor) => boolean): boolean {
        return this.parts.some(([, part]) => (part.byType.get(ast.Actor.$type) as ast.Actor[] | undefined)?.some(test));
    }

    flowsOf(actor: ast.Actor): ActorFlows {
        let flows = this.actorFlows.get(actor);
        if (!flows) {
            flows = this.collectFlows(actor);
            this.actorFlows.set(actor, flows);
        }
        return flows;
    }

    /** The flows naming an actor as giver or receiver, in model order. */
    private collectFlows(actor: ast.Actor): ActorFlows {
        const sites = this.usesOf(actor);
        if (sites.length === 0) {
            return NO_FLOWS;
        }
        // Model order: files in URI order, then exchange, then flow.
        const position = (flow: ast.Flow) => this.index.documentPositionOf(flow) * 2 ** 40 + flow.$container.$containerIndex! * 2 ** 20 + flow.$containerIndex!;
        const flowsBy = (property: string) => {
            const flows = sites.filter(site => site.property === property && ast.isFlow(site.container)).map(site => site.container as ast.Flow);
            // The index keeps sites in model order until an edit appends some: sort only then.
            const positions = flows.map(position);
            const sorted = positions.every((at, i) => i === 0 || positions[i - 1] < at);
            const ordered = sorted ? flows : flows.map((flow, i) => ({ flow, at: positions[i] })).sort((x, y) => x.at - y.at).map(({ flow }) => flow);
            return ordered.map(flow => this.resolve(flow));
        };
        return { gives: flowsBy('giver'), receives: flowsBy('receiver') };
    }

    usesOf(element: ast.Element): readonly ReferenceSite[] {
        return this.index.uses.get(element) ?? [];
    }

    private resolve(flow: ast.Flow): ResolvedFlow {
        let resolved = this.resolved.get(flow);
        if (!resolved) {
            resolved = resolveFlow(flow);
            this.resolved.set(flow, resolved);
        }
        return resolved;
    }
}

/** Sites alike (a rebound part keeps the sites it did not retarget: those are compared by identity first). */
export function sameSite(a: TargetedSite, b: TargetedSite): boolean {
    return a === b || a.container === b.container && a.property === b.property && a.target === b.target;
}

/** The references a node and the nodes it contains hold (a plain walk: it runs over whole models). */
function collectReferences(node: AstNode, into: Array<TargetedSite>): void {
    for (const property of Object.keys(node)) {
        if (property.startsWith('$')) {
            continue;
        }
        const value = (node as unknown as Record<string, unknown>)[property];
        for (const item of Array.isArray(value) ? value : [value]) {
            if (isReference(item)) {
                const target = item.ref as ast.Element | undefined;
                if (target) {
                    into.push({ container: node, property, target });
                }
            } else if (isAstNode(item)) {
                collectReferences(item, into);
            }
        }
    }
}

/**
 * A half-typed element without its name (`customer` alone on a line, `view { … }`) is a syntax error
 * and nothing more: it stays out of the model, so that what needs a name (diagrams, views, file
 * names, messages) never meets one without. Only an exchange may be anonymous.
 */
function isComplete(element: ast.Element): boolean {
    return Boolean(element.name) || ast.isExchange(element);
}

function resolveFlow(node: ast.Flow): ResolvedFlow {
    return {
        node,
        exchange: node.$container,
        giver: node.giver?.ref,
        receiver: node.receiver?.ref,
        values: node.values.flatMap(value => value.ref ? [value.ref] : []),
        touchpoint: node.touchpoint?.ref,
    };
}
