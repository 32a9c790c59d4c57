import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { URI, buildWorkspace, createCxeCoreServices, ecosystemNameOf, walkModel, walkableNamed } from '../src/index.js';
import { compare, expectationsOf, producedBy } from './expectations.js';
import { traceDir } from './shared-design.js';

interface ExpectedWalk {
    readonly line: string;
    readonly direction: 'trace' | 'impact';
    readonly element: string;
    readonly depth?: number;
    readonly names: readonly string[];
}

/** `// trace <Element> [depth <N>]: <Name> …` and `// impact …` lines (`-` for none). */
function expectedWalksOf(text: string): ExpectedWalk[] {
    return [...text.matchAll(/^\/\/ (trace|impact) (\w+)(?: depth (\d+))?: (.*)$/gm)].map(([line, direction, element, depth, names]) => ({
        line,
        direction: direction as 'trace' | 'impact',
        element,
        depth: depth === undefined ? undefined : Number(depth),
        names: names.trim() === '-' ? [] : names.trim().split(/\s+/),
    }));
}

describe('conformance: ../shared/design/trace as one workspace', () => {
    const files = existsSync(traceDir) ? readdirSync(traceDir).filter(name => name.endsWith('.cxe')).sort() : [];
    const { shared, Cxe } = createCxeCoreServices(NodeFileSystem);

    it('finds the trace models, with expected walks', () => {
        assert.ok(files.length >= 2, `expected the trace models in ${traceDir}, found ${files.length}`);
        const walks = files.flatMap(name => expectedWalksOf(readFileSync(path.join(traceDir, name), 'utf8')));
        assert.ok(walks.length >= 10, `expected trace and impact lines, found ${walks.length}`);
    });

    let documents: Awaited<ReturnType<typeof buildWorkspace>> = [];
    before(async () => {
        documents = await buildWorkspace(shared, files.map(name => {
            const file = path.join(traceDir, name);
            return { uri: URI.file(file), text: readFileSync(file, 'utf8') };
        }));
    });

    for (const [index, name] of files.entries()) {
        const text = readFileSync(path.join(traceDir, name), 'utf8');
        it(`${name} produces exactly its expected diagnostics`, () => {
            assert.deepEqual(compare(expectationsOf(text), producedBy(documents[index])), { missing: [], unexpected: [] });
        });
        for (const expected of expectedWalksOf(text)) {
            it(`${name}: ${expected.line.slice(3)}`, () => {
                const model = Cxe.workspace.EcosystemModels.modelOf(ecosystemNameOf(documents[index])!);
                const start = walkableNamed(model, expected.element);
                assert.ok(start, `no element '${expected.element}' in ${model.name}`);
                const reached = walkModel(model, start, expected.direction, expected.depth).reached.map(r => r.element.name);
                assert.deepEqual([...reached].sort(), [...expected.names].sort());
            });
        }
    }
});
