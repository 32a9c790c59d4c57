import { compare } from '../workspace/ecosystem-membership.js';
import { type BalanceSnapshot, type EcosystemSnapshot, FIELD_ORDER, type FieldValue, type FlowSnapshot, compareFlows } from './ecosystem-snapshot.js';

/** A diagnostic as the diff sees it: keyed by code and element, never by its position. */
export interface DiffDiagnostic {
    readonly code: string;
    readonly severity: string;
    /** The name of the element it is about (the actor, for the value rules); null when none. */
    readonly element: string | null;
    readonly file: string;
    readonly line: number;
    readonly message: string;
}

/** One ecosystem at one revision: its snapshot and its diagnostics. */
export interface EcosystemState {
    readonly snapshot: EcosystemSnapshot;
    readonly diagnostics: readonly DiffDiagnostic[];
}

export interface ElementEntry {
    readonly name: string;
    readonly kind: string;
}

export interface FieldChange {
    readonly field: string;
    readonly before?: FieldValue;
    readonly after?: FieldValue;
}

export interface ElementChange extends ElementEntry {
    readonly fields: readonly FieldChange[];
}

export interface BalanceChange {
    readonly actor: string;
    readonly before: BalanceSnapshot;
    readonly after: BalanceSnapshot;
}

export interface ScoreChange {
    readonly journey: string;
    readonly step: string;
    readonly before?: number;
    readonly after?: number;
}

export interface EcosystemDiff {
    readonly name: string;
    readonly status: 'added' | 'removed' | 'changed';
    readonly elements: { readonly added: ElementEntry[]; readonly removed: ElementEntry[]; readonly changed: ElementChange[] };
    readonly flows: { readonly added: FlowSnapshot[]; readonly removed: FlowSnapshot[] };
    /** Actors on both sides whose seeks, receives or gives changed. */
    readonly balances: BalanceChange[];
    /** Scored steps whose score moved, appeared or went away. */
    readonly scores: ScoreChange[];
    readonly diagnostics: { readonly introduced: DiffDiagnostic[]; readonly resolved: DiffDiagnostic[] };
}

const EMPTY: EcosystemState = { snapshot: { name: '', elements: {}, flows: [], balances: {}, scores: {} }, diagnostics: [] };

/** What changed between two revisions, per ecosystem in name order; unchanged ecosystems are left out. */
export function diffEcosystems(before: ReadonlyMap<string, EcosystemState>, after: ReadonlyMap<string, EcosystemState>): EcosystemDiff[] {
    const names = [...new Set([...before.keys(), ...after.keys()])].sort(compare);
    return names.flatMap(name => {
        const old = before.get(name);
        const now = after.get(name);
        const diff = diffEcosystem(name, old ?? EMPTY, now ?? EMPTY, !old ? 'added' : !now ? 'removed' : 'changed');
        return isEmpty(diff) ? [] : [diff];
    });
}

function diffEcosystem(name: string, old: EcosystemState, now: EcosystemState, status: EcosystemDiff['status']): EcosystemDiff {
    const [a, b] = [old.snapshot, now.snapshot];
    const entry = ({ name, kind }: ElementEntry): ElementEntry => ({ name, kind });
    const changed = Object.keys(b.elements).filter(n => a.elements[n]).flatMap(n => {
        const fields = fieldChanges({ kind: a.elements[n].kind, ...a.elements[n].fields }, { kind: b.elements[n].kind, ...b.elements[n].fields });
        return fields.length === 0 ? [] : [{ ...entry(b.elements[n]), fields }];
    });
    return {
        name,
        status,
        elements: {
            added: Object.values(b.elements).filter(e => !a.elements[e.name]).map(entry),
            removed: Object.values(a.elements).filter(e => !b.elements[e.name]).map(entry),
            changed,
        },
        flows: {
            added: without(b.flows, a.flows, flowKey).sort(compareFlows),
            removed: without(a.flows, b.flows, flowKey).sort(compareFlows),
        },
        balances: Object.keys(b.balances).filter(actor => a.balances[actor] && balanceMoved(a.balances[actor], b.balances[actor]))
            .map(actor => ({ actor, before: a.balances[actor], after: b.balances[actor] })),
        scores: scoreChanges(a.scores, b.scores),
        diagnostics: {
            introduced: without(now.diagnostics, old.diagnostics, diagnosticKey).sort(compareDiagnostics),
            resolved: without(old.diagnostics, now.diagnostics, diagnosticKey).sort(compareDiagnostics),
        },
    };
}

export function isEmpty(diff: EcosystemDiff): boolean {
    return diff.elements.added.length + diff.elements.removed.length + diff.elements.changed.length
        + diff.flows.added.length + diff.flows.removed.length + diff.balances.length + diff.scores.length
        + diff.diagnostics.introduced.length + diff.diagnostics.resolved.length === 0;
}

function fieldChanges(before: Record<string, FieldValue>, after: Record<string, FieldValue>): FieldChange[] {
    const fields = FIELD_ORDER.filter(field => field in before || field in after);
    return fields.filter(field => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
        .map(field => ({ field, before: before[field], after: after[field] }));
}

function balanceMoved(a: BalanceSnapshot, b: BalanceSnapshot): boolean {
    const key = (balance: BalanceSnapshot) => JSON.stringify([balance.seeks, balance.receives, balance.gives]);
    return key(a) !== key(b);
}

function scoreChanges(before: EcosystemSnapshot['scores'], after: EcosystemSnapshot['scores']): ScoreChange[] {
    const changes: ScoreChange[] = [];
    for (const journey of Object.keys(after).filter(name => before[name])) {
        const [a, b] = [before[journey], after[journey]];
        for (const step of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compare)) {
            if (a[step] !== b[step]) {
                changes.push({ journey, step, before: a[step], after: b[step] });
            }
        }
    }
    return changes;
}

/** The items of `items` that `other` does not have, counting repeats (a multiset difference). */
function without<T>(items: readonly T[], other: readonly T[], key: (item: T) => string): T[] {
    const counts = new Map<string, number>();
    other.forEach(item => counts.set(key(item), (counts.get(key(item)) ?? 0) + 1));
    return items.filter(item => {
        const left = counts.get(key(item)) ?? 0;
        counts.set(key(item), left - 1);
        return left <= 0;
    });
}

const flowKey = (flow: FlowSnapshot) => JSON.stringify([flow.exchange, flow.giver, flow.receiver, flow.value, flow.via]);
const diagnosticKey = (d: DiffDiagnostic) => JSON.stringify([d.code, d.element]);

function compareDiagnostics(a: DiffDiagnostic, b: DiffDiagnostic): number {
    return compare(a.file, b.file) || a.line - b.line || compare(a.code, b.code) || compare(a.element ?? '', b.element ?? '');
}
