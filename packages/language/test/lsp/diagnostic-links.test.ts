import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DOCS_URL, diagnosticCodes, docsUrlOf, isDiagnosticCode } from '../../src/index.js';
import { TestWorkspace } from '../helpers.js';
import { conformanceDir, repoRoot } from '../shared-design.js';
import { lspWorkspace } from './lsp-helpers.js';

const rulesDir = path.join(repoRoot, 'docs/rules');

/** The first ```cxe block after a heading of a rule page. */
function modelUnder(page: string, heading: string): string {
    const match = new RegExp(`^### ${heading}\\n+\`\`\`cxe\\n([\\s\\S]*?)\\n\`\`\`$`, 'm').exec(page);
    assert.ok(match, `no cxe block under '### ${heading}'`);
    return `${match[1]}\n`;
}

describe('diagnostic code links and rule pages', () => {
    it('every diagnostic on the conformance files links to its rule page', async () => {
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
            assert.ok(isDiagnosticCode(diagnostic.code), String(diagnostic.code));
            assert.equal(diagnostic.codeDescription?.href, `${DOCS_URL}${diagnostic.code}.md`);
        }
    });

    it('links lexer errors, ecosystem checks and unused ignores alike', async () => {
        const ws = await lspWorkspace({ 'a.cxe': 'ecosystem E\nvalue V "unterminated money\n// cxe-ignore bogus\npartner P\n' });
        const links = ws.document('a.cxe').diagnostics!.map(d => `${d.code} ${d.codeDescription?.href.split('/').at(-1)}`);
        for (const code of ['syntax', 'no-declared-value', 'unused-ignore']) {
            assert.ok(links.includes(`${code} ${code}.md`), links.join(', '));
        }
    });

    it('the links point at docs/rules/ in the repository', () => {
        assert.ok(DOCS_URL.endsWith('/docs/rules/'), DOCS_URL);
        assert.deepEqual(readdirSync(rulesDir).filter(name => name.endsWith('.md')).sort(), diagnosticCodes.map(code => `${code}.md`).sort());
    });

    for (const code of diagnosticCodes) {
        it(`docs/rules/${code}.md: its model triggers ${code}, its fixed model has no diagnostics`, async () => {
            const page = readFileSync(path.join(rulesDir, `${code}.md`), 'utf8');
            assert.ok(page.startsWith(`# \`${code}\``), 'the page is titled with its code');
            assert.ok(docsUrlOf(code).endsWith(`/docs/rules/${code}.md`));
            const triggered = await TestWorkspace.of({ 'model.cxe': modelUnder(page, 'Triggers it') });
            assert.ok(triggered.found('model.cxe').some(found => found.split(' ')[1] === code), triggered.found('model.cxe').join('\n'));
            const fixed = await TestWorkspace.of({ 'model.cxe': modelUnder(page, 'Fixed') });
            assert.deepEqual(fixed.found('model.cxe'), []);
        });
    }
});
