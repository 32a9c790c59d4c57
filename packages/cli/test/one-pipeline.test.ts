import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { EmptyFileSystem } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { URI, buildWorkspace, createCxeCoreServices, drawingNames } from '@cxe/language';
import { handleDiagramRequest } from '@cxe/language/lsp';
import { fileNamePart } from '../src/generate/artefact.js';
import { cxe, folderWith, repoRoot } from './run-cxe.js';

describe('one drawing pipeline', () => {
    it('the CLI writes, byte for byte, the SVG the editor\'s cxe/diagram request answers, for every example view and journey', async function () {
        this.timeout(180_000);
        const examples = path.join(repoRoot, 'examples');
        const out = folderWith({});
        const run = cxe(['generate', examples, '--out', out, '--format', 'svg']);
        assert.ok(run.status === 0 || run.status === 1, run.stderr);
        const files = readdirSync(examples, { recursive: true, withFileTypes: true })
            .filter(entry => entry.isFile() && entry.name.endsWith('.cxe') && !entry.parentPath.includes('generated'))
            .map(entry => path.join(entry.parentPath, entry.name));
        const { shared, Cxe } = createCxeCoreServices(EmptyFileSystem);
        await buildWorkspace(shared, files.map(file => ({ uri: URI.file(file), text: readFileSync(file, 'utf8') })));
        let compared = 0;
        for (const ecosystem of Cxe.workspace.EcosystemModels.ecosystems()) {
            const uri = Cxe.workspace.EcosystemMembership.documentsOf(ecosystem)[0].uri.toString();
            for (const name of drawingNames(Cxe.workspace.EcosystemModels.modelOf(ecosystem))) {
                const answer = await handleDiagramRequest(shared as LangiumSharedServices, Cxe, { uri, view: name });
                const written = readFileSync(path.join(out, `${fileNamePart(ecosystem)}.${fileNamePart(name)}.svg`), 'utf8');
                assert.ok(answer?.svg === written, `${ecosystem}.${name}: the CLI's file differs from the editor's SVG`);
                compared++;
            }
        }
        assert.ok(compared >= 18, `only ${compared} drawings compared`);
    });
});

describe('output file names', () => {
    it('a 100,000-character ecosystem name gives a short, safe file name (no ENAMETOOLONG)', () => {
        const name = `E${'x'.repeat(100_000)}`;
        const work = folderWith({ 'long.cxe': `ecosystem ${name}\ncustomer C { seeks V }\norganization O\nvalue V money\nexchange O -> C : V\n` });
        const run = cxe(['generate', 'long.cxe', '--out', 'out', '--format', 'svg,md'], work);
        assert.equal(run.status, 0, run.stdout + run.stderr);
        const written = readdirSync(path.join(work, 'out'));
        assert.equal(written.length, 2);
        assert.ok(written.every(file => file.length <= 80 && /^[\w.-]+$/u.test(file)), written.join(', '));
        assert.notEqual(fileNamePart(`${name}a`), fileNamePart(`${name}b`), 'long names stay distinct');
    });
});
