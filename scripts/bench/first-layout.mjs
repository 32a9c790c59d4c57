// Run in a fresh process by the diagram benchmark: the first layout of a model's first view (ELK
// loaded and compiled on demand) against the median of warm ones. Prints { firstMs, warmMs } as JSON.
//   node scripts/bench/first-layout.mjs <model.cxe>
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem } from 'langium';
import { URI, buildWorkspace, createCxeBatchServices, layoutGraph, viewGraph, viewNames } from '@cxe/language';

const file = process.argv[2];
const { shared, Cxe } = createCxeBatchServices(EmptyFileSystem);
await buildWorkspace(shared, [{ uri: URI.file(file), text: readFileSync(file, 'utf8') }]);
const ecosystem = Cxe.workspace.EcosystemModels.ecosystems()[0];
const model = Cxe.workspace.EcosystemModels.modelOf(ecosystem);
const graph = viewGraph(model, viewNames(model)[0], Cxe.workspace.Findings.findingsOf(ecosystem));
const time = async () => {
    const start = performance.now();
    await layoutGraph(graph);
    return performance.now() - start;
};
const firstMs = await time();
const warm = [];
for (let i = 0; i < 5; i++) {
    warm.push(await time());
}
console.log(JSON.stringify({ firstMs, warmMs: warm.sort((a, b) => a - b)[2] }));
