import type { EcosystemDiff } from '@cxe/language';

/** The machine-readable diff (version 1), documented in docs/cli.md: a fixed shape, keys in a fixed order. */
export function formatDiffJson(diffs: readonly EcosystemDiff[]): string {
    return JSON.stringify({
        version: 1,
        ecosystems: diffs.map(diff => ({
            name: diff.name,
            status: diff.status,
            elements: {
                added: diff.elements.added.map(({ name, kind }) => ({ name, kind })),
                removed: diff.elements.removed.map(({ name, kind }) => ({ name, kind })),
                changed: diff.elements.changed.map(({ name, kind, fields }) => ({ name, kind, fields: fields.map(f => f.field) })),
            },
            flows: {
                added: diff.flows.added.map(flowJson),
                removed: diff.flows.removed.map(flowJson),
            },
            diagnostics: {
                introduced: diff.diagnostics.introduced.map(({ code, severity, element, file, line, message }) => ({ code, severity, element, file, line, message })),
                resolved: diff.diagnostics.resolved.map(({ code, severity, element, message }) => ({ code, severity, element, message })),
            },
        })),
    }, undefined, 2) + '\n';
}

function flowJson(flow: EcosystemDiff['flows']['added'][number]) {
    return { exchange: flow.exchange, giver: flow.giver, receiver: flow.receiver, value: flow.value, via: flow.via };
}
