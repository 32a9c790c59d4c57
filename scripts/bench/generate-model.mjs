// Generates a synthetic, deterministic CXE ecosystem of N actors for benchmarks.
// Standalone: node scripts/bench/generate-model.mjs <N> <out.cxe>
import { writeFileSync } from 'node:fs';

const ACTOR_KINDS = [
    ['customer', 'Customer', 0.4],
    ['employee', 'Employee', 0.25],
    ['partner', 'Partner', 0.15],
    ['organization', 'Org', 0.1],
    ['thirdparty', 'ThirdParty', 0.1],
];
const VALUE_KINDS = ['money', 'product', 'service', 'information', 'intangible'];
const CHANNELS = ['web', 'mobile', 'email', 'phone', 'chat', 'social', 'store', 'event', 'mail', 'field', 'partner', 'other'];
const CATEGORIES = ['economic', 'technological', 'regulatory', 'social', 'competitive', 'environmental'];
const TRENDS = ['rising', 'stable', 'falling'];

/** Mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/**
 * Returns { text, stats } for an ecosystem of n actors (n >= 10): about 2n flows in named exchanges
 * of 2-6 flows, n/5 value objects, n/10 touchpoints, n/50 environment factors, and a few systems,
 * processes, policies and journeys. The model is built to be nearly clean: every actor receives
 * something and seeks only values it receives, and every value and touchpoint is used, except for
 * one spare value per 500 actors (an unused-value warning).
 */
export function generateModel(n, seed = 42) {
    const random = prng(seed);
    const int = (min, max) => min + Math.floor(random() * (max - min + 1));
    const pick = list => list[Math.floor(random() * list.length)];

    // Actors: the kinds in fixed proportions, the first one always an organization.
    const actors = [{ kind: 'organization', name: 'Org1', seeks: new Set() }];
    for (const [kind, prefix, share] of ACTOR_KINDS) {
        const count = Math.round(n * share) - (kind === 'organization' ? 1 : 0);
        for (let i = 1; i <= count; i++) {
            actors.push({ kind, name: `${prefix}${kind === 'organization' ? i + 1 : i}`, seeks: new Set() });
        }
    }
    actors.length = Math.min(actors.length, n);
    const employers = actors.filter(a => a.kind === 'organization' || a.kind === 'partner');
    const owners = actors.filter(a => a.kind === 'organization' || a.kind === 'thirdparty');
    const customers = actors.filter(a => a.kind === 'customer');

    const values = Array.from({ length: Math.max(5, Math.round(n / 5)) }, (_, i) => `Value${i + 1}`);
    const touchpoints = Array.from({ length: Math.max(3, Math.round(n / 10)) }, (_, i) => `Touchpoint${i + 1}`);

    // Flows: the first n give something to each actor in turn, the rest join random pairs; the
    // value and touchpoint counters make sure every value and touchpoint is carried at least once.
    const flows = [];
    let nextTouchpoint = 0;
    for (let i = 0; i < 2 * n; i++) {
        const receiver = i < n ? actors[i % actors.length] : pick(actors);
        let giver = pick(actors);
        while (giver === receiver) {
            giver = pick(actors);
        }
        const carried = [values[i % values.length]];
        if (random() < 0.3) {
            carried.push(pick(values));
        }
        const via = random() < 0.6 ? touchpoints[nextTouchpoint++ % touchpoints.length] : undefined;
        flows.push({ giver, receiver, values: [...new Set(carried)], via });
        if (receiver.seeks.size < 3 && random() < 0.7) {
            receiver.seeks.add(carried[0]);
        }
    }

    const exchanges = [];
    for (let i = 0; i < flows.length;) {
        const size = int(2, 6);
        exchanges.push({ name: `Exchange${exchanges.length + 1}`, flows: flows.slice(i, i + size) });
        i += size;
    }

    const out = [];
    const line = text => out.push(text);
    line('/** A synthetic ecosystem generated for benchmarks (scripts/bench/generate-model.mjs). */');
    line(`ecosystem Synthetic${n} "Synthetic ecosystem of ${n} actors"`);

    line('\n// Actors');
    for (const actor of actors) {
        const clauses = [];
        if (actor.seeks.size > 0) {
            const needs = [...actor.seeks];
            if (random() < 0.2) {
                needs.push('"Less waiting"');
            }
            clauses.push(`seeks ${needs.join(', ')}`);
        }
        if (actor.kind === 'employee') {
            clauses.push(`employer ${pick(employers).name}`);
        }
        if (actor.kind === 'customer') {
            clauses.push(`size ${int(10, 50000)}`);
        }
        if (random() < 0.3) {
            clauses.push(`description "The ${actor.kind} ${actor.name}, as seen by the benchmark."`);
        }
        if (random() < 0.2) {
            clauses.push('tags synthetic, bench');
        }
        const body = clauses.length > 0 ? ` {\n  ${clauses.join('\n  ')}\n}` : '';
        line(`${actor.kind} ${actor.name} "${actor.kind} ${actor.name}"${body}`);
    }

    line('\n// Value objects');
    values.forEach((value, i) => line(`value ${value} "Value object ${i + 1}" ${VALUE_KINDS[i % VALUE_KINDS.length]}`));
    // A few values nothing carries or seeks, so that the model has some warnings (unused-value) to report.
    const spares = Math.max(1, Math.floor(n / 500));
    for (let i = 1; i <= spares; i++) {
        line(`value Spare${i} "Spare value ${i}" intangible`);
    }

    line('\n// Touchpoints');
    touchpoints.forEach((touchpoint, i) =>
        line(`touchpoint ${touchpoint} "Touchpoint ${i + 1}" { channel ${pick(CHANNELS)}  owner ${pick(owners).name} }`));

    line('\n// Value exchanges');
    for (const exchange of exchanges) {
        line(`exchange ${exchange.name} "Exchange ${exchange.name}" {`);
        for (const flow of exchange.flows) {
            line(`  ${flow.giver.name} -> ${flow.receiver.name} : ${flow.values.join(', ')}${flow.via ? ` via ${flow.via}` : ''}`);
        }
        line('}');
    }

    line('\n// Operating environment');
    const factorTargets = () => pick([actors.map(a => a.name), exchanges.map(e => e.name), values, touchpoints]);
    const factorCount = Math.max(1, Math.round(n / 50));
    for (let i = 1; i <= factorCount; i++) {
        line(`environment Factor${i} "Environment factor ${i}" {`);
        line(`  category ${pick(CATEGORIES)}`);
        line(`  trend ${pick(TRENDS)}`);
        for (let j = int(1, 3); j > 0; j--) {
            line(`  affects ${pick(factorTargets())}${random() < 0.5 ? ' "changes what they value"' : ''}`);
        }
        line('}');
    }

    line('\n// Behind the scenes');
    const backstage = 2 + Math.floor(n / 250);
    for (let i = 1; i <= backstage; i++) {
        line(`system System${i} "System ${i}" { owner ${pick(owners).name}  supports ${pick(touchpoints)}, ${pick(exchanges).name} }`);
        line(`process Process${i} "Process ${i}" { owner ${pick(owners).name}  supports ${pick(touchpoints)}  uses System${int(1, i)} }`);
        line(`policy Policy${i} "Policy ${i}" { owner ${pick(owners).name}  affects ${pick(actors).name}, Process${i} }`);
    }

    line('\n// Journeys');
    const journeys = Math.max(1, Math.floor(n / 100));
    for (let i = 1; i <= journeys; i++) {
        line(`journey Journey${i} "Journey ${i}" for ${pick(customers).name} {`);
        const steps = int(2, 5);
        for (let j = 1; j <= steps; j++) {
            line(`  step J${i}Step${j} "Step ${j}" at ${pick(touchpoints)} score ${int(1, 5)}`);
        }
        line('}');
    }

    line('\nview Everything "The whole ecosystem" { include *  layout right }');

    return {
        text: out.join('\n') + '\n',
        stats: { actors: actors.length, flows: flows.length, exchanges: exchanges.length, values: values.length + spares, touchpoints: touchpoints.length, factors: factorCount },
    };
}

if (import.meta.main) {
    const [size, file] = process.argv.slice(2);
    if (!/^\d+$/.test(size ?? '') || Number(size) < 10 || !file) {
        console.error('usage: node scripts/bench/generate-model.mjs <N (10 or more)> <out.cxe>');
        process.exit(2);
    }
    const { text, stats } = generateModel(Number(size));
    writeFileSync(file, text);
    console.log(`${file}: ${text.length} characters`, stats);
}
