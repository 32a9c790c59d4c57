// Run in a fresh process by the diagram benchmark: the first layout of a model's first view against
// the median of warm ones, CPU time of this process (the machine is shared: wall time swings by 2x).
// With --warm-up, the first layout comes after warmUpLayout() (what the language server does while
// idle after it starts, and what a drawing thread of cxe generate does while the models are parsed),
// whose own CPU time is reported too. Prints { firstMs, warmMs[, warmUpMs] } as JSON.
//   node scripts/bench/first-layout.mjs <model.cxe> [--warm-up]
import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { URI, buildWorkspace, createCxeBatchServices, layoutGraph, viewGraph, viewNames, warmUpLayout } from '@cxe/language';

const [file, option] = process.argv.slice(2);
const { shared, Cxe } = createCxeBatchServices(EmptyFileSystem);
await buildWorkspace(shared, [{ uri: URI.file(file), text: readFileSync(file, 'utf8') }]);
const ecosystem = Cxe.workspace.EcosystemModels.ecosystems()[0];
const model = Cxe.workspace.EcosystemModels.modelOf(ecosystem);
const graph = viewGraph(model, viewNames(model)[0], Cxe.workspace.Findings.findingsOf(ecosystem));
const cpuMs = async action => {
    const start = process.cpuUsage();
    await action();
    const { user, system } = process.cpuUsage(start);
    return (user + system) / 1000;
};
const warmUpMs = option === '--warm-up' ? await cpuMs(() => warmUpLayout()) : undefined;
const firstMs = await cpuMs(() => layoutGraph(graph));
const warm = [];
for (let i = 0; i < 5; i++) {
    warm.push(await cpuMs(() => layoutGraph(graph)));
}
console.log(JSON.stringify({ firstMs, warmMs: warm.sort((a, b) => a - b)[2], warmUpMs }));
