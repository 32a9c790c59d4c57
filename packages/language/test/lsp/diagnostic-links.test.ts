import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DOCS_URL, diagnosticCodes } from '../../src/index.js';
import { conformanceDir, repoRoot } from '../shared-design.js';
import { lspWorkspace } from './lsp-helpers.js';

describe('diagnostic code links', () => {
    it('every diagnostic on the conformance files links to its rule in docs/language.md', async () => {
        const names = existsSync(conformanceDir) ? readdirSync(conformanceDir).filter(name => name.endsWith('.cxe')).sort() : [];
        assert.ok(names.length >= 5, `expected the conformance files in ${conformanceDir}`);
        const ws = await lspWorkspace(Object.fromEntries(names.map(name => [name, readFileSync(path.join(conformanceDir, name), 'utf8')])));
        const diagnostics = names.flatMap(name => ws.document(name).diagnostics ?? []);
        const codes = new Set(diagnostics.map(d => d.code));
        // Lexer and parser errors, linking errors and the checks all appear in the conformance files.
        for (const code of ['syntax', 'unresolved-reference', 'duplicate-name', 'no-declared-value', 'unmet-need']) {
            assert.ok(codes.has(code), `no ${code} among ${[...codes]}`);
        }
        for (const diagnostic of diagnostics) {
            assert.equal(typeof diagnostic.code, 'string');
            assert.ok(diagnostic.codeDescription?.href.endsWith(`#${diagnostic.code}`), `${diagnostic.code}: ${diagnostic.codeDescription?.href}`);
            assert.equal(diagnostic.codeDescription?.href, `${DOCS_URL}${diagnostic.code}`);
        }
    });

    it('links lexer errors and ecosystem checks alike', async () => {
        const ws = await lspWorkspace({ 'a.cxe': 'ecosystem E\nvalue V "unterminated money\npartner P\n' });
        const links = ws.document('a.cxe').diagnostics!.map(d => `${d.code} ${d.codeDescription?.href.split('#')[1]}`);
        assert.ok(links.includes('syntax syntax'), links.join(', '));
        assert.ok(links.includes('no-declared-value no-declared-value'), links.join(', '));
    });

    it('docs/language.md has an anchor for every code, under the documented base URL', () => {
        assert.ok(DOCS_URL.endsWith('/docs/language.md#'), DOCS_URL);
        const docs = readFileSync(path.join(repoRoot, 'docs/language.md'), 'utf8');
        for (const code of diagnosticCodes) {
            assert.ok(docs.includes(`<a id="${code}"></a>`), `no anchor for ${code}`);
        }
    });
});
