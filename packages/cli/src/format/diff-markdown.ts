import { type EcosystemDiff, markdownText } from '@cxe/language';
import { balanceWords, ecosystemsWords, fieldWords, flowWords, scoreWords } from './diff-words.js';

/** A diff diagram to show under its ecosystem: the view's title and the file's path as the comment links it. */
export interface DiagramLink {
    readonly title: string;
    readonly href: string;
}

/** Lists longer than this are folded in `<details>`, so that a large change keeps the comment short. */
const FOLD_AFTER = 10;
/** At most this many items per list: a pull-request comment holds 65,536 characters at most. */
const LIST_AT_MOST = 100;

/**
 * The pull-request comment: a one-line summary, a table of counts per ecosystem, then per ecosystem
 * the introduced problems first, the element and flow changes, the value balances and the diagrams.
 */
export function formatDiffMarkdown(diffs: readonly EcosystemDiff[], diagrams: ReadonlyMap<string, readonly DiagramLink[]> = new Map()): string {
    const lines = ['## CXE: what this change does to the ecosystems', '', ecosystemsWords(diffs), ''];
    if (diffs.length > 0) {
        lines.push(
            '| Ecosystem | Status | Elements added | removed | changed | Flows added | removed | Problems introduced | resolved |',
            '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
            ...diffs.map(d => `| ${markdownText(d.name)} | ${d.status} | ${[d.elements.added, d.elements.removed, d.elements.changed,
                d.flows.added, d.flows.removed, d.diagnostics.introduced, d.diagnostics.resolved].map(list => list.length).join(' | ')} |`),
            '',
        );
    }
    const sections = diffs.flatMap(diff => ecosystemSection(diff, diagrams.get(diff.name) ?? []));
    return [...lines, ...sections].join('\n').trimEnd() + '\n';
}

function ecosystemSection(diff: EcosystemDiff, diagrams: readonly DiagramLink[]): string[] {
    const code = (name: string) => `\`${name}\``;
    return [
        `### ${markdownText(diff.name)} (${diff.status})`,
        '',
        ...section('Problems introduced', diff.diagnostics.introduced.map(d =>
            `${d.severity === 'error' ? '⛔' : '⚠️'} ${d.severity} ${code(d.code)}${d.element ? ` on ${code(d.element)}` : ''} at ${code(`${d.file}:${d.line}`)}: ${markdownText(d.message)}`)),
        ...section('Problems resolved', diff.diagnostics.resolved.map(d =>
            `✅ ${d.severity} ${code(d.code)}${d.element ? ` on ${code(d.element)}` : ''}: ${markdownText(d.message)}`)),
        ...section('Elements added', diff.elements.added.map(e => `${e.kind} ${code(e.name)}`)),
        ...section('Elements removed', diff.elements.removed.map(e => `${e.kind} ${code(e.name)}`)),
        ...section('Elements changed', diff.elements.changed.map(e => `${e.kind} ${code(e.name)}: ${markdownText(fieldWords(e))}`)),
        ...section('Flows added', diff.flows.added.map(f => markdownText(flowWords(f)))),
        ...section('Flows removed', diff.flows.removed.map(f => markdownText(flowWords(f)))),
        ...section('Value balance', diff.balances.map(b => `${code(b.actor)}: ${markdownText(balanceWords(b))}`)),
        ...section('Journey scores', diff.scores.map(s => markdownText(scoreWords(s)))),
        ...diagrams.flatMap(diagram => [`![${markdownText(diagram.title)}](${encodeURI(diagram.href)})`, '']),
    ];
}

/** A bold heading and a bullet list; a long list folded under its count. */
function section(heading: string, items: readonly string[]): string[] {
    if (items.length === 0) {
        return [];
    }
    const bullets = items.slice(0, LIST_AT_MOST).map(item => `- ${item}`);
    if (items.length > LIST_AT_MOST) {
        bullets.push(`- … and ${items.length - LIST_AT_MOST} more (\`cxe diff --format json\` lists them all)`);
    }
    if (items.length <= FOLD_AFTER) {
        return [`**${heading}** (${items.length})`, '', ...bullets, ''];
    }
    return [`<details><summary>${heading} (${items.length})</summary>`, '', ...bullets, '', '</details>', ''];
}
