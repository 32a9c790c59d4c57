import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as sarif from 'sarif';
import { type DiagnosticCode, diagnosticCodes, docsUrlOf } from '@cxe/language';
import { escapeData, escapeProperty } from '../src/format/github.js';
import { cxe, folderWith, json } from './run-cxe.js';

const model = 'ecosystem Shop\ncustomer Buyer { seeks Goods }\norganization Maker { seeks Cash }\n'
    + 'value Goods product\nvalue Cash money\nvalue Spare money\nexchange Maker -> Buyer : Goods\nexchange Buyer -> Maker : Cash, Tip\n';

/** A repository (a folder with .git) holding the model in a subfolder, validated from its root. */
function repository(text: string): string {
    const root = folderWith({ 'models/shop.cxe': text });
    mkdirSync(path.join(root, '.git'));
    return root;
}

function sarifOf(root: string, cwd = root, target = 'models'): sarif.Log {
    const run = cxe(['validate', target, '--format', 'sarif'], cwd);
    assert.equal(run.status, 1, run.stderr);
    return JSON.parse(run.stdout) as sarif.Log;
}

describe('cxe validate --format sarif', () => {
    const root = repository(model);
    const log = sarifOf(root);
    const [run] = log.runs;

    it("passes Microsoft's SARIF Multitool with the SARIF and GitHub rules: no errors", function () {
        this.timeout(180_000);
        const file = path.join(root, 'cxe.sarif');
        const out = path.join(root, 'validation.sarif');
        writeFileSync(file, JSON.stringify(log));
        // The package's own bin passes its arguments through a shell, which splits "Sarif;Gh": call the binary.
        const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
        const result = spawnSync(multitool, ['validate', '--rule-kind', 'Sarif;Gh', file, '-o', out], { encoding: 'utf8', timeout: 120_000 });
        assert.equal(result.status, 0, result.stdout + result.stderr);
        const findings = (JSON.parse(readFileSync(out, 'utf8')) as sarif.Log).runs[0].results ?? [];
        assert.deepEqual(findings.filter(f => f.level === 'error').map(f => `${f.ruleId}: ${f.message.text ?? f.message.id}`), []);
        assert.deepEqual(findings.map(f => f.ruleId), [], 'no warnings either');
    });

    it('lists every rule of the registry with descriptions and a documentation link', () => {
        const rules = run.tool.driver.rules ?? [];
        assert.deepEqual(rules.map(rule => rule.id), diagnosticCodes);
        for (const rule of rules) {
            assert.ok(rule.shortDescription?.text && rule.fullDescription?.text && rule.help?.text, rule.id);
            assert.equal(rule.helpUri, docsUrlOf(rule.id as DiagnosticCode));
        }
    });

    it('has one result per diagnostic, located relative to the repository', () => {
        const report = json(cxe(['validate', 'models', '--format', 'json'], root));
        const results = run.results ?? [];
        assert.deepEqual(results.map(r => [r.ruleId, r.level, r.locations?.[0].physicalLocation?.artifactLocation?.uri, r.locations?.[0].physicalLocation?.region?.startLine]),
            report.diagnostics.map(d => [d.code, d.severity === 'info' ? 'note' : d.severity, 'models/shop.cxe', d.line]));
        assert.ok(results.every(r => r.ruleIndex !== undefined && run.tool.driver.rules![r.ruleIndex].id === r.ruleId));
        // From a subfolder, the URI is still relative to the repository root.
        const fromBelow = sarifOf(root, path.join(root, 'models'), 'shop.cxe');
        assert.equal(fromBelow.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri, 'models/shop.cxe');
    });

    it('keeps fingerprints when lines are inserted above, and gives each result its own', () => {
        const fingerprints = (l: sarif.Log) => (l.runs[0].results ?? []).map(r => r.partialFingerprints?.['cxe/v1']);
        const moved = sarifOf(repository(model.replace('\n', '\n\n// a comment\n\n')));
        assert.deepEqual(fingerprints(moved), fingerprints(log));
        assert.equal(new Set(fingerprints(log)).size, fingerprints(log).length);
    });

    it('is byte-identical on every run', () => {
        assert.equal(cxe(['validate', 'models', '--format', 'sarif'], root).stdout, cxe(['validate', 'models', '--format', 'sarif'], root).stdout);
    });
});

describe('cxe validate --format github', () => {
    it('writes one workflow-command annotation per diagnostic, then the summary', () => {
        const root = folderWith({ 'a,b:c.cxe': model });
        const run = cxe(['validate', '.', '--format', 'github'], root);
        assert.equal(run.status, 1);
        const lines = run.stdout.trimEnd().split('\n');
        assert.equal(lines[0], '::warning file=a%2Cb%3Ac.cxe,line=6,endLine=6,col=7,endColumn=12,title=cxe unused-value::'
            + "Value object 'Spare' is neither carried by a flow nor sought by an actor. Use it in a flow or a seeks clause, or remove it.");
        assert.match(lines[1], /^::error file=a%2Cb%3Ac\.cxe,line=8,endLine=8,col=33,endColumn=36,title=cxe unresolved-reference::No value object named 'Tip'/);
        assert.equal(lines.at(-1), '1 file checked: 1 error, 1 warning.');
    });

    it('escapes messages and properties as the runner unescapes them', () => {
        assert.equal(escapeData('100% sure\r\nnext'), '100%25 sure%0D%0Anext');
        assert.equal(escapeProperty('a:b,c%d\n'), 'a%3Ab%2Cc%25d%0A');
    });
});
