// Whole-process figures at scale (issue 11): cxe validate and cxe generate on ecosystems split over
// many files, cxe generate of many ecosystems on one thread and on all cores, PNG output of the
// largest views, and cxe validate of one file of 200,000 actors. Called by scripts/bench.mjs.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { generateModel } from './generate-model.mjs';
import { generateWorkspace, writeWorkspace } from './multi-file-workspace.mjs';

const FILE_COUNTS = [10, 100, 1000];
const MANY = { ecosystems: 50, files: 20 };
const PNG_ACTORS = [300, 580];
const HUGE_ACTORS = 200_000;

/** Whether two folders hold the same files with the same bytes. */
function sameFiles(a, b) {
    const names = readdirSync(a).sort();
    return names.join('\n') === readdirSync(b).sort().join('\n')
        && names.every(name => readFileSync(join(a, name)).equals(readFileSync(join(b, name))));
}

/**
 * `timeProcesses(commands)` times commands with warm-up and medians; `runOnce(entry, args)` runs one
 * (for the runs of a minute or more, measured once).
 */
export async function benchScale({ cliEntry, work, timeProcesses, runOnce }) {
    const once = async args => {
        const { ms, rssKiB } = await runOnce(cliEntry, args);
        return { ms, rssMiB: rssKiB / 1024 };
    };

    const multiFile = [];
    for (const files of FILE_COUNTS) {
        console.error(`bench: one ecosystem over ${files} files…`);
        const folder = join(work, `files-${files}`);
        const { stats } = writeWorkspaceTo(folder, { files });
        const commands = [[cliEntry, ['validate', folder, '--format', 'json']], [cliEntry, ['generate', folder, '--out', join(work, `files-${files}-out`)]]];
        const [validate, generate] = files < 1000 ? await timeProcesses(commands) : [await once(commands[0][1]), await once(commands[1][1])];
        multiFile.push({ files, actors: stats.actors, flows: stats.flows, validate, generate, runs: files < 1000 ? 'median' : 'one run' });
    }

    console.error(`bench: ${MANY.ecosystems} ecosystems of ${MANY.files} files, one thread and ${availableParallelism()}…`);
    const many = join(work, 'many');
    const { stats: manyStats } = writeWorkspaceTo(many, MANY);
    const oneThread = await once(['generate', many, '--out', join(work, 'many-one'), '--jobs', '1']);
    const threads = await once(['generate', many, '--out', join(work, 'many-threads')]);
    const manyEcosystems = {
        ...MANY, actors: manyStats.actors, cores: availableParallelism(), oneThread, threads,
        ratio: threads.ms / oneThread.ms, sameBytes: sameFiles(join(work, 'many-one'), join(work, 'many-threads')),
    };

    const png = [];
    for (const actors of PNG_ACTORS) {
        console.error(`bench: PNG of a ${actors}-actor view…`);
        const file = join(work, `png-${actors}.cxe`);
        writeFileSync(file, generateModel(actors).text);
        const out = join(work, `png-${actors}-out`);
        const run = await once(['generate', file, '--out', out, '--format', 'svg,png', '--view', 'Everything']);
        const [name] = readdirSync(out).filter(candidate => candidate.endsWith('.png'));
        const header = readFileSync(join(out, name));
        png.push({ actors, ...run, width: header.readUInt32BE(16), height: header.readUInt32BE(20) });
    }

    console.error(`bench: cxe validate of one file of ${HUGE_ACTORS} actors (a few minutes)…`);
    const hugeFile = join(work, 'huge.cxe');
    const huge = generateModel(HUGE_ACTORS);
    writeFileSync(hugeFile, huge.text);
    const hugeValidate = { actors: HUGE_ACTORS, flows: huge.stats.flows, megabytes: Buffer.byteLength(huge.text) / 1e6, ...await once(['validate', hugeFile, '--format', 'json']) };

    return { multiFile, manyEcosystems, png, hugeValidate };
}

function writeWorkspaceTo(folder, options) {
    mkdirSync(folder, { recursive: true });
    const workspace = generateWorkspace(options);
    writeWorkspace(folder, workspace);
    return workspace;
}

export function printScale({ multiFile, manyEcosystems: many, png, hugeValidate }) {
    console.log('\nmulti-file workspaces, whole processes (one ecosystem, 20 actors and 40 flows a file, 70 % of the references crossing files):');
    for (const r of multiFile) {
        console.log(`  F=${String(r.files).padStart(4)} (${r.actors} actors, ${r.flows} flows): cxe validate ${r.validate.ms.toFixed(0)} ms, `
            + `${r.validate.rssMiB.toFixed(0)} MiB; cxe generate ${r.generate.ms.toFixed(0)} ms, ${r.generate.rssMiB.toFixed(0)} MiB (${r.runs})`);
    }
    const pass = many.ratio <= 0.5 && many.sameBytes;
    console.log(`cxe generate of ${many.ecosystems} ecosystems of ${many.files} files (${many.actors} actors; one run each): one thread `
        + `${(many.oneThread.ms / 1000).toFixed(1)} s, ${many.oneThread.rssMiB.toFixed(0)} MiB; ${many.cores} cores ${(many.threads.ms / 1000).toFixed(1)} s, `
        + `${many.threads.rssMiB.toFixed(0)} MiB = ${many.ratio.toFixed(2)}x, ${many.sameBytes ? 'the same bytes' : 'DIFFERENT BYTES'} `
        + `(${pass ? 'PASS' : 'MISS'}, target 0.5x and the same bytes)`);
    for (const r of png) {
        console.log(`cxe generate --format svg,png of a ${r.actors}-actor view: ${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.rssMiB.toFixed(0)} MiB `
            + `(${r.rssMiB < 1024 ? 'PASS' : 'MISS'}, target under 1024 MiB), PNG ${r.width} x ${r.height}`);
    }
    console.log(`cxe validate of one file of ${hugeValidate.actors} actors (${hugeValidate.flows} flows, ${hugeValidate.megabytes.toFixed(0)} MB): `
        + `${(hugeValidate.ms / 1000).toFixed(1)} s, peak RSS ${hugeValidate.rssMiB.toFixed(0)} MiB (one run)`);
}
