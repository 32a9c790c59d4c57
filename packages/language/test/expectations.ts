import type { LangiumDocument } from 'langium';

/** The `// expect:` contract of the shared design folders (LANGUAGE.md, "Conformance files"). */
export interface Expectation {
    readonly severity: string;
    readonly code: string;
    readonly line: number;
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** The `// expect: <severity> <code> <line>` lines at the top of a conformance file. */
export function expectationsOf(text: string): Expectation[] {
    return [...text.matchAll(/^\/\/ expect: (\w+) ([\w-]+) (\d+)\s*$/gm)]
        .map(([, severity, code, line]) => ({ severity, code, line: Number(line) }));
}

const key = (e: Expectation) => `${e.severity} ${e.code} ${e.line}`;

/**
 * The produced (severity, code, line) triples must equal the expected ones, counting repeats; an
 * expected `error syntax N` stands for one or more syntax errors starting on line N.
 */
export function compare(expected: Expectation[], actual: Expectation[]): { missing: string[]; unexpected: string[] } {
    const syntaxLines = new Set(expected.filter(e => e.code === 'syntax').map(e => e.line));
    const isCoveredSyntax = (e: Expectation) => e.code === 'syntax' && e.severity === 'error' && syntaxLines.has(e.line);
    const remaining = actual.filter(e => !isCoveredSyntax(e)).map(key);
    const missing: string[] = [];
    for (const expectation of expected) {
        if (expectation.code === 'syntax') {
            if (!actual.some(e => isCoveredSyntax(e) && e.line === expectation.line)) {
                missing.push(key(expectation));
            }
            continue;
        }
        const index = remaining.indexOf(key(expectation));
        if (index < 0) {
            missing.push(key(expectation));
        } else {
            remaining.splice(index, 1);
        }
    }
    return { missing, unexpected: remaining };
}

/** The (severity, code, line) triples a built document produced. */
export function producedBy(document: LangiumDocument): Expectation[] {
    return (document.diagnostics ?? []).map(d => ({
        severity: SEVERITY[d.severity ?? 1], code: String(d.code), line: d.range.start.line + 1,
    }));
}
