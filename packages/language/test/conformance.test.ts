import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { URI, buildWorkspace, createCxeCoreServices } from '../src/index.js';
import { conformanceDir } from './shared-design.js';

interface Expectation {
    readonly severity: string;
    readonly code: string;
    readonly line: number;
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** The `// expect: <severity> <code> <line>` lines at the top of a conformance file. */
function expectationsOf(text: string): Expectation[] {
    return [...text.matchAll(/^\/\/ expect: (\w+) ([\w-]+) (\d+)\s*$/gm)]
        .map(([, severity, code, line]) => ({ severity, code, line: Number(line) }));
}

const key = (e: Expectation) => `${e.severity} ${e.code} ${e.line}`;

/**
 * The produced (severity, code, line) triples must equal the expected ones, counting repeats; an
 * expected `error syntax N` stands for one or more syntax errors starting on line N.
 */
function compare(expected: Expectation[], actual: Expectation[]): { missing: string[]; unexpected: string[] } {
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

describe('conformance: ../shared/design/conformance as one workspace', () => {
    const files = existsSync(conformanceDir) ? readdirSync(conformanceDir).filter(name => name.endsWith('.cxe')).sort() : [];

    it('finds the conformance files', () => {
        assert.ok(files.length >= 5, `expected the conformance files in ${conformanceDir}, found ${files.length}`);
    });

    let documents: Awaited<ReturnType<typeof buildWorkspace>> = [];
    before(async () => {
        const { shared } = createCxeCoreServices(NodeFileSystem);
        documents = await buildWorkspace(shared, files.map(name => {
            const file = path.join(conformanceDir, name);
            return { uri: URI.file(file), text: readFileSync(file, 'utf8') };
        }));
    });

    for (const [index, name] of files.entries()) {
        it(`${name} produces exactly its expected diagnostics`, () => {
            const expected = expectationsOf(readFileSync(path.join(conformanceDir, name), 'utf8'));
            const actual = (documents[index].diagnostics ?? []).map(d => ({
                severity: SEVERITY[d.severity ?? 1], code: String(d.code), line: d.range.start.line + 1,
            }));
            assert.deepEqual(compare(expected, actual), { missing: [], unexpected: [] });
        });
    }
});
