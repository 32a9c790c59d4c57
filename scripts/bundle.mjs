// Bundles the CLI into one ES module: one file to load makes `cxe` start fast.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

const cliPackage = JSON.parse(await readFile(new URL('../packages/cli/package.json', import.meta.url), 'utf8'));

await build({
    entryPoints: { cxe: 'packages/cli/out/src/cli.js' },
    outdir: 'packages/cli/dist',
    // Layout (elkjs) goes into its own chunk, loaded only when a diagram is drawn.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // A native module: installed per platform, loaded at run time.
    external: ['@resvg/resvg-js'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    define: { CXE_VERSION: JSON.stringify(cliPackage.version) },
    // Some dependencies are CommonJS and call require() for Node's own modules.
    banner: { js: "import { createRequire as __cxeRequire } from 'node:module'; const require = __cxeRequire(import.meta.url);" },
    logLevel: 'warning',
});
