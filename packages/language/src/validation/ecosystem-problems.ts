import { type AstNode, DocumentState, type LangiumDocument, WorkspaceCache, AstUtils } from 'langium';
import type { CxeServices } from '../cxe-module.js';
import * as ast from '../generated/ast.js';
import { type EcosystemModel, type ModelPart, sameSite } from '../model/ecosystem-model.js';
import type { EcosystemModels } from '../model/ecosystem-models.js';
import { type PartChange, replacesEveryPart, takePartChanges } from '../model/part-changes.js';
import { ecosystemNameOf } from '../workspace/ecosystem-membership.js';
import { allChecks, ecosystemWideChecks } from './checks/index.js';
import type { Check, Focus, Problem } from './problem.js';

/** Runs every check over the whole model and returns what they report, in check order. */
export function runChecks(model: EcosystemModel, checks: readonly Check[] = allChecks): Problem[] {
    return checkFocus(model, wholeModel(model), checks).map(found => found.problem);
}

/** A problem with the position of the check that found it (problems are kept in check order). */
interface Found {
    readonly problem: Problem;
    readonly check: number;
}

/** What the checks found in an ecosystem, for the parts of its documents at the time. */
interface EcosystemState {
    /** The parts the findings are for, brought up to date in place by the next update. */
    readonly parts: Map<string, ModelPart>;
    readonly byDocument: ReadonlyMap<string, readonly Found[]>;
}

/**
 * The problems of each ecosystem, handed out per document. After an edit only the checks' findings
 * on the elements the edit can have changed are computed again (see focusAfter); the rest are kept
 * from the previous state. Which documents' problems changed is collected for the document builder,
 * which validates those documents again and no others.
 */
export class EcosystemProblems {
    private readonly models: EcosystemModels;
    private readonly states = new Map<string, EcosystemState>();
    /** Brings an ecosystem's state up to date once per workspace state. */
    private readonly fresh: WorkspaceCache<string, EcosystemState>;
    private changed = new Set<string>();

    constructor(services: CxeServices) {
        this.models = services.workspace.EcosystemModels;
        this.fresh = new WorkspaceCache(services.shared, DocumentState.Linked);
    }

    problemsFor(document: LangiumDocument): readonly Problem[] {
        const ecosystem = ecosystemNameOf(document);
        const found = ecosystem === undefined ? undefined : this.stateOf(ecosystem).byDocument.get(document.uri.toString());
        return found?.map(({ problem }) => problem) ?? [];
    }

    /**
     * Brings every ecosystem up to date and returns the URIs of the documents whose problems changed
     * since the last call (also those found meanwhile by problemsFor).
     */
    takeChangedDocuments(): Set<string> {
        const ecosystems = new Set([...this.models.ecosystems(), ...this.states.keys()]);
        ecosystems.forEach(ecosystem => this.stateOf(ecosystem));
        const changed = this.changed;
        this.changed = new Set();
        return changed;
    }

    private stateOf(ecosystem: string): EcosystemState {
        return this.fresh.get(ecosystem, () => this.update(ecosystem));
    }

    private update(ecosystem: string): EcosystemState {
        const previous = this.states.get(ecosystem);
        const parts = previous?.parts ?? new Map<string, ModelPart>();
        const changes = takePartChanges(parts, this.models.partsOf(ecosystem));
        if (previous && changes.length === 0) {
            return previous;
        }
        const next = parts.size === 0 ? { parts, byDocument: new Map() } : this.check(ecosystem, parts, changes, previous);
        parts.size === 0 ? this.states.delete(ecosystem) : this.states.set(ecosystem, next);
        for (const uri of new Set([...previous?.byDocument.keys() ?? [], ...next.byDocument.keys()])) {
            if (!sameFindings(previous?.byDocument.get(uri), next.byDocument.get(uri))) {
                this.changed.add(uri);
            }
        }
        return next;
    }

    private check(ecosystem: string, parts: Map<string, ModelPart>, changes: readonly PartChange[], previous: EcosystemState | undefined): EcosystemState {
        const model = this.models.modelOf(ecosystem);
        // With every part changed (a one-file ecosystem after any edit) the focus would be the whole model.
        const focus = previous && !replacesEveryPart(changes, parts) ? focusAfter(model, parts, changes) : undefined;
        const found = checkFocus(model, focus?.focus ?? wholeModel(model), allChecks);
        if (previous && focus) {
            // Kept: what the element checks found on elements out of focus that are still in the model.
            const changed = new Map(changes.map(change => [change.uri, change]));
            for (const [uri, list] of previous.byDocument) {
                const change = changed.get(uri);
                const present = change && new Set<AstNode>(change.after?.elements);
                found.push(...list.filter(({ problem, check }) => {
                    const owner = ownerOf(problem.node);
                    return !ecosystemWideChecks.has(allChecks[check]) && !focus.elements.has(owner) && (!present || present.has(owner));
                }));
            }
        }
        const byDocument = Map.groupBy(found, ({ problem }) => AstUtils.getDocument(problem.node).uri.toString());
        byDocument.forEach(list => list.sort(inReportOrder));
        return { parts, byDocument };
    }
}

/** Runs the checks on a focus (the ecosystem-wide ones on the whole model); `check` is the position in `checks`. */
function checkFocus(model: EcosystemModel, focus: Focus, checks: readonly Check[]): Found[] {
    const found: Found[] = [];
    checks.forEach((check, i) => check(model, problem => found.push({ problem, check: i }), ecosystemWideChecks.has(check) ? wholeModel(model) : focus));
    return found;
}

/** The whole model as a focus (its lists are made when a check reads them). */
function wholeModel(model: EcosystemModel): Focus {
    return {
        get elements() { return model.elements; }, get actors() { return model.actors; }, get values() { return model.values; },
        get touchpoints() { return model.touchpoints; }, get exchanges() { return model.exchanges; }, get factors() { return model.factors; },
        get systems() { return model.systems; }, get processes() { return model.processes; }, get policies() { return model.policies; },
        get journeys() { return model.journeys; }, get views() { return model.views; }, get names() { return model.elementsByName.keys(); },
    };
}

/**
 * The elements whose element-check findings an edit can have changed. For each document whose part
 * changed: the elements that came or went, the elements holding a reference that now names another
 * element, the elements named before and after (a flow added or removed changes its actors' value
 * balance and its values' and touchpoint's use), and every element sharing a name with one of
 * those (duplicates). A document whose references were only rebound keeps its elements,
 * so only those holding a rebound reference are looked at again.
 */
function focusAfter(model: EcosystemModel, after: ReadonlyMap<string, ModelPart>, changes: readonly PartChange[]): { focus: Focus; elements: Set<AstNode> } {
    const touched = new Set<AstNode>();
    const names = new Set<string>();
    for (const { before: old, after: now } of changes) {
        const rebound = old?.elements === now?.elements; // the same elements: only references moved
        const kept = new Set(rebound ? [] : old?.elements);
        const replaced = rebound ? [] : now?.elements.filter(element => !kept.delete(element)) ?? [];
        [...kept, ...replaced].forEach(element => touched.add(element));
        const [oldSites, newSites] = [old?.references ?? [], now?.references ?? []];
        const pairwise = oldSites.length === newSites.length && replaced.length === 0 && kept.size === 0;
        oldSites.forEach((site, i) => {
            const next = pairwise ? newSites[i] : undefined;
            if (!next || !sameSite(site, next)) {
                touched.add(ownerOf(site.container)).add(site.target);
                if (next) {
                    touched.add(next.target);
                }
            }
        });
        if (!pairwise) {
            newSites.forEach(site => touched.add(ownerOf(site.container)).add(site.target));
        }
    }
    touched.forEach(node => {
        const name = (node as { name?: unknown }).name;
        if (typeof name === 'string' && name) {
            names.add(name);
        }
    });
    names.forEach(name => model.elementsByName.get(name)?.forEach(element => touched.add(element)));
    // Only what is in the model now: elements of an old version of a document are gone.
    const elements = [...touched].filter((node): node is ast.Element => {
        const document = node.$container && AstUtils.getDocument(node);
        return document !== undefined && document.parseResult.value === node.$container && after.has(document.uri.toString()) && ast.isElement(node)
            && (Boolean(node.name) || ast.isExchange(node));
    });
    return { focus: focusOn(elements, names), elements: new Set(elements) };
}

function focusOn(elements: readonly ast.Element[], names: Iterable<string>): Focus {
    return {
        elements, actors: elements.filter(ast.isActor), values: elements.filter(ast.isValue), touchpoints: elements.filter(ast.isTouchpoint),
        exchanges: elements.filter(ast.isExchange), factors: elements.filter(ast.isFactor), systems: elements.filter(ast.isSystem),
        processes: elements.filter(ast.isProcess), policies: elements.filter(ast.isPolicy), journeys: elements.filter(ast.isJourney),
        views: elements.filter(ast.isView), names,
    };
}

/** The top-level element (or header) a node belongs to. */
function ownerOf(node: AstNode): AstNode {
    let owner = node;
    while (owner.$container?.$container) {
        owner = owner.$container;
    }
    return owner;
}

/** Check order, then text order: the same order whichever elements were in focus. */
function inReportOrder(a: Found, b: Found): number {
    return a.check - b.check || offsetOf(a.problem) - offsetOf(b.problem) || compareText(a.problem.property ?? '', b.problem.property ?? '')
        || (a.problem.index ?? 0) - (b.problem.index ?? 0) || compareText(a.problem.message, b.problem.message);
}

function offsetOf(problem: Problem): number {
    return problem.node.$cstNode?.offset ?? 0;
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function sameFindings(a: readonly Found[] | undefined, b: readonly Found[] | undefined): boolean {
    const [left, right] = [a ?? [], b ?? []];
    return left.length === right.length && left.every((found, i) => {
        const [p, q] = [found.problem, right[i].problem];
        return p.code === q.code && p.node === q.node && p.property === q.property && p.index === q.index && p.message === q.message;
    });
}
