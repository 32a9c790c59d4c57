import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { URI, buildWorkspace, createCxeCoreServices } from '../src/index.js';
import { createCxeServices } from '../src/lsp/index.js';
import { compare, expectationsOf, producedBy } from './expectations.js';
import { conformanceDir, settingsDir } from './shared-design.js';

/** The `.cxe` files of a folder and its subfolders, sorted, relative to it. */
function cxeFilesIn(dir: string): string[] {
    return existsSync(dir)
        ? (readdirSync(dir, { recursive: true }) as string[]).filter(name => name.endsWith('.cxe')).map(name => name.split(path.sep).join('/')).sort()
        : [];
}

/**
 * Loads a folder of ../shared/design as one workspace from disk (so settings files beside the models
 * apply) and holds every file to its `// expect:` lines.
 */
function holdToExpectations(title: string, dir: string, minimum: number, createShared: () => LangiumSharedCoreServices): void {
    describe(title, () => {
        const files = cxeFilesIn(dir);

        it('finds the files', () => {
            assert.ok(files.length >= minimum, `expected the files in ${dir}, found ${files.length}`);
        });

        let documents: LangiumDocument[] = [];
        before(async () => {
            documents = await buildWorkspace(createShared(), files.map(name => {
                const file = path.join(dir, name);
                return { uri: URI.file(file), text: readFileSync(file, 'utf8') };
            }));
        });

        for (const [index, name] of files.entries()) {
            it(`${name} produces exactly its expected diagnostics`, () => {
                const expected = expectationsOf(readFileSync(path.join(dir, name), 'utf8'));
                assert.deepEqual(compare(expected, producedBy(documents[index])), { missing: [], unexpected: [] });
            });
        }
    });
}

holdToExpectations('conformance: ../shared/design/conformance as one workspace', conformanceDir, 5, () => createCxeCoreServices(NodeFileSystem).shared);
holdToExpectations('settings: ../shared/design/settings as one workspace (core services)', settingsDir, 4, () => createCxeCoreServices(NodeFileSystem).shared);
holdToExpectations('settings: ../shared/design/settings as one workspace (language server services)', settingsDir, 4, () => createCxeServices(NodeFileSystem).shared);
