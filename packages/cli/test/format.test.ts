import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STACK_TRACE, cxe, folderWith, repoRoot } from './run-cxe.js';

const messy = 'ecosystem Shop\ncustomer   Buyer {seeks Goods}\n\n\n\nvalue Goods product\nexchange Sale {   Buyer -> Buyer : Goods }\n';
const tidy = 'ecosystem Shop\ncustomer Buyer { seeks Goods }\n\nvalue Goods product\nexchange Sale {\n  Buyer -> Buyer : Goods\n}\n';

describe('cxe format', () => {
    it('--check names the files that are not formatted, exits 1 and writes nothing', () => {
        const dir = folderWith({ 'a.cxe': messy, 'b.cxe': tidy });
        const run = cxe(['format', '--check', '.'], dir);
        assert.equal(run.status, 1);
        assert.equal(run.stdout, 'not formatted: a.cxe\n2 files checked: 1 not formatted (run cxe format).\n');
        assert.equal(readFileSync(path.join(dir, 'a.cxe'), 'utf8'), messy);
    });

    it("rewrites files as the editor's formatter lays them out, and only those; then --check passes", () => {
        const dir = folderWith({ 'a.cxe': messy, 'b.cxe': tidy });
        const run = cxe(['format', '.'], dir);
        assert.equal(run.status, 0, run.stderr);
        assert.equal(run.stdout, 'formatted a.cxe\n2 files checked: 1 reformatted.\n');
        assert.equal(readFileSync(path.join(dir, 'a.cxe'), 'utf8'), tidy);
        assert.equal(cxe(['format', '--check', '.'], dir).status, 0);
    });

    it('keeps CRLF line breaks', () => {
        const dir = folderWith({ 'a.cxe': messy.replaceAll('\n', '\r\n') });
        cxe(['format', 'a.cxe'], dir);
        assert.equal(readFileSync(path.join(dir, 'a.cxe'), 'utf8'), tidy.replaceAll('\n', '\r\n'));
    });

    it('leaves a file with syntax errors alone, says so, and still formats the others', () => {
        const broken = 'ecosystem Shop\ncustomer {{ \n';
        const dir = folderWith({ 'a.cxe': messy, 'broken.cxe': broken });
        const run = cxe(['format', '.'], dir);
        assert.equal(run.status, 1);
        assert.equal(run.stderr, 'cxe: cannot format broken.cxe: it has syntax errors (cxe validate shows them).\n');
        assert.doesNotMatch(run.stderr, STACK_TRACE);
        assert.equal(readFileSync(path.join(dir, 'broken.cxe'), 'utf8'), broken);
        assert.equal(readFileSync(path.join(dir, 'a.cxe'), 'utf8'), tidy);
    });

    it('finds the examples formatted', () => {
        const run = cxe(['format', '--check', path.join(repoRoot, 'examples')]);
        assert.equal(run.status, 0, run.stdout + run.stderr);
    });
});
