// Generates a seeded, deterministic workspace of ecosystems split over many files, as a large company
// keeps them: about 20 actors, 4 value objects, 2 touchpoints and 40 flows per file, with about 70 %
// of the references naming an element declared in another file of the same ecosystem.
// Standalone: node scripts/bench/multi-file-workspace.mjs --files F [--ecosystems E] [--seed S] --out DIR
// writes DIR/<ecosystem>/file-NNNN.cxe (F files per ecosystem) and prints the counts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { prng } from './generate-model.mjs';

export const ACTORS_PER_FILE = 20;
export const FLOWS_PER_FILE = 40;
const VALUES_PER_FILE = 4;
const TOUCHPOINTS_PER_FILE = 2;
/** The share of the references that cross files. */
const CROSSING = 0.7;
const KINDS = ['customer', 'customer', 'customer', 'customer', 'customer', 'customer', 'customer', 'customer',
    'employee', 'employee', 'employee', 'employee', 'employee', 'partner', 'partner', 'partner', 'organization', 'organization', 'thirdparty', 'thirdparty'];

/**
 * Returns { files: [{ path, text }], stats } for `ecosystems` ecosystems of `files` files each.
 * Paths are relative (`<ecosystem>/file-NNNN.cxe`). Every actor receives something and seeks one of
 * the values it receives, every value and touchpoint is used: the workspace is clean, so that the
 * diagnostics a benchmark sees are the ones its edits cause.
 */
export function generateWorkspace({ files, ecosystems = 1, seed = 42 }) {
    const random = prng(seed);
    const out = [];
    let flowCount = 0;
    for (let e = 1; e <= ecosystems; e++) {
        const ecosystem = ecosystems === 1 ? 'Company' : `Company${e}`;
        const generated = generateEcosystem(ecosystem, files, random);
        flowCount += generated.flows;
        out.push(...generated.files);
    }
    return {
        files: out,
        stats: { ecosystems, files: out.length, actors: out.length * ACTORS_PER_FILE, flows: flowCount, bytes: out.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0) },
    };
}

/** The names a file declares, by file number `f` (1-based, padded so that URI order is file order). */
export function fileNames(f) {
    const tag = `F${f}`;
    return {
        actors: Array.from({ length: ACTORS_PER_FILE }, (_, i) => `Actor${tag}x${i + 1}`),
        values: Array.from({ length: VALUES_PER_FILE }, (_, i) => `Value${tag}x${i + 1}`),
        touchpoints: Array.from({ length: TOUCHPOINTS_PER_FILE }, (_, i) => `Touchpoint${tag}x${i + 1}`),
    };
}

export function filePath(ecosystem, f) {
    return `${ecosystem}/file-${String(f).padStart(4, '0')}.cxe`;
}

function generateEcosystem(ecosystem, count, random) {
    const pick = list => list[Math.floor(random() * list.length)];
    const names = Array.from({ length: count }, (_, i) => fileNames(i + 1));
    const other = f => (count === 1 ? f : (f + 1 + Math.floor(random() * (count - 1))) % count);
    const next = f => (f + 1) % count;
    /** A file to take a reference from: another file with the crossing share, else this one. */
    const source = f => (random() < CROSSING ? other(f) : f);

    const flows = Array.from({ length: count }, () => []);
    const receives = new Map();
    for (let f = 0; f < count; f++) {
        for (let i = 0; i < FLOWS_PER_FILE; i++) {
            // The first 20 flows give to each actor of the ecosystem once: 14 of them to actors of the
            // next file, 6 to this file's (the crossing share); the first 4 carry each value of the
            // next file or this one once, and the next 2 each touchpoint once.
            const receiver = i < ACTORS_PER_FILE ? names[i < 14 ? next(f) : f].actors[i] : pick(names[source(f)].actors);
            let giver = pick(names[source(f)].actors);
            while (giver === receiver) {
                giver = pick(names[source(f)].actors);
            }
            const value = i < VALUES_PER_FILE ? names[i < 3 ? next(f) : f].values[i] : pick(names[source(f)].values);
            const via = i >= VALUES_PER_FILE && i < VALUES_PER_FILE + TOUCHPOINTS_PER_FILE
                ? names[i === VALUES_PER_FILE ? next(f) : f].touchpoints[i - VALUES_PER_FILE]
                : random() < 0.5 ? pick(names[source(f)].touchpoints) : undefined;
            flows[f].push({ giver, receiver, value, via });
            if (!receives.has(receiver)) {
                receives.set(receiver, value);
            }
        }
    }

    const files = [];
    for (let f = 0; f < count; f++) {
        const { actors, values, touchpoints } = names[f];
        const lines = [`/** File ${f + 1} of ${count} of ${ecosystem} (scripts/bench/multi-file-workspace.mjs). */`, `ecosystem ${ecosystem}`, ''];
        actors.forEach((actor, i) => {
            const clauses = [`seeks ${receives.get(actor)}`];
            if (KINDS[i] === 'employee') {
                clauses.push(`employer ${pick(names[source(f)].actors.filter((_, j) => KINDS[j] === 'organization' || KINDS[j] === 'partner'))}`);
            }
            lines.push(`${KINDS[i]} ${actor} "${actor}" { ${clauses.join('  ')} }`);
        });
        lines.push('');
        values.forEach(value => lines.push(`value ${value} "${value}" service`));
        touchpoints.forEach(touchpoint => lines.push(`touchpoint ${touchpoint} "${touchpoint}" { channel web }`));
        lines.push('');
        for (let x = 0; x < FLOWS_PER_FILE / 4; x++) {
            lines.push(`exchange ExchangeF${f + 1}x${x + 1} {`);
            for (const flow of flows[f].slice(4 * x, 4 * x + 4)) {
                lines.push(`  ${flow.giver} -> ${flow.receiver} : ${flow.value}${flow.via ? ` via ${flow.via}` : ''}`);
            }
            lines.push('}');
        }
        files.push({ path: filePath(ecosystem, f + 1), text: lines.join('\n') + '\n' });
    }
    return { files, flows: count * FLOWS_PER_FILE };
}

/** Writes a generated workspace under a folder; returns the absolute paths written. */
export function writeWorkspace(folder, workspace) {
    return workspace.files.map(file => {
        const path = join(folder, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.text);
        return path;
    });
}

if (import.meta.main) {
    const { values } = parseArgs({ options: { files: { type: 'string' }, ecosystems: { type: 'string', default: '1' }, seed: { type: 'string', default: '42' }, out: { type: 'string' } } });
    const [files, ecosystems, seed] = [values.files, values.ecosystems, values.seed].map(Number);
    if (!Number.isInteger(files) || files < 1 || !Number.isInteger(ecosystems) || ecosystems < 1 || !values.out) {
        console.error('usage: node scripts/bench/multi-file-workspace.mjs --files F [--ecosystems E] [--seed S] --out DIR');
        process.exit(2);
    }
    const workspace = generateWorkspace({ files, ecosystems, seed });
    writeWorkspace(values.out, workspace);
    console.log(`${values.out}:`, workspace.stats);
}
