import type { EcosystemDiff } from '@cxe/language';
import { balanceWords, ecosystemsWords, fieldWords, flowWords, scoreWords } from './diff-words.js';

/** The terminal form of `cxe diff`: one block per ecosystem, one line per change, then a summary. */
export function formatDiffText(diffs: readonly EcosystemDiff[]): string {
    const lines = diffs.flatMap(diff => [
        `ecosystem ${diff.name} (${diff.status})`,
        ...diff.diagnostics.introduced.map(d => `  ! ${d.severity} ${d.code} ${d.file}:${d.line}${d.element ? ` (${d.element})` : ''}: ${d.message}`),
        ...diff.diagnostics.resolved.map(d => `  ✓ resolved ${d.severity} ${d.code}${d.element ? ` (${d.element})` : ''}: ${d.message}`),
        ...diff.elements.added.map(e => `  + ${e.kind} ${e.name}`),
        ...diff.elements.removed.map(e => `  - ${e.kind} ${e.name}`),
        ...diff.elements.changed.map(e => `  ~ ${e.kind} ${e.name}: ${fieldWords(e)}`),
        ...diff.flows.added.map(f => `  + flow ${flowWords(f)}`),
        ...diff.flows.removed.map(f => `  - flow ${flowWords(f)}`),
        ...diff.balances.map(b => `  = balance of ${b.actor}: ${balanceWords(b)}`),
        ...diff.scores.map(s => `  ~ ${scoreWords(s)}`),
    ]);
    lines.push(ecosystemsWords(diffs));
    return lines.join('\n') + '\n';
}
