import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { URI, buildWorkspace, createCxeCoreServices } from '../src/index.js';
import { compare, expectationsOf, producedBy } from './expectations.js';
import { conformanceDir } from './shared-design.js';

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
            assert.deepEqual(compare(expected, producedBy(documents[index])), { missing: [], unexpected: [] });
        });
    }
});
