import assert from 'node:assert/strict';
import path from 'node:path';
import { STACK_TRACE, conformanceDir, cxe, folderWith } from './run-cxe.js';

const traceDir = path.resolve(conformanceDir, '../trace');

interface WalkJson {
    version: number;
    ecosystem: string;
    direction: string;
    element: { name: string; kind: string };
    elements: Array<{ name: string; kind: string; label: string; depth: number }>;
    relations: Array<{ from: string; to: string; relation: string }>;
}

describe('cxe trace and cxe impact', () => {
    it('trace --format json follows the documented contract: elements by depth then model order, the relations used', () => {
        const run = cxe(['trace', 'Installs.HomeVisit', traceDir, '--format', 'json', '--depth', '2']);
        assert.equal(run.status, 0, run.stderr);
        const walk = JSON.parse(run.stdout) as WalkJson;
        assert.deepEqual(Object.keys(walk), ['version', 'ecosystem', 'direction', 'element', 'elements', 'relations']);
        assert.deepEqual([walk.version, walk.ecosystem, walk.direction, walk.element], [1, 'Installs', 'trace', { name: 'HomeVisit', kind: 'touchpoint' }]);
        assert.deepEqual(walk.elements.filter(e => e.depth === 1).map(e => e.name), // installs-backstage.cxe comes before installs.cxe (files in path order)
            ['Scheduling', 'Dispatch', 'Cable', 'InHouseTech', 'ContractTech', 'Working', 'Install']);
        assert.deepEqual(walk.elements.find(e => e.name === 'PayPerJob'), { name: 'PayPerJob', kind: 'policy', label: 'Paid per completed job', depth: 2 });
        assert.ok(walk.elements.every((e, i) => i === 0 || walk.elements[i - 1].depth <= e.depth));
        assert.ok(walk.elements.every(e => e.depth <= 2));
        assert.deepEqual(walk.relations.filter(r => r.from === 'PayPerJob'), [{ from: 'PayPerJob', to: 'ContractTech', relation: 'affects' }]);
        const names = new Set(['HomeVisit', ...walk.elements.map(e => e.name)]);
        assert.ok(walk.relations.every(r => names.has(r.from) && names.has(r.to)));
    });

    it('trace as text reads as an explanation, grouped by depth', () => {
        const run = cxe(['trace', 'Installs.HomeVisit', traceDir]);
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stdout, /^depth 2:\n(.*\n)*  policy PayPerJob "Paid per completed job" affects ContractTech\n/m);
        assert.match(run.stdout, /^depth 1 \(direct\):\n(.*\n)*  organization Cable "Cable company" runs HomeVisit\n/m);
        // installs.cxe has one unresolved reference: the walk still answers, and says so on stderr.
        assert.match(run.stderr, /1 error/);
    });

    it('impact walks the other way', () => {
        const run = cxe(['impact', 'Installs.FibreShift', traceDir, '-f', 'json']);
        const walk = JSON.parse(run.stdout) as WalkJson;
        assert.deepEqual(walk.elements.map(e => `${e.name}@${e.depth}`), ['ContractTech@1', 'HomeVisit@2', 'GettingInstalled@3']);
        assert.deepEqual(walk.relations.map(r => r.relation), ['affects', 'delivers', 'hosts']);
    });

    it('an element in several ecosystems, or in none, is a usage error naming the candidates or the closest names', () => {
        const ambiguous = cxe(['impact', 'FibreShift', traceDir]);
        assert.equal(ambiguous.status, 2);
        assert.equal(ambiguous.stdout, '');
        assert.match(ambiguous.stderr, /Elsewhere\.FibreShift, Installs\.FibreShift/);
        const misspelt = cxe(['trace', 'GetingInstaled', traceDir]);
        assert.equal(misspelt.status, 2);
        assert.match(misspelt.stderr, /closest: Installs\.GettingInstalled/);
        const noEcosystem = cxe(['trace', 'Nowhere.Visit', traceDir]);
        assert.equal(noEcosystem.status, 2);
        assert.match(noEcosystem.stderr, /no ecosystem named 'Nowhere'; loaded: Elsewhere, Installs/);
        for (const run of [ambiguous, misspelt, noEcosystem]) {
            assert.doesNotMatch(run.stderr, STACK_TRACE);
        }
    });

    it('a view is not an element to walk from, and --depth must be 1 or more', () => {
        const folder = folderWith({ 'a.cxe': 'ecosystem A\ntouchpoint T\nview V { trace T }\n' });
        assert.equal(cxe(['trace', 'V', folder]).status, 2);
        const depth = cxe(['trace', 'T', folder, '--depth', '0']);
        assert.equal(depth.status, 2);
        assert.match(depth.stderr, /1 or more/);
        const none = cxe(['trace', 'T', folder]);
        assert.equal(none.status, 0);
        assert.match(none.stdout, /: 0 elements\.\nNothing in the model shapes it\.\n$/);
    });
});
