import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STACK_TRACE, cxe, folderWith } from './run-cxe.js';

const before = 'ecosystem Shop\ncustomer Buyer { seeks Goods }\norganization Maker { seeks Cash }\n'
    + 'value Goods product\nvalue Cash money\nvalue Spare money\ntouchpoint Web { channel web }\n'
    + 'exchange Sale {\n  Maker -> Buyer : Goods via Web\n  Buyer -> Maker : Cash\n}\n';
const after = 'ecosystem Shop\ncustomer Buyer { seeks Goods, Advice }\norganization Maker { seeks Cash }\n'
    + 'value Goods product\nvalue Cash money\nvalue Advice information\ntouchpoint Web { channel mobile }\n'
    + 'exchange Sale {\n  Maker -> Buyer : Goods via Web\n  Buyer -> Maker : Cash\n}\n';

interface DiffJson {
    version: number;
    ecosystems: Array<{
        name: string; status: string;
        elements: { added: unknown[]; removed: unknown[]; changed: unknown[] };
        flows: { added: unknown[]; removed: unknown[] };
        diagnostics: { introduced: unknown[]; resolved: unknown[] };
    }>;
}

describe('cxe diff', () => {
    const old = folderWith({ 'shop.cxe': before });
    const now = folderWith({ 'shop.cxe': after });

    it('writes the JSON contract of docs/cli.md', () => {
        const run = cxe(['diff', old, now, '--format', 'json']);
        assert.equal(run.status, 0, run.stderr);
        const report = JSON.parse(run.stdout) as DiffJson;
        for (const introduced of report.ecosystems[0].diagnostics.introduced) {
            assert.deepEqual(Object.keys(introduced as object), ['code', 'severity', 'element', 'file', 'line', 'message']);
        }
        assert.deepEqual(report, {
            version: 1,
            ecosystems: [{
                name: 'Shop',
                status: 'changed',
                elements: {
                    added: [{ name: 'Advice', kind: 'value' }],
                    removed: [{ name: 'Spare', kind: 'value' }],
                    changed: [{ name: 'Buyer', kind: 'customer', fields: ['seeks'] }, { name: 'Web', kind: 'touchpoint', fields: ['channel'] }],
                },
                flows: { added: [], removed: [] },
                diagnostics: {
                    introduced: report.ecosystems[0].diagnostics.introduced,
                    resolved: [{ code: 'unused-value', severity: 'warning', element: 'Spare', message: "Value object 'Spare' is neither carried by a flow nor sought by an actor. Use it in a flow or a seeks clause, or remove it." }],
                },
            }],
        });
    });

    it('prints one line per change in the terminal, then a summary', () => {
        const relabelled = folderWith({ 'shop.cxe': after.replace('customer Buyer', 'customer Buyer "Shopper"') });
        const run = cxe(['diff', old, relabelled]);
        assert.equal(run.stdout.replaceAll(relabelled, 'NEW'), [
            'ecosystem Shop (changed)',
            "  ! warning unmet-need NEW/shop.cxe:2 (Buyer): Customer 'Buyer' seeks 'Advice', but no flow gives it to them. Add a flow '… -> Buyer : Advice' or drop the need.",
            "  ✓ resolved warning unused-value (Spare): Value object 'Spare' is neither carried by a flow nor sought by an actor. Use it in a flow or a seeks clause, or remove it.",
            '  + value Advice',
            '  - value Spare',
            '  ~ customer Buyer: label (none) → "Shopper"; seeks Goods → Advice, Goods',
            '  ~ touchpoint Web: channel web → mobile',
            '  = balance of Buyer: seeks Advice (new); unmet: Advice',
            '1 ecosystem changed: 1 element added, 1 element removed, 2 elements changed, 1 problem introduced, 1 problem resolved.',
            '',
        ].join('\n'));
    });

    it('names the element each introduced problem is about', () => {
        const report = JSON.parse(cxe(['diff', old, now, '--format', 'json']).stdout) as DiffJson;
        const introduced = report.ecosystems[0].diagnostics.introduced as Array<{ code: string; element: string; line: number }>;
        assert.deepEqual(introduced.map(d => [d.code, d.element, d.line]), [['unmet-need', 'Buyer', 2]]);
    });

    it('reports nothing, and exits 0 even with --exit-code, when only the files changed', () => {
        const split = folderWith({
            'a.cxe': 'ecosystem Shop\nexchange Sale {\n  Buyer -> Maker : Cash\n  Maker -> Buyer : Goods via Web\n}\n',
            'b.cxe': `ecosystem Shop\n${before.replace(/exchange Sale \{[\s\S]*\}\n/, '').split('\n').slice(1).reverse().join('\n')}\n`,
        });
        const run = cxe(['diff', old, split, '--exit-code']);
        assert.equal(run.status, 0, run.stdout + run.stderr);
        assert.equal(run.stdout, 'No changes to the ecosystems.\n');
        assert.deepEqual(JSON.parse(cxe(['diff', old, split, '--format', 'json']).stdout), { version: 1, ecosystems: [] });
    });

    it('exits 1 with --exit-code when something changed, 0 without it', () => {
        assert.equal(cxe(['diff', old, now, '--exit-code']).status, 1);
        assert.equal(cxe(['diff', old, now]).status, 0);
    });

    for (const format of ['text', 'markdown', 'json']) {
        it(`writes the same ${format} bytes on every run`, () => {
            const runs = [cxe(['diff', old, now, '--format', format]), cxe(['diff', old, now, '--format', format])];
            assert.ok(runs[0].stdout.length > 0);
            assert.equal(runs[0].stdout, runs[1].stdout);
        });
    }

    it('writes a pull-request comment: summary, counts table, problems first, long lists folded', () => {
        const many = after + Array.from({ length: 12 }, (_, i) => `value Extra${i} money\n`).join('');
        const markdown = cxe(['diff', old, folderWith({ 'shop.cxe': many }), '--format', 'markdown']).stdout;
        const lines = markdown.split('\n');
        assert.match(lines[2], /^1 ecosystem changed: 13 elements added, 1 element removed, 2 elements changed, \d+ problems introduced, 1 problem resolved\.$/);
        assert.ok(markdown.includes('| Shop | changed | 13 | 1 | 2 | 0 | 0 |'), markdown);
        const section = markdown.slice(markdown.indexOf('### Shop'));
        assert.ok(section.indexOf('Problems introduced') < section.indexOf('Elements added'), section);
        assert.match(markdown, /<details><summary>Elements added \(13\)<\/summary>/);
        assert.match(markdown, /\*\*Value balance\*\* \(1\)\n\n- `Buyer`: seeks Advice \\\(new\\\); unmet: Advice/);
    });

    it('draws each changed view into --out, marked, and links it from the comment', () => {
        const views = 'view Buyers { include customer, Maker }\nview Backstage { include Web }\n';
        const oldViews = folderWith({ 'shop.cxe': before + views });
        const newViews = folderWith({ 'shop.cxe': after + views });
        const out = path.join(folderWith({}), 'diff');
        const run = cxe(['diff', oldViews, newViews, '--format', 'markdown', '--out', out]);
        assert.equal(run.status, 0, run.stderr);
        // Buyer changed (seeks) and Web changed (channel): both views are drawn.
        assert.deepEqual(readdirSync(out).sort(), ['Shop.Backstage.diff.svg', 'Shop.Buyers.diff.svg']);
        const svg = readFileSync(path.join(out, 'Shop.Buyers.diff.svg'), 'utf8');
        assert.match(svg, /data-cxe-change="changed"/);
        assert.match(run.stdout, /!\[Shop — Buyers — changes\]\(Shop\.Buyers\.diff\.svg\)/);
        const again = path.join(folderWith({}), 'diff');
        cxe(['diff', oldViews, newViews, '--out', again]);
        assert.equal(readFileSync(path.join(again, 'Shop.Buyers.diff.svg'), 'utf8'), svg);
        // Only the Backstage view changes now: the Buyers view is not drawn.
        const onlyChannel = folderWith({ 'shop.cxe': before.replace('channel web', 'channel mobile') + views });
        const channelOut = path.join(folderWith({}), 'diff');
        cxe(['diff', oldViews, onlyChannel, '--out', channelOut]);
        assert.deepEqual(readdirSync(channelOut), ['Shop.Backstage.diff.svg']);
    });

    it('keeps the comment within what a pull request takes: at most 100 items a list', () => {
        const huge = after + Array.from({ length: 150 }, (_, i) => `value Extra${i} money\n`).join('');
        const markdown = cxe(['diff', old, folderWith({ 'shop.cxe': huge }), '--format', 'markdown']).stdout;
        const added = markdown.slice(markdown.indexOf('Elements added (151)'), markdown.indexOf('</details>', markdown.indexOf('Elements added (151)')));
        assert.equal(added.split('\n').filter(line => line.startsWith('- ')).length, 101);
        assert.match(added, /- … and 51 more \(`cxe diff --format json` lists them all\)/);
    });

    describe('usage errors (exit 2, one line, no stack trace)', () => {
        const outside = mkdtempSync(path.join(os.tmpdir(), 'cxe-nogit-'));
        const cases: Array<[string, string[], string, RegExp]> = [
            ['one path only', ['diff', old], process.cwd(), /diff needs two paths/],
            ['--base outside a repository', ['diff', '--base', 'HEAD', old], outside, /not inside a git repository/],
            ['an unknown revision', ['diff', '--base', 'no-such-revision', old], process.cwd(), /unknown git revision: no-such-revision/],
        ];
        for (const [name, args, cwd, message] of cases) {
            it(name, () => {
                const run = cxe(args, cwd);
                assert.equal(run.status, 2, run.stdout + run.stderr);
                assert.match(run.stderr, message);
                assert.doesNotMatch(run.stderr, STACK_TRACE);
            });
        }
    });

    describe('--base on a git repository', () => {
        const repo = folderWith({ 'models/shop.cxe': before, 'models/other.cxe': 'ecosystem Other\ncustomer C\n', 'README.md': 'not a model' });
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
        git('init', '-q');
        git('add', '.');
        git('commit', '-qm', 'first');
        execFileSync('sh', ['-c', `printf '%s' "$0" > models/shop.cxe && rm models/other.cxe`, after], { cwd: repo });

        it('compares the working tree with the revision, path by path', () => {
            const run = cxe(['diff', '--base', 'HEAD', 'models', '--format', 'json'], repo);
            assert.equal(run.status, 0, run.stderr);
            const report = JSON.parse(run.stdout) as DiffJson;
            assert.deepEqual(report.ecosystems.map(e => [e.name, e.status]), [['Other', 'removed'], ['Shop', 'changed']]);
            const introduced = report.ecosystems[1].diagnostics.introduced as Array<{ file: string }>;
            assert.ok(introduced.every(d => d.file === 'models/shop.cxe'), JSON.stringify(introduced));
        });

        it('reports every ecosystem removed when the models were deleted, and still rejects a path that never existed', () => {
            const emptied = folderWith({ 'models/shop.cxe': before });
            const gitIn = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: emptied, stdio: 'pipe' });
            gitIn('init', '-q');
            gitIn('add', '.');
            gitIn('commit', '-qm', 'first');
            gitIn('rm', '-rq', 'models');
            const run = cxe(['diff', '--base', 'HEAD', 'models', '--format', 'json'], emptied);
            assert.equal(run.status, 0, run.stderr);
            assert.deepEqual((JSON.parse(run.stdout) as DiffJson).ecosystems.map(e => [e.name, e.status]), [['Shop', 'removed']]);
            const typo = cxe(['diff', '--base', 'HEAD', 'modles'], emptied);
            assert.equal(typo.status, 2);
            assert.match(typo.stderr, /path does not exist: modles/);
        });

        it('takes the whole working directory when no path is given, also from a subfolder', () => {
            const fromRoot = cxe(['diff', '--base', 'HEAD', '--format', 'json'], repo);
            const fromModels = cxe(['diff', '--base', 'HEAD', '.', '--format', 'json'], path.join(repo, 'models'));
            assert.equal(fromRoot.status, 0, fromRoot.stderr);
            assert.equal(fromModels.status, 0, fromModels.stderr);
            const names = (run: typeof fromRoot) => (JSON.parse(run.stdout) as DiffJson).ecosystems.map(e => `${e.name} ${e.status}`);
            assert.deepEqual(names(fromRoot), ['Other removed', 'Shop changed']);
            assert.deepEqual(names(fromModels), names(fromRoot));
        });
    });
});
