import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstNode } from 'langium';
import { type Actor, isActor } from '../src/generated/ast.js';
import { TestWorkspace, uriOf } from './helpers.js';

// Line 2, Buyer: unmet-need (Advice); line 4, Courier: isolated-actor. The CLI's settings tests read it too.
const MODEL = readFileSync(fileURLToPath(new URL('../../test/fixtures/shop.cxe', import.meta.url)), 'utf8');

const codes = (ws: TestWorkspace, name: string) => ws.found(name).map(found => found.replace(/ \d+:\d+-\d+:\d+$/, '') + ` ${found.split(' ')[2].split(':')[0]}`);
const settings = (rules: object, overrides: object[] = []) => JSON.stringify({ rules, overrides });

describe('rule settings (cxe.config.json)', () => {
    it('the nearest settings file going up governs a file; none means the defaults', async () => {
        const ws = await TestWorkspace.of({
            'cxe.config.json': settings({ 'unmet-need': 'error' }),
            'a/cxe.config.json': settings({ 'isolated-actor': 'info' }),
            'top.cxe': MODEL,
            'a/b/deep.cxe': MODEL.replace('Shop', 'Deep'),
        });
        assert.deepEqual(codes(ws, 'top.cxe'), ['error unmet-need 2', 'warning isolated-actor 4']);
        // The nearer file wins as a whole: its parent's unmet-need setting does not reach a/b.
        assert.deepEqual(codes(ws, 'a/b/deep.cxe'), ['warning unmet-need 2', 'info isolated-actor 4']);
    });

    it('overrides apply in order to the files their globs match, relative to the settings folder', async () => {
        const ws = await TestWorkspace.of({
            'cxe.config.json': settings({ 'unmet-need': 'error' }, [
                { files: ['legacy/**'], rules: { 'unmet-need': 'info', 'isolated-actor': 'off' } },
                { files: ['./legacy/keep/*.cxe', '**/.hidden/*.cxe'], rules: { 'unmet-need': 'warning' } },
                { files: ['*.cxe'], rules: { 'isolated-actor': 'error' } },
            ]),
            'top.cxe': MODEL,
            'legacy/old.cxe': MODEL.replace('Shop', 'Old'),
            'legacy/keep/kept.cxe': MODEL.replace('Shop', 'Kept'),
            'x/.hidden/h.cxe': MODEL.replace('Shop', 'Hidden'),
            'legacyish/l.cxe': MODEL.replace('Shop', 'Legacyish'),
        });
        assert.deepEqual(codes(ws, 'top.cxe'), ['error unmet-need 2', 'error isolated-actor 4']);
        assert.deepEqual(codes(ws, 'legacy/old.cxe'), ['info unmet-need 2']);
        assert.deepEqual(codes(ws, 'legacy/keep/kept.cxe'), ['warning unmet-need 2']);
        assert.deepEqual(codes(ws, 'x/.hidden/h.cxe'), ['warning unmet-need 2', 'warning isolated-actor 4']);
        assert.deepEqual(codes(ws, 'legacyish/l.cxe'), ['error unmet-need 2', 'warning isolated-actor 4']);
    });

    it('a settings file with problems leaves the files it governs on the defaults', async () => {
        const ws = await TestWorkspace.of({ 'cxe.config.json': '{ "rules": { "unmet-need": "off", "bogus": "off" } }', 'm.cxe': MODEL });
        assert.deepEqual(codes(ws, 'm.cxe'), ['warning unmet-need 2', 'warning isolated-actor 4']);
        const [file] = ws.services.Cxe.workspace.RuleSettings.loadedFiles();
        assert.deepEqual(file.problems.map(problem => problem.message), ["unknown diagnostic code 'bogus'"]);
    });

    it('follows a settings file created, changed and deleted while the workspace is open', async () => {
        const ws = await TestWorkspace.of({ 'm.cxe': MODEL, 'other/o.cxe': MODEL.replace('Shop', 'Other') });
        assert.deepEqual(codes(ws, 'm.cxe'), ['warning unmet-need 2', 'warning isolated-actor 4']);
        const builder = ws.services.shared.workspace.DocumentBuilder;
        const config = uriOf('cxe.config.json');
        ws.fileSystem.insert(config, settings({ 'isolated-actor': 'off' }));
        await builder.update([config], []);
        assert.deepEqual(codes(ws, 'm.cxe'), ['warning unmet-need 2']);
        assert.deepEqual(codes(ws, 'other/o.cxe'), ['warning unmet-need 2']);
        ws.fileSystem.insert(config, settings({ 'isolated-actor': 'error' }, [{ files: ['other/**'], rules: { 'unmet-need': 'off' } }]));
        await builder.update([config], []);
        assert.deepEqual(codes(ws, 'm.cxe'), ['warning unmet-need 2', 'error isolated-actor 4']);
        assert.deepEqual(codes(ws, 'other/o.cxe'), ['error isolated-actor 4']);
        ws.fileSystem.delete(config);
        await builder.update([], [config]);
        assert.deepEqual(codes(ws, 'm.cxe'), ['warning unmet-need 2', 'warning isolated-actor 4']);
    });
});

describe('the findings the diagram badges count', () => {
    it('carry the severity the settings give and leave out what is off or ignored', async () => {
        const ws = await TestWorkspace.of({
            'cxe.config.json': settings({ 'unmet-need': 'error', 'unused-value': 'off' }),
            'a.cxe': MODEL.replace('partner Courier', '// cxe-ignore isolated-actor -- on purpose\npartner Courier'),
            'b.cxe': 'ecosystem Shop\nvalue Spare "Spare" product\npartner Idle { seeks Cash }\n',
        });
        const findings = ws.services.Cxe.workspace.Findings.findingsOf('Shop');
        // unmet-need sits on Buyer's `seeks` item; isolated-actor on the actor Idle itself.
        const actorOf = (node: AstNode) => (isActor(node) ? node : node.$container as Actor).name;
        assert.deepEqual(findings.map(finding => `${finding.severity} ${finding.code} ${actorOf(finding.node)}`).sort(),
            ['error unmet-need Buyer', 'warning isolated-actor Idle']);
    });
});

describe('suppression comments', () => {
    it('reach the next line holding anything but comments, inside blocks too', async () => {
        const ws = await TestWorkspace.of({
            'm.cxe': [
                'ecosystem Shop',
                'customer Buyer {',
                '  seeks Goods',
                '  // cxe-ignore unmet-need -- advice comes later',
                '  /* a block comment',
                '     over two lines */',
                '',
                '  seeks Advice',
                '  size 1',
                '  // cxe-ignore duplicate-clause',
                '  size 2',
                '}',
                'organization Firm { seeks Cash }',
                'value Goods "Goods" product',
                'value Cash "Cash" money',
                'value Advice "Advice" information',
                'exchange Buyer -> Firm : Cash',
                'exchange Firm -> Buyer : Goods',
            ].join('\n'),
        });
        assert.deepEqual(codes(ws, 'm.cxe'), []);
    });

    it('before a multi-line element reach only its first line; CRLF files and an ignore at the end of a file', async () => {
        const text = [
            'ecosystem Shop',
            'customer Buyer { seeks Goods }',
            'organization Firm { seeks Cash }',
            '// cxe-ignore isolated-actor unmet-need',
            'partner Courier {',
            '  seeks Fee',
            '}',
            'value Goods "Goods" product',
            'value Cash "Cash" money',
            'value Fee "Fee" money',
            'exchange Buyer -> Firm : Cash',
            'exchange Firm -> Buyer : Goods',
            '// cxe-ignore unused-value',
        ].join('\r\n');
        const ws = await TestWorkspace.of({ 'm.cxe': text });
        assert.deepEqual(ws.found('m.cxe'), [
            'warning unused-ignore 4:1-4:40',
            'warning unused-ignore 13:1-13:27',
        ]);
        const messages = ws.document('m.cxe').diagnostics!.map(d => String(d.message));
        assert.match(messages[0], /no 'unmet-need' starts on line 5/);
        assert.doesNotMatch(messages[0], /isolated-actor/);
        assert.match(messages[1], /no line follows/);
    });

    it('ignore-file silences a code everywhere in its file only; syntax and unknown codes are unused ignores', async () => {
        const ws = await TestWorkspace.of({
            'a.cxe': 'ecosystem Shop\ncustomer Buyer { seeks Goods }\nvalue Goods "G" product\nvalue Spare "S" product\n// cxe-ignore-file no-declared-value syntax bogus\n',
            'b.cxe': 'ecosystem Shop\nvalue Extra "E" product\n',
        });
        assert.deepEqual(ws.found('a.cxe'), ['warning isolated-actor 2:10-2:15', 'warning unused-value 4:7-4:12', 'warning unused-ignore 5:1-5:50']);
        assert.deepEqual(ws.found('b.cxe'), ['warning unused-value 2:7-2:12']);
        const message = ws.document('a.cxe').diagnostics!.find(d => d.code === 'unused-ignore')!.message as string;
        assert.match(message, /'no-declared-value'.*'syntax' cannot be ignored.*'bogus' is not a diagnostic code/);
    });

    it('when a file ignore and a line ignore both reach a finding, the first in the file silences it and the other is unused', async () => {
        const lineFirst = 'ecosystem Shop\ncustomer Buyer { seeks Goods }\nvalue Goods "G" product\n// cxe-ignore unused-value\nvalue Spare "S" product\n// cxe-ignore-file unused-value\n';
        assert.deepEqual((await TestWorkspace.of({ 'm.cxe': lineFirst })).found('m.cxe'), ['warning isolated-actor 2:10-2:15', 'warning unused-ignore 6:1-6:32']);
        const fileFirst = 'ecosystem Shop\n// cxe-ignore-file unused-value\ncustomer Buyer { seeks Goods }\nvalue Goods "G" product\n// cxe-ignore unused-value\nvalue Spare "S" product\n';
        assert.deepEqual((await TestWorkspace.of({ 'm.cxe': fileFirst })).found('m.cxe'), ['warning isolated-actor 3:10-3:15', 'warning unused-ignore 5:1-5:27']);
    });

    it('an ignore without codes ignores nothing, and settings can turn unused-ignore off', async () => {
        const ws = await TestWorkspace.of({ 'm.cxe': 'ecosystem Shop\n// cxe-ignore -- everything\npartner P\n' });
        assert.deepEqual(codes(ws, 'm.cxe'), ['warning no-customer 1', 'warning unused-ignore 2', 'warning no-declared-value 3']);
        const quiet = await TestWorkspace.of({ 'cxe.config.json': settings({ 'unused-ignore': 'off' }), 'm.cxe': 'ecosystem Shop\n// cxe-ignore -- everything\npartner P\n' });
        assert.deepEqual(codes(quiet, 'm.cxe'), ['warning no-customer 1', 'warning no-declared-value 3']);
    });
});
