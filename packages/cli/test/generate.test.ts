import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { STACK_TRACE, cxe, folderWith, repoRoot } from './run-cxe.js';

const shop = `ecosystem Shop "Corner shop"
customer Buyer { seeks Bread }
organization Baker { seeks Cash }
value Bread product
value Cash money
exchange Sale { Baker -> Buyer : Bread  Buyer -> Baker : Cash }
journey Visit for Buyer { step In "Walks in" at Door score 4 }
touchpoint Door { channel store }
view Trade "Trade" { include *, touchpoint }
`;

/** Every file below a folder, relative, sorted: what a run left on disk. */
function filesBelow(dir: string): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile())
        .map(entry => path.relative(dir, path.join(entry.parentPath, entry.name)))
        .sort();
}

describe('cxe generate', () => {
    it('writes <ecosystem>.<view>.<ext> and <ecosystem>.md for every view and journey, and says what it wrote', () => {
        const work = folderWith({ 'models/shop.cxe': shop });
        const run = cxe(['generate', 'models', '--out', 'out', '--format', 'svg,mermaid,dot,json,png,md'], work);
        assert.equal(run.status, 0, run.stdout + run.stderr);
        assert.deepEqual(filesBelow(path.join(work, 'out')), [
            'Shop.Trade.dot', 'Shop.Trade.json', 'Shop.Trade.mmd', 'Shop.Trade.png', 'Shop.Trade.svg',
            'Shop.Visit.mmd', 'Shop.Visit.png', 'Shop.Visit.svg', 'Shop.md']);
        assert.match(run.stdout, /^wrote out\/Shop\.Trade\.svg$/m);
        assert.match(run.stdout, /9 files generated in out \(9 changed\)\.\n$/);
        const png = readFileSync(path.join(work, 'out/Shop.Trade.png'));
        assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    });

    it('writes the same bytes again: a second run changes nothing, PNG included', () => {
        const work = folderWith({ 'shop.cxe': shop });
        cxe(['generate', 'shop.cxe', '--out', 'out', '--format', 'svg,png,md'], work);
        const first = Object.fromEntries(filesBelow(path.join(work, 'out')).map(f => [f, readFileSync(path.join(work, 'out', f))]));
        rmSync(path.join(work, 'out'), { recursive: true });
        const again = cxe(['generate', 'shop.cxe', '--out', 'out', '--format', 'svg,png,md'], work);
        assert.equal(again.status, 0);
        for (const [file, bytes] of Object.entries(first)) {
            assert.ok(readFileSync(path.join(work, 'out', file)).equals(bytes), file);
        }
        assert.match(cxe(['generate', 'shop.cxe', '--out', 'out', '--format', 'svg,png,md'], work).stdout, /\(0 changed\)/);
    });

    it('--check writes nothing and lists what is missing, different or stale', () => {
        const work = folderWith({ 'shop.cxe': shop });
        assert.equal(cxe(['generate', 'shop.cxe', '--out', 'out'], work).status, 0);
        assert.equal(cxe(['generate', 'shop.cxe', '--out', 'out', '--check'], work).status, 0);
        writeFileSync(path.join(work, 'out/Shop.Trade.svg'), 'edited by hand');
        rmSync(path.join(work, 'out/Shop.md'));
        writeFileSync(path.join(work, 'out/Shop.Old.mmd'), 'from a view since removed');
        writeFileSync(path.join(work, 'out/notes.txt'), 'not ours');
        const before = filesBelow(path.join(work, 'out'));
        const run = cxe(['generate', 'shop.cxe', '--out', 'out', '--check'], work);
        assert.equal(run.status, 1);
        assert.deepEqual(run.stdout.trimEnd().split('\n'), [
            'missing: Shop.md',
            'differs: Shop.Trade.svg',
            'stale: Shop.Old.mmd (no longer generated)',
            '3 of the generated files in out are out of date: run cxe generate without --check.',
        ]);
        assert.deepEqual(filesBelow(path.join(work, 'out')), before, 'nothing written');
        assert.equal(readFileSync(path.join(work, 'out/Shop.Trade.svg'), 'utf8'), 'edited by hand');
    });

    it('never writes outside the output folder, and creates it with its parents', () => {
        const work = folderWith({ 'shop.cxe': shop });
        const run = cxe(['generate', 'shop.cxe', '--out', 'deep/er/out'], work);
        assert.equal(run.status, 0, run.stderr);
        assert.ok(filesBelow(work).every(file => file === 'shop.cxe' || file.startsWith(`deep${path.sep}er${path.sep}out${path.sep}`)), filesBelow(work).join());
    });

    it('refuses an output path that is a file (exit 2)', () => {
        const work = folderWith({ 'shop.cxe': shop, 'out': 'a file' });
        const run = cxe(['generate', 'shop.cxe', '--out', 'out'], work);
        assert.equal(run.status, 2);
        assert.match(run.stderr, /cxe: the output path is not a folder: /);
        assert.doesNotMatch(run.stderr, STACK_TRACE);
        assert.equal(readFileSync(path.join(work, 'out'), 'utf8'), 'a file');
    });

    it('models with errors: reported, exit 1, still drawn; with --strict nothing is written', () => {
        const broken = shop.replace('Buyer -> Baker : Cash', 'Buyer -> Baker : Cash, Tip');
        const work = folderWith({ 'shop.cxe': broken });
        const run = cxe(['generate', 'shop.cxe', '--out', 'out'], work);
        assert.equal(run.status, 1);
        assert.match(run.stdout, /shop\.cxe:6:\d+ error unresolved-reference /);
        assert.ok(existsSync(path.join(work, 'out/Shop.Trade.svg')));
        const strict = cxe(['generate', 'shop.cxe', '--out', 'strict', '--strict'], work);
        assert.equal(strict.status, 1);
        assert.ok(!existsSync(path.join(work, 'strict')));
    });

    it('--view picks one view or journey; an unknown one is a usage error', () => {
        const work = folderWith({ 'shop.cxe': shop });
        assert.equal(cxe(['generate', 'shop.cxe', '--out', 'out', '--view', 'Visit', '--format', 'svg'], work).status, 0);
        assert.deepEqual(filesBelow(path.join(work, 'out')), ['Shop.Visit.svg']);
        const unknown = cxe(['generate', 'shop.cxe', '--out', 'out', '--view', 'Nope'], work);
        assert.equal(unknown.status, 2);
        assert.match(unknown.stderr, /no view or journey named 'Nope'/);
    });

    it('an unknown format is a usage error', () => {
        const run = cxe(['generate', '.', '--out', 'x', '--format', 'svg,gif']);
        assert.equal(run.status, 2);
        assert.match(run.stderr, /expected a comma-separated list of svg, mermaid, dot, json, png, md/);
    });

    it('the report links to the models and the SVGs relative to the output folder', () => {
        const work = folderWith({ 'models/shop.cxe': shop.replace('value Cash money', 'value Cash money\nvalue Spare money') });
        cxe(['generate', 'models', '--out', 'out'], work);
        const report = readFileSync(path.join(work, 'out/Shop.md'), 'utf8');
        assert.match(report, /^# Corner shop$/m);
        assert.match(report, /\| \.\.\/models\/shop\.cxe:6 \| warning \| `unused-value` \|/);
        assert.match(report, /\[SVG\]\(Shop\.Trade\.svg\)/);
        assert.match(report, /```mermaid\n---\ntitle: /);
    });

    it('draws on several threads with the same bytes as on one, every format, in the same order', () => {
        // Three ecosystems of two views and a journey each: more jobs than threads.
        const files = Object.fromEntries(['North', 'South', 'East'].map(name => [`${name}.cxe`, shop.replace('ecosystem Shop', `ecosystem ${name}`)
            .replace('view Trade', `view Buyers "Buyers" { include customer, Baker }\nview Trade`)]));
        const work = folderWith(files);
        const args = ['--format', 'svg,mermaid,dot,json,png,md,html'];
        const serial = cxe(['generate', '.', '--out', 'serial', '--jobs', '1', ...args], work);
        assert.equal(serial.status, 0, serial.stdout + serial.stderr);
        const parallel = cxe(['generate', '.', '--out', 'parallel', '--jobs', '3', ...args], work);
        assert.equal(parallel.status, 0, parallel.stdout + parallel.stderr);
        assert.equal(parallel.stdout.replaceAll('parallel', 'serial'), serial.stdout, 'the same files, reported in the same order');
        const written = filesBelow(path.join(work, 'serial'));
        assert.equal(written.length, 3 * 15, written.join());
        assert.deepEqual(filesBelow(path.join(work, 'parallel')), written);
        for (const file of written) {
            assert.ok(readFileSync(path.join(work, 'parallel', file)).equals(readFileSync(path.join(work, 'serial', file))), file);
        }
    });

    it('--jobs takes a whole number of 1 or more', () => {
        for (const jobs of ['0', 'two', '1.5']) {
            const run = cxe(['generate', '.', '--out', 'x', '--jobs', jobs]);
            assert.equal(run.status, 2, jobs);
            assert.match(run.stderr, /--jobs <n>.*expected a whole number of 1 or more/);
        }
    });

    it('the committed example outputs are fresh', () => {
        const run = cxe(['generate', 'examples', '--out', 'examples/generated', '--check'], repoRoot);
        assert.equal(run.status, 0, run.stdout);
        assert.ok(statSync(path.join(repoRoot, 'examples/generated')).isDirectory());
    });
});
