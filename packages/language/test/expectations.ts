import type { LangiumDocument } from 'langium';
import type { Expectation } from '../src/index.js';

export { type Expectation, compareExpectations as compare, expectationsOf } from '../src/index.js';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** The (severity, code, line) triples a built document produced. */
export function producedBy(document: LangiumDocument): Expectation[] {
    return (document.diagnostics ?? []).map(d => ({
        severity: SEVERITY[d.severity ?? 1], code: String(d.code), line: d.range.start.line + 1,
    }));
}
