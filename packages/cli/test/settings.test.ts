import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compareExpectations, expectationsOf } from '@cxe/language';
import { STACK_TRACE, conformanceDir, cxe, folderWith, json, repoRoot } from './run-cxe.js';

const settingsDir = process.env.CXE_SETTINGS_DIR ?? path.resolve(conformanceDir, '../settings');

// The language suite's settings model: line 2, Buyer: unmet-need (Advice); line 4, Courier: isolated-actor.
const MODEL = readFileSync(path.join(repoRoot, 'packages/language/test/fixtures/shop.cxe'), 'utf8');

const codesOf = (run: ReturnType<typeof cxe>) => json(run).diagnostics.map(d => `${d.file}:${d.line} ${d.severity} ${d.code}`);

describe('cxe validate: rule settings and suppressions', () => {
    it('holds ../shared/design/settings, loaded as one workspace with its settings file, to its expectations', () => {
        const run = cxe(['validate', settingsDir, '--format', 'json']);
        assert.equal(run.status, 1, run.stderr);
        const byFile = Map.groupBy(json(run).diagnostics, d => path.relative(settingsDir, d.file).split(path.sep).join('/'));
        const names = (readdirSync(settingsDir, { recursive: true }) as string[]).filter(name => name.endsWith('.cxe')).map(name => name.split(path.sep).join('/'));
        assert.ok(names.length >= 4, names.join(', '));
        for (const name of names) {
            const expected = expectationsOf(readFileSync(path.join(settingsDir, name), 'utf8'));
            const actual = (byFile.get(name) ?? []).map(d => ({ severity: d.severity, code: d.code, line: d.line }));
            assert.deepEqual(compareExpectations(expected, actual), { missing: [], unexpected: [] }, name);
        }
    });

    it('uses the nearest settings file going up, and overrides in order, later ones winning', () => {
        const dir = folderWith({
            'cxe.config.json': JSON.stringify({
                rules: { 'unmet-need': 'error' },
                overrides: [{ files: ['teams/**'], rules: { 'unmet-need': 'info' } }, { files: ['teams/b/*.cxe'], rules: { 'unmet-need': 'off' } }],
            }),
            'top.cxe': MODEL,
            'teams/a/a.cxe': MODEL.replace('Shop', 'A'),
            'teams/b/b.cxe': MODEL.replace('Shop', 'B'),
            'nested/cxe.config.json': '{ "rules": { "isolated-actor": "off" } }',
            'nested/n.cxe': MODEL.replace('Shop', 'N'),
        });
        const run = cxe(['validate', '.', '--format', 'json'], dir);
        assert.deepEqual(codesOf(run), [
            'nested/n.cxe:2 warning unmet-need',
            'teams/a/a.cxe:2 info unmet-need',
            'teams/a/a.cxe:4 warning isolated-actor',
            'teams/b/b.cxe:4 warning isolated-actor',
            'top.cxe:2 error unmet-need',
            'top.cxe:4 warning isolated-actor',
        ]);
        assert.equal(run.status, 1);
    });

    it('--rule wins over settings files, --no-config ignores them, and --max-warnings counts what the settings make warnings', () => {
        const dir = folderWith({ 'cxe.config.json': '{ "rules": { "unmet-need": "off", "isolated-actor": "off" } }', 'm.cxe': MODEL });
        assert.equal(cxe(['validate', '.', '--max-warnings', '0'], dir).status, 0);
        const ruled = cxe(['validate', '.', '--rule', 'isolated-actor=warning', '--rule', 'unmet-need=info', '--max-warnings', '0'], dir);
        assert.equal(ruled.status, 1);
        assert.match(ruled.stdout, /1 file checked: 0 errors, 1 warning, 1 info\.\n$/);
        const plain = cxe(['validate', '.', '--no-config', '--format', 'json'], dir);
        assert.deepEqual(codesOf(plain), ['m.cxe:2 warning unmet-need', 'm.cxe:4 warning isolated-actor']);
        assert.equal(json(plain).warnings, 2);
    });

    it('a settings file with problems is a usage error naming file, line and column; --no-config gets past it', () => {
        const dir = folderWith({
            'sub/cxe.config.json': '{\n  "rules": { "unmet-needs": "error", "isolated-actor": "loud", "syntax": "off" }\n}\n',
            'sub/m.cxe': MODEL,
            'bad/cxe.config.json': '{ "rules": { ',
            'bad/m.cxe': MODEL.replace('Shop', 'Bad'),
        });
        for (const command of ['validate', 'generate']) {
            const run = cxe(command === 'validate' ? ['validate', '.'] : ['generate', '.', '--out', 'out'], dir);
            assert.equal(run.status, 2, run.stdout);
            assert.doesNotMatch(run.stderr, STACK_TRACE);
            assert.match(run.stderr, /^cxe: sub\/cxe\.config\.json:2:14: unknown diagnostic code 'unmet-needs'; did you mean 'unmet-need'\?$/m);
            assert.match(run.stderr, /^cxe: sub\/cxe\.config\.json:2:56: 'isolated-actor' must be "off", "info", "warning" or "error"$/m);
            assert.match(run.stderr, /^cxe: sub\/cxe\.config\.json:2:64: 'syntax' cannot be changed by settings$/m);
            assert.match(run.stderr, /^cxe: bad\/cxe\.config\.json:1:14: not valid JSON/m);
        }
        const ignored = cxe(['validate', '.', '--no-config'], dir);
        assert.equal(ignored.status, 0, ignored.stderr);
        assert.match(ignored.stdout, /2 files checked: 0 errors, 4 warnings\.\n$/);
    });

    it('rejects a --rule with an unknown code, a bad level or a rule that cannot change', () => {
        const dir = folderWith({ 'm.cxe': MODEL });
        for (const rule of ['unmet-needs=error', 'unmet-need=loud', 'syntax=off', 'duplicate-name=warning']) {
            const run = cxe(['validate', '.', '--rule', rule], dir);
            assert.equal(run.status, 2, rule);
            assert.match(run.stderr, /--rule/);
        }
    });

    it('generate draws the badges the settings give', () => {
        const dir = folderWith({ 'cxe.config.json': '{ "rules": { "isolated-actor": "error" } }', 'm.cxe': MODEL });
        const run = cxe(['generate', '.', '--out', 'out', '--format', 'json'], dir);
        assert.equal(run.status, 1, run.stderr);
        const graph = JSON.parse(readFileSync(path.join(dir, 'out/Shop.overview.json'), 'utf8')) as { nodes: Array<{ id: string; problems: { errors: number; warnings: number } }> };
        const courier = graph.nodes.find(node => node.id === 'Courier');
        assert.deepEqual(courier?.problems, { errors: 1, warnings: 0, codes: ['isolated-actor'] });
        const off = cxe(['generate', '.', '--out', 'out2', '--format', 'json', '--rule', 'isolated-actor=off', '--rule', 'unmet-need=off'], dir);
        assert.equal(off.status, 0, off.stdout);
        const quiet = JSON.parse(readFileSync(path.join(dir, 'out2/Shop.overview.json'), 'utf8')) as { nodes: Array<{ problems: { errors: number; warnings: number } }> };
        assert.ok(quiet.nodes.every(node => node.problems.errors + node.problems.warnings === 0));
    });
});
