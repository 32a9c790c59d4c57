import type { Reference } from 'langium';
import * as ast from '../generated/ast.js';
import { valueBalance } from '../analysis/value-balance.js';
import { keywordOf } from '../model/describe.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';
import { compare } from '../workspace/ecosystem-membership.js';

/**
 * A plain, name-keyed picture of one ecosystem: no AST nodes, no positions, no file boundaries, so
 * it survives serialisation and two of them compare by value (`cxe diff`). Everything whose order
 * carries no meaning (elements, flows, tags, selectors…) is sorted; a journey's steps keep their order.
 */
export interface EcosystemSnapshot {
    readonly name: string;
    /** Every named element by name (the first declaration when a name is duplicated), sorted by name. */
    readonly elements: Readonly<Record<string, ElementSnapshot>>;
    /** One entry per value carried by a flow, sorted. */
    readonly flows: readonly FlowSnapshot[];
    /** The value balance of every actor, by actor name. */
    readonly balances: Readonly<Record<string, BalanceSnapshot>>;
    /** Each journey's scored steps: journey name → step name → score. */
    readonly scores: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** A clause's value: a keyword or text, a number, or a list of names. */
export type FieldValue = string | number | readonly string[];

export interface ElementSnapshot {
    readonly name: string;
    /** The keyword that declares the element: `customer`, `value`, `environment`, `view`… */
    readonly kind: string;
    /** The clauses the element has, by clause keyword (`label`, `seeks`, `channel`, `steps`…). */
    readonly fields: Readonly<Record<string, FieldValue>>;
}

export interface FlowSnapshot {
    /** The named exchange it belongs to; null for an anonymous `exchange A -> B : V`. */
    readonly exchange: string | null;
    readonly giver: string;
    readonly receiver: string;
    readonly value: string;
    readonly via: string | null;
}

export interface BalanceSnapshot {
    readonly seeks: readonly string[];
    readonly receives: readonly string[];
    readonly gives: readonly string[];
    readonly unmet: readonly string[];
}

export function snapshotOf(model: EcosystemModel): EcosystemSnapshot {
    // Maps, then fromEntries: a name such as __proto__ stays an own property, kept as data.
    const elements = new Map<string, ElementSnapshot>();
    for (const name of [...model.elementsByName.keys()].sort(compare)) {
        const element = model.elementsByName.get(name)![0];
        elements.set(name, { name, kind: keywordOf(element), fields: withoutAbsent(fieldsOf(element)) });
    }
    const balances = new Map<string, BalanceSnapshot>();
    for (const actor of [...model.actors].filter(a => a.name).sort((a, b) => compare(a.name, b.name))) {
        if (!balances.has(actor.name)) {
            const balance = balanceNamesOf(model, actor);
            balances.set(actor.name, {
                seeks: sortedSet(balance.seeks.map(need => ('text' in need ? JSON.stringify(need.text) : need.value))),
                receives: sortedSet(balance.receives),
                gives: sortedSet(balance.gives),
                unmet: sortedSet(balance.unmet),
            });
        }
    }
    const scores = new Map<string, Record<string, number>>();
    for (const journey of [...model.journeys].filter(j => j.name).sort((a, b) => compare(a.name, b.name))) {
        if (!scores.has(journey.name)) {
            scores.set(journey.name, Object.fromEntries(journey.steps.filter(step => step.score !== undefined).map(step => [step.name, step.score!])));
        }
    }
    return {
        name: model.name,
        elements: Object.fromEntries(elements),
        flows: model.exchanges.flatMap(flowsOf).sort(compareFlows),
        balances: Object.fromEntries(balances),
        scores: Object.fromEntries(scores),
    };
}

/** A need as plain data: a value object by name, or free text. */
export type SnapshotNeed = { readonly value: string } | { readonly text: string };

/** An actor's value balance by name, in the order the model gives it. */
export interface BalanceNames {
    readonly seeks: readonly SnapshotNeed[];
    readonly receives: readonly string[];
    readonly gives: readonly string[];
    readonly unmet: readonly string[];
}

/** The one naming of an actor's value balance: the snapshot keeps it as sorted sets, the HTML page in model order. */
export function balanceNamesOf(model: EcosystemModel, actor: ast.Actor): BalanceNames {
    const balance = valueBalance(model, actor);
    const names = (values: readonly ast.Value[]) => values.map(value => value.name);
    return {
        seeks: balance.seeks.map(need => (typeof need === 'string' ? { text: need } : { value: need.name })),
        receives: names(balance.receives),
        gives: names(balance.gives),
        unmet: names(balance.unmet),
    };
}

/** A clause whose value is text (`label`, `description`…), or undefined when the element has none. */
export function textField(element: ElementSnapshot, clause: string): string | undefined {
    const value = element.fields[clause];
    return typeof value === 'string' ? value : undefined;
}

/** Every clause a snapshot knows, in the order changes are listed. */
export const FIELD_ORDER = ['kind', 'label', 'description', 'tags', 'seeks', 'size', 'employer', 'channel', 'owner', 'category',
    'trend', 'affects', 'supports', 'uses', 'for', 'steps', 'include', 'exclude', 'layout'] as const;

export function compareFlows(a: FlowSnapshot, b: FlowSnapshot): number {
    return compare(a.giver, b.giver) || compare(a.receiver, b.receiver) || compare(a.value, b.value)
        || compare(a.exchange ?? '', b.exchange ?? '') || compare(a.via ?? '', b.via ?? '');
}

function flowsOf(exchange: ast.Exchange): FlowSnapshot[] {
    return exchange.flows.flatMap(flow => flow.values.map(value => ({
        exchange: exchange.name ?? null,
        giver: nameOf(flow.giver),
        receiver: nameOf(flow.receiver),
        value: nameOf(value),
        via: flow.touchpoint ? nameOf(flow.touchpoint) : null,
    })));
}

type Fields = Record<string, FieldValue | undefined>;

/** The clauses of an element, named by their keyword; references by the name written. */
function fieldsOf(element: ast.Element): Fields {
    const common: Fields = { label: element.label, description: element.description, tags: sortedNames(element.tags) };
    switch (element.$type) {
        case 'Actor': return {
            ...common,
            seeks: sortedNames(element.seeks.map(need => (need.value ? nameOf(need.value) : JSON.stringify(need.text ?? '')))),
            size: element.size,
            employer: element.employer && nameOf(element.employer),
        };
        case 'Value': return { ...common, kind: element.kind };
        case 'Exchange': return common;
        case 'Touchpoint': return { ...common, channel: element.channel, owner: element.owner && nameOf(element.owner) };
        case 'Factor': return {
            ...common,
            category: element.category,
            trend: element.trend,
            affects: sortedNames(element.affects.map(impact => nameOf(impact.target) + (impact.note !== undefined ? ` ${JSON.stringify(impact.note)}` : ''))),
        };
        case 'System': return { ...common, supports: sortedNames(element.supports.map(nameOf)), owner: element.owner && nameOf(element.owner) };
        case 'Process': return {
            ...common,
            supports: sortedNames(element.supports.map(nameOf)),
            uses: sortedNames(element.uses.map(nameOf)),
            owner: element.owner && nameOf(element.owner),
        };
        case 'Policy': return { ...common, affects: sortedNames(element.affects.map(nameOf)), owner: element.owner && nameOf(element.owner) };
        case 'Journey': return {
            ...common,
            for: nameOf(element.customer),
            steps: element.steps.map(step => [step.name, step.label && JSON.stringify(step.label), 'at', nameOf(step.touchpoint),
                step.score !== undefined ? `score ${step.score}` : undefined].filter(Boolean).join(' ')),
        };
        case 'View': return {
            ...common,
            include: sortedNames(element.include.map(selectorText)),
            exclude: sortedNames(element.exclude.map(selectorText)),
            layout: element.layout,
        };
    }
}

function selectorText(selector: ast.Selector): string {
    return selector.all ? '*' : selector.kind ?? (selector.element ? nameOf(selector.element) : '');
}

/** The name as written: resolved or not, a reference is known by its text. */
function nameOf(reference: Reference | undefined): string {
    return reference?.$refText ?? '';
}

/** A set of names in one canonical order. */
function sortedSet(names: readonly string[]): string[] {
    return names.length < 2 ? [...names] : [...new Set(names)].sort(compare);
}

/** A clause's names as a set; an empty clause counts as absent. */
function sortedNames(names: readonly string[]): readonly string[] | undefined {
    return names.length === 0 ? undefined : sortedSet(names);
}

function withoutAbsent(fields: Fields): Record<string, FieldValue> {
    const present: Record<string, FieldValue> = {};
    for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined && value !== '') {
            present[key] = value;
        }
    }
    return present;
}
