import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { diagnosticCodes, parseSettings, ruleOf } from '../src/index.js';
import { repoRoot, settingsDir } from './shared-design.js';

/** The JSON Schema the extension contributes for cxe.config.json (completion, hover, errors in the editor). */
const schemaFile = path.join(repoRoot, 'packages/extension/schemas/cxe.config.schema.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { definitions: { rules: { properties: Record<string, unknown> } } };

describe('the JSON Schema of cxe.config.json', () => {
    const validate = new Ajv({ allErrors: true, keywords: ['markdownDescription'] }).compile(schema);

    it('names exactly the codes settings may change', () => {
        assert.deepEqual(Object.keys(schema.definitions.rules.properties).sort(), diagnosticCodes.filter(code => ruleOf(code).configurable).sort());
    });

    it('the extension contributes it for every cxe.config.json', () => {
        const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'packages/extension/package.json'), 'utf8')) as { contributes: { jsonValidation: Array<{ fileMatch: string; url: string }> } };
        assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: 'cxe.config.json', url: './schemas/cxe.config.schema.json' }]);
    });

    const samples: Array<[string, unknown]> = [
        ['{}', {}],
        ['the shared settings file', JSON.parse(readFileSync(path.join(settingsDir, 'configured/cxe.config.json'), 'utf8'))],
        ['an unknown code', { rules: { 'unmet-needs': 'error' } }],
        ['a bad level', { rules: { 'unmet-need': 'loud' } }],
        ['a fixed rule', { rules: { 'duplicate-name': 'off' } }],
        ['an override without files', { overrides: [{ rules: {} }] }],
        ['an empty files list', { overrides: [{ files: [], rules: {} }] }],
        ['an unknown setting', { rule: {} }],
    ];
    for (const [name, sample] of samples) {
        it(`agrees with the settings reader on ${name}`, () => {
            const readerAccepts = parseSettings(JSON.stringify(sample)).problems.length === 0;
            assert.equal(validate(sample), readerAccepts, JSON.stringify(validate.errors));
        });
    }
});
