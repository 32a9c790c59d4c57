import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { renderMarkdownReport } from '../../src/index.js';
import { servicesFor } from '../diagram/diagram-helpers.js';
import { traceDir } from '../shared-design.js';

const traceModels = Object.fromEntries(readdirSync(traceDir).filter(name => name.endsWith('.cxe')).map(name => [name, readFileSync(path.join(traceDir, name), 'utf8')]));

/** The lines of one `## heading` section of a report. */
function section(report: string, heading: string): string[] {
    const lines = report.split('\n');
    const start = lines.indexOf(`## ${heading}`);
    assert.ok(start >= 0, `no section ${heading}`);
    const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
    return lines.slice(start + 1, end < 0 ? undefined : end).filter(Boolean);
}

describe('report: pain points and environment ripples', () => {
    it('lists every step scored 1 or 2 with the root causes behind its touchpoint by kind, nearest first, and calls out the unexplained', async () => {
        const model = (await servicesFor(traceModels)).workspace.EcosystemModels.modelOf('Installs');
        const lines = section(renderMarkdownReport(model, [], [], []), 'Pain points and what is behind them');
        assert.deepEqual(lines.filter(line => line.startsWith('| Getting installed')), [
            "| Getting installed | Technician visits | 1 | Technician's visit | Scheduling system, Workforce app | Daily dispatch | Paid per completed job, No drilling through walls | Move to fibre |",
            '| Getting installed | Calls to complain | 2 | Call centre |  |  | Credit only when the customer asks | Compensation rules |',
            '| Getting installed | Reads a confusing first bill | 2 | Monthly bill | **nothing modelled behind it** | | | |',
        ]);
        assert.match(lines.at(-1)!, /^\*\*Nothing is behind 1 painful step:\*\* Reads a confusing first bill \(Getting installed, at Monthly bill\)\./);
    });

    it('lists, for each environment factor, the touchpoints and journeys it reaches', async () => {
        const model = (await servicesFor(traceModels)).workspace.EcosystemModels.modelOf('Installs');
        const lines = section(renderMarkdownReport(model, [], [], []), 'Environment ripples');
        assert.deepEqual(lines.slice(-2), [
            "| Move to fibre | Technician's visit | Getting installed |",
            '| Compensation rules | Call centre | Getting installed |',
        ]);
    });

    it('says so when no step is painful, and leaves the sections out when there are no journeys or factors', async () => {
        const calm = (await servicesFor({ 'a.cxe': 'ecosystem A\ncustomer C\ntouchpoint T\njourney J for C { step S at T score 4 }\n' }))
            .workspace.EcosystemModels.modelOf('A');
        const report = renderMarkdownReport(calm, [], [], []);
        assert.deepEqual(section(report, 'Pain points and what is behind them'), ['No journey step is scored 1 or 2.']);
        assert.doesNotMatch(report, /## Environment ripples/);
        const bare = (await servicesFor({ 'b.cxe': 'ecosystem B\ncustomer C\n' })).workspace.EcosystemModels.modelOf('B');
        assert.doesNotMatch(renderMarkdownReport(bare, [], [], []), /## Pain points/);
    });
});
