import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cxe, folderWith, repoRoot } from './run-cxe.js';

describe('README', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map(match => match[1]);

    it('shows the output cxe really prints for its example model', () => {
        const model = blocks.find(block => block.startsWith('ecosystem '));
        const session = blocks.find(block => block.startsWith('$ npx cxe validate shop.cxe'));
        assert.ok(model && session, 'the README has the example model and its validate output');
        const run = cxe(['validate', 'shop.cxe'], folderWith({ 'shop.cxe': model }));
        assert.equal(run.stdout, session.split('\n').slice(1).join('\n'));
    });
});
