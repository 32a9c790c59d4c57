#!/usr/bin/env node
// cxe needs Node 22 or later (Langium's parser does); say so plainly instead of failing deep inside.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    process.stderr.write(`cxe: needs Node.js 22 or later, but this is ${process.version}. `
        + 'Run it through npm (npx cxe, npm start) in this repository, which brings Node 22, or install Node 22.\n');
    process.exit(2);
}
// Keep V8's compiled code of the bundle (and of the layout engine) between runs: faster start-ups.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
await import('../dist/cxe.js');
