import assert from 'node:assert/strict';
import { TestWorkspace, at, diagnose, messageOf } from './helpers.js';

/** A clean base model; each case adds to it so that exactly the diagnostic under test appears. */
const base = `ecosystem Base
customer Client { seeks Service }
organization Firm { seeks Fee }
value Service "Service" service
value Fee "Fee" money
touchpoint Desk { channel phone  owner Firm }
exchange Deal {
  Firm -> Client : Service via Desk
  Client -> Firm : Fee
}
`;

interface Case {
    readonly title: string;
    readonly text: string;
    /** [snippet, occurrence] of each expected diagnostic of the code under test. */
    readonly at: ReadonlyArray<readonly [string, number]>;
}

function describeCode(code: string, severity: 'error' | 'warning', cases: Case[]): void {
    describe(code, () => {
        for (const c of cases) {
            it(c.title, async () => {
                const expected = c.at.map(([snippet, occurrence]) => at(severity, code, c.text, snippet, occurrence));
                const actual = (await diagnose(c.text)).filter(d => d.split(' ')[1] === code);
                assert.deepEqual(actual, expected);
            });
        }
    });
}

describe('checks', () => {
    it('the base model used below is clean', async () => {
        assert.deepEqual(await diagnose(base), []);
    });

    describeCode('duplicate-name', 'error', [
        { title: 'reports each of two elements with one name, whatever their kinds', text: base + 'value Client money\n', at: [['Client', 0], ['Client', 3]] },
        { title: 'distinct names are fine', text: base + 'value Other money\n', at: [] },
    ]);

    it('duplicate-name: reported on each file when the duplicates are in different files', async () => {
        const second = 'ecosystem Base\npartner Firm { seeks Fee }\n';
        const workspace = await TestWorkspace.of({ 'a.cxe': base, 'b.cxe': second });
        assert.ok(workspace.found('a.cxe').includes(at('error', 'duplicate-name', base, 'Firm', 0)));
        assert.ok(workspace.found('b.cxe').includes(at('error', 'duplicate-name', second, 'Firm')));
        assert.match(messageOf(workspace.document('b.cxe'), 'duplicate-name'), /a\.cxe:3/);
    });

    describeCode('self-exchange', 'error', [
        { title: 'a flow from an actor to itself, on the flow', text: base + 'exchange Client -> Client : Fee\n', at: [['Client -> Client : Fee', 0]] },
        { title: 'two different actors are fine', text: base + 'exchange Client -> Firm : Fee\n', at: [] },
    ]);

    describeCode('employer-not-organization', 'error', [
        { title: 'an employer that is a customer, on the employer', text: base + 'employee E { employer Client  seeks Fee }\nexchange Firm -> E : Fee\n', at: [['Client', 3]] },
        { title: 'an organization or a partner is fine', text: base + 'partner Agency { seeks Fee }\nemployee E { employer Agency  seeks Fee }\nemployee F { employer Firm  seeks Fee }\nexchange Firm -> E : Fee\nexchange Firm -> F : Fee\nexchange Firm -> Agency : Fee\n', at: [] },
    ]);

    describeCode('journey-not-customer', 'error', [
        { title: "a journey for an organization, on the 'for' name", text: base + 'journey J for Firm { step S at Desk }\n', at: [['Firm', 4]] },
        { title: 'a journey for a customer is fine', text: base + 'journey J for Client { step S at Desk score 3 }\n', at: [] },
    ]);

    describeCode('score-out-of-range', 'error', [
        { title: 'scores 0 and 6, on the score', text: base + 'journey J for Client { step A at Desk score 0\n step B at Desk score 6 }\n', at: [['0', 0], ['6', 0]] },
        { title: 'scores 1 to 5 are fine', text: base + 'journey J for Client { step A at Desk score 1\n step B at Desk score 5 }\n', at: [] },
    ]);

    describeCode('no-declared-value', 'warning', [
        { title: 'an actor that seeks nothing and receives nothing, even if it gives', text: base + 'partner Idle\nexchange Idle -> Client : Service\n', at: [['Idle', 0]] },
        { title: 'receiving something is a declared value', text: base + 'partner Taker\nexchange Client -> Taker : Fee\n', at: [] },
        { title: 'organizations are exempt', text: base + 'organization Other\n', at: [] },
    ]);

    describeCode('unmet-need', 'warning', [
        { title: 'organizations are held to the other value rules', text: base.replace('seeks Fee }', 'seeks Fee, Service }'), at: [['Service', 1]] },
    ]);

    describeCode('isolated-actor', 'warning', [
        { title: 'an actor that seeks something but is in no flow', text: base + 'thirdparty Press { seeks Fee }\n', at: [['Press', 0]] },
        { title: 'taking part in a flow is enough to not be isolated', text: base + 'thirdparty Press { seeks Fee }\nexchange Firm -> Press : Fee\n', at: [] },
    ]);

    describeCode('unreciprocated', 'warning', [
        { title: 'an actor that gives but receives nothing', text: base + 'partner Helper { seeks Fee }\nexchange Helper -> Client : Service\n', at: [['Helper', 0]] },
        { title: 'an actor that gives and receives is fine', text: base + 'partner Helper { seeks Fee }\nexchange Helper -> Client : Service\nexchange Firm -> Helper : Fee\n', at: [] },
    ]);

    describeCode('unmet-need', 'warning', [
        { title: 'one per sought value object no flow gives, on the seeks item', text: base + 'partner Agent { seeks Fee, Service, "Respect" }\nexchange Client -> Agent : Fee\n', at: [['Service', -1]] },
        { title: 'free-text needs are not checked', text: base + 'partner Agent { seeks Fee, "Respect" }\nexchange Client -> Agent : Fee\n', at: [] },
    ]);

    it('value rules do not pile up: one warning per actor, in order of precedence', async () => {
        const text = base + 'partner Alpha\nexchange Alpha -> Client : Service\npartner Beta { seeks Fee }\n'
            + 'partner Gamma { seeks Fee, Service }\nexchange Gamma -> Client : Service\n';
        const valueRules = new Set(['no-declared-value', 'isolated-actor', 'unreciprocated', 'unmet-need']);
        const actual = (await diagnose(text)).filter(d => valueRules.has(d.split(' ')[1]));
        assert.deepEqual(actual, [
            at('warning', 'no-declared-value', text, 'Alpha'),
            at('warning', 'isolated-actor', text, 'Beta'),
            at('warning', 'unreciprocated', text, 'Gamma'),
        ]);
    });

    describeCode('unused-value', 'warning', [
        { title: 'a value no flow carries and no actor seeks', text: base + 'value Spare "Spare" intangible\n', at: [['Spare', 0]] },
        { title: 'a value only sought is used', text: base + 'value Wish intangible\ncustomer Other { seeks Wish }\nexchange Firm -> Other : Wish\n', at: [] },
    ]);

    describeCode('factor-without-impact', 'warning', [
        { title: 'a factor with no affects', text: base + 'environment Boom { category economic  trend rising }\n', at: [['Boom', 0]] },
        { title: 'a factor that affects something is fine', text: base + 'environment Boom { category economic  affects Client "spends more" }\n', at: [] },
    ]);

    describeCode('unused-touchpoint', 'warning', [
        { title: 'a touchpoint nothing references', text: base + 'touchpoint Kiosk { channel store }\n', at: [['Kiosk', 0]] },
        { title: 'journeys, systems, processes and policies count as references', text: base + 'touchpoint K1\ntouchpoint K2\ntouchpoint K3\ntouchpoint K4\njourney J for Client { step S at K1 score 2 }\nsystem Sy { supports K2 }\nprocess Pr { supports K3 }\npolicy Po { affects K4 }\n', at: [] },
    ]);

    describeCode('backstage-without-target', 'warning', [
        { title: 'a system, a process and a policy with no target', text: base + 'system Crm\nprocess Billing { owner Firm }\npolicy Refunds { owner Firm }\n', at: [['Crm', 0], ['Billing', 0], ['Refunds', 0]] },
        { title: 'with targets they are fine', text: base + 'system Crm { supports Desk }\nprocess Billing { supports Deal }\npolicy Refunds { affects Client }\n', at: [] },
    ]);

    describeCode('no-customer', 'warning', [
        { title: 'an ecosystem with no customer, on the header', text: 'ecosystem Lonely\norganization Firm\n', at: [['Lonely', 0]] },
        { title: 'one customer is enough', text: base, at: [] },
    ]);

    it('no-customer: reported on the header of each file of the ecosystem', async () => {
        const a = 'ecosystem Lonely\norganization Firm\n';
        const b = 'ecosystem Lonely\norganization Other\n';
        const workspace = await TestWorkspace.of({ 'a.cxe': a, 'b.cxe': b });
        assert.deepEqual(workspace.found('a.cxe'), [at('warning', 'no-customer', a, 'Lonely')]);
        assert.deepEqual(workspace.found('b.cxe'), [at('warning', 'no-customer', b, 'Lonely')]);
    });

    describeCode('unresolved-reference', 'error', [
        { title: 'an unknown name, on the name', text: base + 'exchange Client -> Firm : Tip\n', at: [['Tip', 0]] },
        { title: 'a flow with an unresolved value still counts for the names that resolve', text: base + 'partner Agent { seeks Fee }\nexchange Client -> Agent : Fee, Tip\n', at: [['Tip', 0]] },
    ]);

    it('every diagnostic carries its code as data too, for quick fixes', async () => {
        const workspace = await TestWorkspace.of({ 'a.cxe': base + 'value Spare money\nexchange Client -> Firm : Tip\n' });
        const diagnostics = workspace.document('a.cxe').diagnostics ?? [];
        assert.equal(diagnostics.length, 2);
        for (const diagnostic of diagnostics) {
            assert.equal((diagnostic.data as { code?: string }).code, diagnostic.code);
        }
    });
});
