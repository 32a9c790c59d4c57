import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { type AstNode, AstUtils, type LangiumDocument } from 'langium';
import type { RelationEdge } from '../src/index.js';
import { TestWorkspace } from './helpers.js';

/**
 * After an edit the builder links, checks and validates again only what the edit can change (see
 * CxeDocumentBuilder), and the model's indexes are updated from the parts that changed. Whatever the
 * sequence of edits, deletes and renames across files, every document's diagnostics, the reference
 * index and each ecosystem's relation index must equal those of a fresh build of the same texts.
 */

const ACTORS = ['Ann', 'Bob', 'Cy', 'Dee'];
const VALUES = ['Cash', 'Help', 'Data'];
const TOUCHPOINTS = ['Web', 'Desk'];
const KINDS = ['customer', 'employee', 'partner', 'organization', 'thirdparty'];
const WORDS = ['one', 'two', 'three'];

type Spec = { ecosystem?: string; elements: Element[] };
type Element =
    | { type: 'actor'; kind: string; name: string; label: string; seeks?: string; employer?: string }
    | { type: 'value'; name: string; label: string }
    | { type: 'touchpoint'; name: string; owner?: string }
    | { type: 'exchange'; name: string; flows: Array<{ giver: string; receiver: string; values: string[]; via?: string }> }
    | { type: 'journey'; name: string; customer: string; touchpoint: string; score: number }
    | { type: 'system'; name: string; supports: string }
    | { type: 'process'; name: string; supports: string; uses: string }
    | { type: 'policy'; name: string; affects: string };

const name = (pool: string[]) => fc.constantFrom(...pool);
const label = fc.constantFrom(...WORDS);
const element: fc.Arbitrary<Element> = fc.oneof(
    fc.record({ type: fc.constant('actor' as const), kind: fc.constantFrom(...KINDS), name: name(ACTORS), label, seeks: fc.option(name(VALUES), { nil: undefined }), employer: fc.option(name(ACTORS), { nil: undefined }) }),
    fc.record({ type: fc.constant('value' as const), name: name(VALUES), label }),
    fc.record({ type: fc.constant('touchpoint' as const), name: name(TOUCHPOINTS), owner: fc.option(name(ACTORS), { nil: undefined }) }),
    fc.record({
        type: fc.constant('exchange' as const), name: fc.constantFrom('X1', 'X2'),
        flows: fc.array(fc.record({ giver: name(ACTORS), receiver: name(ACTORS), values: fc.array(name(VALUES), { minLength: 1, maxLength: 2 }), via: fc.option(name(TOUCHPOINTS), { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ type: fc.constant('journey' as const), name: fc.constant('Trip'), customer: name(ACTORS), touchpoint: name(TOUCHPOINTS), score: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ type: fc.constant('system' as const), name: fc.constant('Crm'), supports: name([...TOUCHPOINTS, 'X1']) }),
    fc.record({ type: fc.constant('process' as const), name: fc.constant('Pay'), supports: name([...TOUCHPOINTS, 'X1']), uses: name(['Crm', 'Pay']) }),
    fc.record({ type: fc.constant('policy' as const), name: fc.constant('Rule'), affects: name(['Pay', 'Crm', ...TOUCHPOINTS]) }),
);
const spec: fc.Arbitrary<Spec> = fc.record({ ecosystem: fc.option(fc.constantFrom('Shop', 'Shop', 'Bank'), { nil: undefined }), elements: fc.array(element, { maxLength: 5 }) });

function textOf(file: Spec): string {
    const lines = file.ecosystem ? [`ecosystem ${file.ecosystem}`] : [];
    for (const e of file.elements) {
        switch (e.type) {
            case 'actor':
                lines.push(`${e.kind} ${e.name} "${e.label}" {${e.seeks ? ` seeks ${e.seeks}` : ''}${e.employer ? ` employer ${e.employer}` : ''} }`);
                break;
            case 'value':
                lines.push(`value ${e.name} "${e.label}" money`);
                break;
            case 'touchpoint':
                lines.push(`touchpoint ${e.name} "${e.name}" { channel web${e.owner ? ` owner ${e.owner}` : ''} }`);
                break;
            case 'exchange':
                lines.push(`exchange ${e.name} {`, ...e.flows.map(f => `  ${f.giver} -> ${f.receiver} : ${f.values.join(', ')}${f.via ? ` via ${f.via}` : ''}`), '}');
                break;
            case 'journey':
                lines.push(`journey ${e.name} "trip" for ${e.customer} {`, `  step Go "go" at ${e.touchpoint} score ${e.score}`, '}');
                break;
            case 'system':
                lines.push(`system ${e.name} "crm" { supports ${e.supports} }`);
                break;
            case 'process':
                lines.push(`process ${e.name} "pay" { supports ${e.supports}  uses ${e.uses} }`);
                break;
            case 'policy':
                lines.push(`policy ${e.name} "rule" { affects ${e.affects} }`);
                break;
        }
    }
    return lines.join('\n') + '\n';
}

/** An edit that keeps every element's kind, name and place: the cheapest path of the builder. */
function relabelled(file: Spec, word: string): Spec {
    return { ...file, elements: file.elements.map(e => (e.type === 'actor' || e.type === 'value' ? { ...e, label: word } : e)) };
}

/** Another body-only edit, which changes what other files' checks see: every actor becomes a `kind`. */
function rekinded(file: Spec, kind: string): Spec {
    return { ...file, elements: file.elements.map(e => (e.type === 'actor' ? { ...e, kind } : e)) };
}

const FILES = ['a.cxe', 'b.cxe', 'c.cxe', 'sub/d.cxe'];
type Operation =
    | { op: 'write'; file: number; spec: Spec }
    | { op: 'delete'; file: number }
    | { op: 'relabel'; file: number; word: string }
    | { op: 'rekind'; file: number; kind: string }
    | { op: 'rename'; file: number; from: number; to: string }
    | { op: 'prepend'; file: number; element: Element };
const operation: fc.Arbitrary<Operation> = fc.oneof(
    fc.record({ op: fc.constant('write' as const), file: fc.nat(FILES.length - 1), spec }),
    fc.record({ op: fc.constant('delete' as const), file: fc.nat(FILES.length - 1) }),
    fc.record({ op: fc.constant('relabel' as const), file: fc.nat(FILES.length - 1), word: label }),
    fc.record({ op: fc.constant('rekind' as const), file: fc.nat(FILES.length - 1), kind: fc.constantFrom(...KINDS) }),
    fc.record({ op: fc.constant('rename' as const), file: fc.nat(FILES.length - 1), from: fc.nat(4), to: fc.constantFrom(...ACTORS, ...VALUES, ...TOUCHPOINTS) }),
    fc.record({ op: fc.constant('prepend' as const), file: fc.nat(FILES.length - 1), element }),
);

/** Every diagnostic as the user sees it, in the order published. */
function diagnosticsOf(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(d => `${d.severity} ${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
}

/** Where each top-level element of a file is referenced, as the reference index (find references, rename) has it. */
function referencesTo(workspace: TestWorkspace, file: string): string[][] {
    const index = workspace.services.shared.workspace.IndexManager;
    return workspace.model(file).elements.map((element, i) => index.findAllReferences(element, `/elements@${i}`)
        .map(reference => `${reference.sourceUri.path}${reference.sourcePath} ${reference.segment.offset}`).toArray().sort());
}

/**
 * An ecosystem's relation index as text: every edge once, then each element's edges in and out, in
 * the index's order, and the elements in the index's model order.
 */
function relationsIn(workspace: TestWorkspace, ecosystem: string): string[] {
    const model = workspace.services.Cxe.workspace.EcosystemModels.modelOf(ecosystem);
    const index = model.relations;
    const id = (element: AstNode) => `${AstUtils.getDocument(element).uri.path}#${element.$containerIndex}`;
    const edge = ({ from, relation, to }: RelationEdge) => `${id(from)} ${relation} ${id(to)}`;
    const ordered = [...model.elements].sort((a, b) => index.orderOf(a) - index.orderOf(b));
    return [...index.edges.map(edge), ...ordered.flatMap(element => [`${id(element)} <- ${index.into(element).map(edge)}`, `${id(element)} -> ${index.outOf(element).map(edge)}`])];
}

async function assertSameAsFreshBuild(workspace: TestWorkspace, files: Map<string, Spec>, step: string): Promise<void> {
    const texts = Object.fromEntries([...files].map(([file, s]) => [file, textOf(s)]));
    const fresh = await TestWorkspace.of(texts);
    for (const file of files.keys()) {
        const context = `${file} after ${step}\n${JSON.stringify(texts, undefined, 1)}`;
        assert.deepEqual(diagnosticsOf(workspace.document(file)), diagnosticsOf(fresh.document(file)), context);
        assert.deepEqual(referencesTo(workspace, file), referencesTo(fresh, file), `references into ${context}`);
    }
    for (const ecosystem of ['Shop', 'Bank']) {
        assert.deepEqual(relationsIn(workspace, ecosystem), relationsIn(fresh, ecosystem), `relations of ${ecosystem} after ${step}\n${JSON.stringify(texts, undefined, 1)}`);
    }
}

describe('incremental builds', function () {
    this.timeout(120_000);

    it('after any edits, deletes and renames across files, the diagnostics equal a fresh build of the same texts (seeded)', async () => {
        await fc.assert(fc.asyncProperty(fc.array(spec, { minLength: FILES.length, maxLength: FILES.length }), fc.array(operation, { minLength: 1, maxLength: 8 }), async (initial, operations) => {
            const files = new Map(initial.map((s, i) => [FILES[i], s]));
            const workspace = await TestWorkspace.of(Object.fromEntries([...files].map(([file, s]) => [file, textOf(s)])));
            for (const [i, operation] of operations.entries()) {
                const file = FILES[operation.file];
                const current = files.get(file);
                let next: Spec | undefined;
                switch (operation.op) {
                    case 'write':
                        next = operation.spec;
                        break;
                    case 'delete':
                        next = undefined;
                        break;
                    case 'relabel':
                        next = current && relabelled(current, operation.word);
                        break;
                    case 'rekind':
                        next = current && rekinded(current, operation.kind);
                        break;
                    case 'prepend':
                        next = current && { ...current, elements: [operation.element, ...current.elements] };
                        break;
                    case 'rename': {
                        const target = current?.elements[operation.from];
                        next = current && target ? { ...current, elements: current.elements.map(e => (e === target ? { ...e, name: operation.to } : e)) } : current;
                        break;
                    }
                }
                if (next) {
                    files.set(file, next);
                    await workspace.change(file, textOf(next));
                } else if (current) {
                    files.delete(file);
                    await workspace.remove(file);
                }
                await assertSameAsFreshBuild(workspace, files, `operation ${i + 1} (${operation.op} ${file})`);
            }
        }), { seed: Number(process.env.CXE_PROPERTY_SEED ?? 20261123), numRuns: 80 });
    });

    it('typing into a label keeps the others linked: only the edited document is validated again', async () => {
        const workspace = await TestWorkspace.of({
            'a.cxe': 'ecosystem Shop\ncustomer Ann "Ann" { seeks Cash }\n',
            'b.cxe': 'ecosystem Shop\npartner Bob "Bob" { seeks Cash }\nvalue Cash "cash" money\nexchange X { Bob -> Ann : Cash\n Ann -> Bob : Cash }\n',
        });
        const other = workspace.document('b.cxe');
        const diagnostics = other.diagnostics;
        await workspace.change('a.cxe', 'ecosystem Shop\ncustomer Ann "Annie" { seeks Cash }\n');
        assert.equal(workspace.document('b.cxe').diagnostics, diagnostics, 'b.cxe was not validated again');
        const flow = workspace.model('b.cxe').elements.find(e => e.$type === 'Exchange');
        const receiver = (flow as unknown as { flows: Array<{ receiver: { ref: unknown } }> }).flows[0].receiver.ref;
        assert.equal(receiver, workspace.model('a.cxe').elements[0], 'the reference names the new Ann');
    });
});
