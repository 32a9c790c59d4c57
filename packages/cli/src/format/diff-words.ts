import { type BalanceChange, type EcosystemDiff, type ElementChange, type FieldValue, type FlowSnapshot, type ScoreChange, countOf } from '@cxe/language';

/** The change of one ecosystem in plain words, shared by the text and the Markdown formats. */

export function flowWords(flow: FlowSnapshot): string {
    const via = flow.via ? ` via ${flow.via}` : '';
    const exchange = flow.exchange ? ` (exchange ${flow.exchange})` : '';
    return `${flow.giver} → ${flow.receiver}: ${flow.value}${via}${exchange}`;
}

/** Clauses whose value is free text, quoted so that it reads apart from the words around it. */
const TEXT_FIELDS: ReadonlySet<string> = new Set(['label', 'description']);

export function fieldWords(change: ElementChange): string {
    return change.fields.map(({ field, before, after }) => {
        const words = (value: FieldValue | undefined) => (value !== undefined && TEXT_FIELDS.has(field) ? JSON.stringify(value) : valueWords(value));
        return `${field} ${words(before)} → ${words(after)}`;
    }).join('; ');
}

function valueWords(value: FieldValue | undefined): string {
    if (value === undefined) {
        return '(none)';
    }
    return Array.isArray(value) ? value.join(', ') : String(value);
}

/** "receives Goods (new), no longer Cash; unmet: Advice", only the parts that moved. */
export function balanceWords(change: BalanceChange): string {
    const parts = (['seeks', 'receives', 'gives'] as const).flatMap(side => {
        const added = change.after[side].filter(item => !change.before[side].includes(item));
        const removed = change.before[side].filter(item => !change.after[side].includes(item));
        return [
            ...(added.length ? [`${side} ${added.join(', ')} (new)`] : []),
            ...(removed.length ? [`no longer ${side} ${removed.join(', ')}`] : []),
        ];
    });
    const unmet = change.after.unmet.length ? `unmet: ${change.after.unmet.join(', ')}` : 'no unmet needs';
    return [...parts, unmet].join('; ');
}

export function scoreWords(change: ScoreChange): string {
    return `journey ${change.journey}, step ${change.step}: score ${change.before ?? '(none)'} → ${change.after ?? '(none)'}`;
}

/** "2 elements added, 1 flow removed, 1 problem introduced", or "no changes". */
export function countWords(diffs: readonly EcosystemDiff[]): string {
    const total = (count: (diff: EcosystemDiff) => number) => diffs.reduce((sum, diff) => sum + count(diff), 0);
    const parts = [
        [total(d => d.elements.added.length), 'element', 'added'],
        [total(d => d.elements.removed.length), 'element', 'removed'],
        [total(d => d.elements.changed.length), 'element', 'changed'],
        [total(d => d.flows.added.length), 'flow', 'added'],
        [total(d => d.flows.removed.length), 'flow', 'removed'],
        [total(d => d.diagnostics.introduced.length), 'problem', 'introduced'],
        [total(d => d.diagnostics.resolved.length), 'problem', 'resolved'],
    ] as const;
    const words = parts.filter(([n]) => n > 0).map(([n, noun, verb]) => `${countOf(n, noun)} ${verb}`);
    return words.length > 0 ? words.join(', ') : 'no changes to elements, flows or problems';
}

export function ecosystemsWords(diffs: readonly EcosystemDiff[]): string {
    return diffs.length === 0 ? 'No changes to the ecosystems.' : `${countOf(diffs.length, 'ecosystem')} changed: ${countWords(diffs)}.`;
}
