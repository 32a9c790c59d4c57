// Module aliases for every esbuild bundle of the language: jsonc-parser's main entry is a UMD module
// whose require() calls a bundler cannot follow, so its ES build is bundled instead.
export const alias = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };
