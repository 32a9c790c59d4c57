// Bundles the CLI into one ES module: one file to load makes `cxe` start fast.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { alias } from './esbuild-alias.mjs';

const cliPackage = JSON.parse(await readFile(new URL('../packages/cli/package.json', import.meta.url), 'utf8'));

// A fresh folder: `npm pack` ships everything in it, so no chunk of an earlier build may linger.
await rm('packages/cli/dist', { recursive: true, force: true });
await build({
    // The drawing threads of `cxe generate` run their own entry, next to cxe.js (drawing-pool.ts finds it there).
    entryPoints: { 'cxe': 'packages/cli/out/src/cli.js', 'drawing-worker': 'packages/cli/out/src/generate/drawing-worker.js' },
    alias,
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

// The VS Code extension: the client (CommonJS, as VS Code loads it) and the language server (an ES
// module forked by the client, with the layout engine in its own chunk).
await build({
    entryPoints: { extension: 'packages/extension/src/extension.ts' },
    outdir: 'packages/extension/dist',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    sourcemap: true,
    external: ['vscode'],
    logLevel: 'warning',
});
await build({
    entryPoints: { server: 'packages/language/out/src/lsp/main.js' },
    alias,
    outdir: 'packages/extension/dist',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    sourcemap: true,
    banner: { js: "import { createRequire as __cxeRequire } from 'node:module'; const require = __cxeRequire(import.meta.url);" },
    logLevel: 'warning',
});
