import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ast from '../src/generated/ast.js';
import { TestWorkspace, at, diagnose, messageOf, rangeOf } from './helpers.js';
import { conformanceDir } from './shared-design.js';

const acme = readFileSync(path.join(conformanceDir, 'acme.cxe'), 'utf8');

describe('parsing', () => {
    let model: ast.Model;
    let workspace: TestWorkspace;
    before(async () => {
        workspace = await TestWorkspace.of({ 'acme.cxe': acme });
        model = workspace.model('acme.cxe');
    });
    const element = <T extends ast.Element>(name: string, is: (n: unknown) => n is T): T => {
        const found = model.elements.find(e => e.name === name);
        assert.ok(is(found), `${name} is not of the expected type`);
        return found;
    };

    it('reads the ecosystem header with its title', () => {
        assert.equal(model.header.name, 'AcmeSoftware');
        assert.equal(model.header.label, 'Acme Software customer experience ecosystem');
    });

    it('reads an actor with label, description, seeks (values and free text), size and tags', () => {
        const it = element('ITManager', ast.isActor);
        assert.equal(it.kind, 'customer');
        assert.equal(it.label, 'IT manager at a mid-size firm');
        assert.equal(it.description, 'Buys through resellers; renews once a year.');
        assert.deepEqual(it.seeks.map(need => need.value?.ref?.name ?? need.text), ['QualityProduct', 'Reliability', 'Fewer outages at month end']);
        assert.equal(it.size, 4200);
        assert.deepEqual(it.tags, ['core', 'b2b']);
    });

    it('reads every actor kind, an employer and an actor without a block', () => {
        const kinds = model.elements.filter(ast.isActor).map(a => a.kind);
        assert.deepEqual([...new Set(kinds)].sort(), ['customer', 'employee', 'organization', 'partner', 'thirdparty']);
        assert.equal(element('SupportEngineer', ast.isActor).employer?.ref?.name, 'Acme');
        assert.equal(element('Integrator', ast.isActor).label, 'Systems integrator');
    });

    it('reads value objects with their kinds', () => {
        assert.equal(element('WholesaleFee', ast.isValue).kind, 'money');
        assert.equal(element('RoadmapInsight', ast.isValue).kind, 'information');
        assert.equal(element('StableWork', ast.isValue).label, 'Stable work');
    });

    it('reads named exchanges with flows and via, and single anonymous flows', () => {
        const purchase = element('Purchase', ast.isExchange);
        const flows = purchase.flows.map(f => `${f.giver.$refText}->${f.receiver.$refText}:${f.values.map(v => v.$refText).join(',')}${f.touchpoint ? ' via ' + f.touchpoint.$refText : ''}`);
        assert.deepEqual(flows, [
            'ITManager->Reseller:SubscriptionFee',
            'Reseller->ITManager:QualityProduct via Portal',
            'Reseller->Acme:WholesaleFee',
            'Acme->Reseller:RevenueShare,SalesSupport,CustomerAccess via PartnerDesk',
        ]);
        const anonymous = model.elements.filter(ast.isExchange).filter(e => e.name === undefined);
        assert.equal(anonymous.length, 2);
        assert.equal(anonymous[0].flows[0].touchpoint?.ref?.name, 'ReviewPage');
    });

    it('reads touchpoints, environment factors, backstage elements, journeys and views', () => {
        const portal = element('Portal', ast.isTouchpoint);
        assert.deepEqual([portal.channel, portal.owner?.ref?.name], ['web', 'Acme']);
        const shift = element('CloudShift', ast.isFactor);
        assert.deepEqual([shift.category, shift.trend], ['technological', 'rising']);
        assert.deepEqual(shift.affects.map(a => [a.target.ref?.$type, a.note]), [
            ['Actor', 'payouts move from licence fees to subscription annuities'], ['Exchange', undefined]]);
        assert.deepEqual(element('TeamChat', ast.isSystem).supports.map(s => s.ref?.name), ['Community', 'PartnerDesk']);
        assert.deepEqual(element('PartnerOnboarding', ast.isProcess).uses.map(s => s.ref?.name), ['TeamChat']);
        assert.deepEqual(element('IPProtection', ast.isPolicy).affects.map(s => s.ref?.name), ['Reseller', 'Integrator']);
        const renewal = element('Renewal', ast.isJourney);
        assert.equal(renewal.customer.ref?.name, 'ITManager');
        assert.deepEqual(renewal.steps.map(s => [s.name, s.touchpoint.ref?.name, s.score]), [
            ['Research', 'ReviewPage', 3], ['Renew', 'Portal', 4], ['GetHelp', 'Community', 2]]);
        const view = element('PartnerMap', ast.isView);
        assert.deepEqual(view.include.map(s => s.kind ?? s.element?.ref?.name), ['partner', 'Acme', 'ITManager']);
        assert.deepEqual(view.exclude.map(s => s.element?.ref?.name), ['Integrator']);
        assert.equal(view.layout, 'right');
    });

    it('keeps a doc comment as the element documentation', () => {
        const documentation = workspace.services.Cxe.documentation.DocumentationProvider;
        assert.equal(documentation.getDocumentation(element('ITManager', ast.isActor))?.trim(), "Runs Acme's products for 200 to 2,000 staff.");
    });

    it('accepts clauses in any order, on one line or many', async () => {
        const text = 'ecosystem E\ncustomer C { size 3 tags a seeks V description "d" }\npartner P {\n  seeks V\n}\n'
            + 'value V money\nexchange P -> C : V\nexchange C -> P : V\n';
        assert.deepEqual(await diagnose(text), []);
    });

    it('unescapes \\" and \\\\ in strings', async () => {
        const workspace = await TestWorkspace.of({ 'a.cxe': 'ecosystem E "Say \\"hi\\" \\\\ there"' });
        assert.equal(workspace.model('a.cxe').header.label, 'Say "hi" \\ there');
    });
});

describe('bad input', () => {
    it('an empty file is one located syntax error', async () => {
        assert.deepEqual(await diagnose(''), ['error syntax 1:1-1:1']);
    });

    it('a file of comments only is one syntax error: the ecosystem header is missing', async () => {
        const workspace = await TestWorkspace.of({ 'a.cxe': '// nothing yet\n/* still nothing */\n' });
        assert.deepEqual(workspace.found('a.cxe'), ['error syntax 1:1-1:1']);
        assert.match(messageOf(workspace.document('a.cxe'), 'syntax'), /Expected 'ecosystem'/);
    });

    it('an unterminated string is one error on its line, and the next lines still parse', async () => {
        const text = 'ecosystem E\ncustomer C "Unfinished label {\n}\ncustomer D { seeks Ghost }\n';
        const result = await diagnose(text);
        assert.ok(result.includes(at('error', 'syntax', text, '"Unfinished label {')), result.join('\n'));
        assert.ok(result.includes(at('error', 'unresolved-reference', text, 'Ghost')), 'the line after is still checked');
        assert.ok(result.filter(r => r.includes('syntax')).every(r => r.includes(' 2:') || r.includes(' 3:')), result.join('\n'));
    });

    it('an unterminated block comment is one error at its start; what precedes still parses', async () => {
        const text = 'ecosystem E\ncustomer C { seeks Ghost }\n/* forgot to close\ncustomer D\n';
        assert.deepEqual(await diagnose(text), [
            at('warning', 'isolated-actor', text, 'C'),
            at('error', 'unresolved-reference', text, 'Ghost'),
            `error syntax ${rangeOf(text, '/*')}`,
        ]);
    });

    it('CRLF line endings give the same diagnostics and positions as LF', async () => {
        const lf = acme.replace(/\r\n/g, '\n');
        const crlf = lf.replace(/\n/g, '\r\n');
        const [fromLf, fromCrlf] = await Promise.all([diagnose(lf), diagnose(crlf)]);
        assert.ok(fromLf.length > 0);
        assert.deepEqual(fromCrlf, fromLf);
    });

    it('binary garbage gives syntax errors, without throwing', async () => {
        let seed = 7;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
        const garbage = Array.from({ length: 20_000 }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
        const result = await diagnose(garbage);
        assert.ok(result[0].startsWith('error syntax'), result.slice(0, 5).join('\n'));
        assert.ok(result.filter(r => r.startsWith('error syntax')).length > 10);
    });

    it('a 1 MB single line parses and resolves', async () => {
        const values = Array.from({ length: 60_000 }, (_, i) => `value V${i} money`).join(' ');
        const text = `ecosystem Big customer C { seeks V0 } partner P { seeks V1 } exchange P -> C : V0 exchange C -> P : V1 ${values}`;
        assert.ok(text.length > 1_000_000);
        const workspace = await TestWorkspace.of({ 'big.cxe': text });
        const result = workspace.found('big.cxe');
        assert.equal(workspace.model('big.cxe').elements.length, 60_004);
        assert.equal(result.filter(r => !r.includes('unused-value')).length, 0, result.slice(0, 3).join('\n'));
    });

    it('unbalanced braces and stray tokens are syntax errors, never a crash', async () => {
        for (const text of ['ecosystem E customer C {{{{', 'ecosystem E }}}} -> : via', 'ecosystem', 'ecosystem E exchange -> -> ->',
            'ecosystem E journey J for { step }', 'ecosystem E view V { include }', '"', '/*', 'ecosystem E value V "l"']) {
            const result = await diagnose(text);
            assert.ok(result.some(r => r.startsWith('error syntax')), `${JSON.stringify(text)}: ${result.join(', ')}`);
        }
    });

    it('keeps the language keywords out of names, with a located error', async () => {
        const text = 'ecosystem E\ncustomer value { }\n';
        const result = await diagnose(text);
        assert.ok(result.some(r => r.startsWith(`error syntax ${rangeOf(text, 'value')}`)), result.join('\n'));
    });
});
