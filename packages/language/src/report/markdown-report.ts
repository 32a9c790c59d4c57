import { painPoints } from '../analysis/pain-points.js';
import { valueBalance } from '../analysis/value-balance.js';
import type { Reached } from '../analysis/walk.js';
import { experienceReachedFrom } from '../analysis/walk-summary.js';
import * as ast from '../generated/ast.js';
import { kindLabel } from '../model/describe.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';
import { countOf } from '../util/words.js';

/** A diagnostic as a report lists it: the file relative to the ecosystem's folder, 1-based line. */
export interface ReportDiagnostic {
    readonly file: string;
    readonly line: number;
    readonly severity: string;
    readonly code: string;
    readonly message: string;
}

/** A drawn view or journey, as the report embeds it. */
export interface ReportView {
    readonly name: string;
    readonly title: string;
    readonly mermaid: string;
    /** The SVG file beside the report, when one is generated. */
    readonly svgFile?: string;
}

/**
 * The pull-request report of one ecosystem: diagnostics, value balance, environment, pain points and
 * what is behind them, environment ripples, views, journeys.
 */
export function renderMarkdownReport(model: EcosystemModel, diagnostics: readonly ReportDiagnostic[],
    views: readonly ReportView[], journeys: readonly ReportView[]): string {
    const title = model.headers.find(header => header.label)?.label ?? model.name;
    const errors = diagnostics.filter(d => d.severity === 'error').length;
    const warnings = diagnostics.filter(d => d.severity === 'warning').length;
    const infos = diagnostics.filter(d => d.severity === 'info').length;
    const out: string[] = [
        `# ${text(title)}`,
        '',
        `Ecosystem \`${model.name}\`: ${countOf(model.actors.length, 'actor')}, ${countOf(model.flows.length, 'flow')} in `
            + `${countOf(model.exchanges.length, 'exchange')}, ${countOf(model.values.length, 'value object')}, `
            + `${countOf(model.touchpoints.length, 'touchpoint')}, ${countOf(model.factors.length, 'environment factor')}.`,
        '',
        '## Diagnostics',
        '',
        ...(diagnostics.length === 0 ? ['No problems.'] : [
            `${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}${infos > 0 ? `, ${countOf(infos, 'info')}` : ''}.`,
            '',
            '| where | severity | code | message |',
            '|---|---|---|---|',
            ...diagnostics.map(d => `| ${text(`${d.file}:${d.line}`)} | ${d.severity} | \`${d.code}\` | ${text(d.message)} |`),
        ]),
        '',
        '## Value balance',
        '',
        "What each actor seeks, receives and gives: the ecosystem holds together only where there is something in it for everyone.",
        '',
        '| actor | kind | seeks | receives | gives | unmet needs |',
        '|---|---|---|---|---|---|',
        ...model.actors.map(actor => {
            const balance = valueBalance(model, actor);
            return `| ${text(actor.label ?? actor.name)} | ${kindLabel(actor)} | ${list(balance.seeks)} | ${list(balance.receives)} | ${list(balance.gives)} | ${balance.unmet.length > 0 ? `**${list(balance.unmet)}**` : ''} |`;
        }),
        '',
        ...environment(model.factors),
        ...painPointSection(model),
        ...ripplesSection(model),
        ...views.flatMap(view => figure(`View: ${view.title}`, view.mermaid, view.svgFile)),
        ...journeys.flatMap(journey => figure(`Journey: ${journey.title}`, journey.mermaid, journey.svgFile)),
    ];
    return out.join('\n').replace(/\n+$/, '') + '\n';
}

function environment(factors: readonly ast.Factor[]): string[] {
    if (factors.length === 0) {
        return [];
    }
    return [
        '## Operating environment',
        '',
        '| factor | category | trend | affects |',
        '|---|---|---|---|',
        ...factors.map(factor => `| ${text(factor.label ?? factor.name)} | ${factor.category ?? ''} | ${factor.trend ?? ''} | ${factor.affects.map(impact => {
            const target = impact.target?.ref;
            const name = text(target ? (target as { label?: string }).label ?? target.name ?? '' : impact.target?.$refText ?? '');
            return impact.note ? `${name}: ${text(impact.note)}` : name;
        }).join('<br>')} |`),
        '',
    ];
}

/** Every step scored 1 or 2, with the root causes in its touchpoint's trace by kind, nearest first. */
function painPointSection(model: EcosystemModel): string[] {
    if (model.journeys.length === 0) {
        return [];
    }
    const points = painPoints(model);
    const unexplained = points.filter(point => point.causes.length === 0);
    const names = (causes: readonly Reached[], kind: (element: ast.Element) => boolean) =>
        causes.filter(cause => kind(cause.element)).map(cause => label(cause.element)).join(', ');
    return [
        '## Pain points and what is behind them',
        '',
        ...(points.length === 0 ? ['No journey step is scored 1 or 2.', ''] : [
            'Each journey step scored 1 or 2, with the systems, processes, policies and environment factors its touchpoint traces back to, nearest first.',
            '',
            '| journey | step | score | touchpoint | systems | processes | policies | environment factors |',
            '|---|---|---|---|---|---|---|---|',
            ...points.map(({ journey, step, touchpoint, causes }) => `| ${label(journey)} | ${label(step)} | ${step.score} | ${label(touchpoint)} | `
                + (causes.length === 0 ? '**nothing modelled behind it** | | | |'
                    : `${names(causes, ast.isSystem)} | ${names(causes, ast.isProcess)} | ${names(causes, ast.isPolicy)} | ${names(causes, ast.isFactor)} |`)),
            '',
            ...(unexplained.length === 0 ? [] : [
                `**Nothing is behind ${countOf(unexplained.length, 'painful step')}:** `
                    + unexplained.map(point => `${label(point.step)} (${label(point.journey)}, at ${label(point.touchpoint)})`).join('; ')
                    + '. Model the system, process, policy or factor that causes the pain.',
                '',
            ]),
        ]),
    ];
}

/** For each environment factor, the touchpoints and journeys it reaches. */
function ripplesSection(model: EcosystemModel): string[] {
    if (model.factors.length === 0) {
        return [];
    }
    return [
        '## Environment ripples',
        '',
        'What each factor of the operating environment reaches that customers meet, nearest first.',
        '',
        '| factor | touchpoints | journeys |',
        '|---|---|---|',
        ...model.factors.map(factor => {
            const reached = experienceReachedFrom(model, factor);
            const names = (kind: (element: ast.Element) => boolean) => reached.filter(entry => kind(entry.element)).map(entry => label(entry.element)).join(', ');
            return `| ${label(factor)} | ${names(ast.isTouchpoint) || '—'} | ${names(ast.isJourney) || '—'} |`;
        }),
        '',
    ];
}

function label(element: { name?: string; label?: string }): string {
    return text(element.label ?? element.name ?? '');
}

function figure(heading: string, mermaid: string, svgFile: string | undefined): string[] {
    return [
        `## ${text(heading)}`,
        '',
        ...(svgFile ? [`[SVG](${encodeURI(svgFile)})`, ''] : []),
        '```mermaid',
        mermaid.trimEnd(),
        '```',
        '',
    ];
}

function list(items: readonly (ast.Value | string)[]): string {
    return items.map(item => text(typeof item === 'string' ? `"${item}"` : item.label ?? item.name)).join(', ');
}

/** Model text in Markdown (headings and table cells): no markup, no HTML. */
function text(value: string): string {
    return value.replace(/[\\`*_{}[\]()#+!<>&|~]/g, char => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '&' ? '&amp;' : `\\${char}`))
        .replace(/[\r\n]+/g, ' ');
}

/** Model text for Markdown written elsewhere (the diff comment): the same escaping as the report's. */
export { text as markdownText };
