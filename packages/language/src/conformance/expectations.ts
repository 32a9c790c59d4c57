/**
 * The `// expect: <severity> <code> <line>` lines of LANGUAGE.md's conformance files, and how a
 * file's diagnostics are held to them. The test suites of the language, the CLI and the editor
 * extension all compare through here.
 */
export interface Expectation {
    readonly severity: string;
    readonly code: string;
    /** 1-based line of the diagnostic's start. */
    readonly line: number;
}

export function expectationsOf(text: string): Expectation[] {
    return [...text.matchAll(/^\/\/ expect: (\w+) ([\w-]+) (\d+)\s*$/gm)]
        .map(([, severity, code, line]) => ({ severity, code, line: Number(line) }));
}

const key = (e: Expectation) => `${e.severity} ${e.code} ${e.line}`;

/**
 * The produced (severity, code, line) triples must equal the expected ones, counting repeats; an
 * expected `error syntax N` stands for one or more syntax errors starting on line N.
 */
export function compareExpectations(expected: readonly Expectation[], actual: readonly Expectation[]): { missing: string[]; unexpected: string[] } {
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
