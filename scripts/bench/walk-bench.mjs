// The trace/impact half of `npm run bench`: `cxe trace` of a journey against `cxe validate` on the
// largest synthetic model (whole processes), the walk itself in process (cold: relation index built
// for a fresh model state, then walked; warm: walked on the index of the current state), and what the
// pain-point check (one trace per painful step's touchpoint) adds to each validation.
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem } from 'langium';
import { URI, buildEcosystemModel, buildWorkspace, createCxeBatchServices, painPoints, relationsOf, walkModel, walkableNamed } from '@cxe/language';

const RUNS = 15;
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median time of `run(input)`, each run on its own input made beforehand by `setup` (untimed). */
function timeRuns(run, setup = () => undefined) {
    const inputs = Array.from({ length: RUNS + 1 }, setup);
    const times = inputs.map(input => {
        const start = performance.now();
        run(input);
        return performance.now() - start;
    });
    return median(times.slice(1)); // the first run warms up
}

async function loadModel({ n, text, file }) {
    const { shared, Cxe } = createCxeBatchServices(EmptyFileSystem);
    const [document] = await buildWorkspace(shared, [{ uri: URI.file(file), text }]);
    const name = `Synthetic${n}`;
    return { model: Cxe.workspace.EcosystemModels.modelOf(name), fresh: () => buildEcosystemModel(name, [document]) };
}

/** `models` as bench.mjs makes them; `timeProcesses` is its interleaved whole-process timer. */
export async function benchWalk(models, timeProcesses, cliEntry) {
    const large = models.at(-1);
    const journey = 'Journey1';
    const [validate, trace] = await timeProcesses([
        [cliEntry, ['validate', large.file, '--format', 'json']],
        [cliEntry, ['trace', journey, large.file, '--format', 'json']],
    ]);
    const { model, fresh } = await loadModel(large);
    const start = walkableNamed(model, journey);
    const reached = walkModel(model, start, 'trace').reached.length;
    const walkColdMs = timeRuns(state => walkModel(state, start, 'trace'), fresh);
    const indexMs = timeRuns(state => relationsOf(state), fresh);
    const walkWarmMs = timeRuns(() => walkModel(model, start, 'trace'));
    const medium = await loadModel(models[1]);
    const painPointCheckMs = timeRuns(state => painPoints(state), medium.fresh);
    return {
        n: large.n, journey, reached, edges: relationsOf(model).edges.length,
        validateMs: validate.ms, traceMs: trace.ms, ratio: trace.ms / validate.ms,
        validateRunsMs: validate.runsMs, traceRunsMs: trace.runsMs,
        indexMs, walkColdMs, walkWarmMs, mediumN: models[1].n, painPointCheckMs,
    };
}
