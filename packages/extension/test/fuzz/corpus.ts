import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root (this file compiles to packages/extension/out/test/fuzz/). */
export const repoRoot = path.resolve(__dirname, '../../../../..');

/** A folder of models that load as one workspace: the seed of a fuzzed case. */
export interface SeedWorkspace {
    readonly folder: string;
    readonly files: ReadonlyArray<{ readonly name: string; readonly text: string }>;
}

/** The examples and the design's conformance, trace and settings models, each folder one workspace. */
export function loadCorpus(): SeedWorkspace[] {
    const design = path.resolve(repoRoot, '../shared/design');
    const roots = [
        ...subfolders(path.join(repoRoot, 'examples')).filter(folder => path.basename(folder) !== 'generated'),
        ...['conformance', 'trace', 'settings'].map(name => path.join(design, name)),
    ];
    return roots.flatMap(root => {
        const files = cxeFiles(root).map(file => ({ name: path.relative(root, file).replaceAll(path.sep, '/'), text: readFileSync(file, 'utf8') }));
        return files.length > 0 ? [{ folder: path.relative(path.dirname(repoRoot), root), files }] : [];
    });
}

function subfolders(folder: string): string[] {
    return readdirSync(folder).sort().map(name => path.join(folder, name)).filter(entry => statSync(entry).isDirectory());
}

function cxeFiles(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()
        .map(name => path.join(folder, name))
        .filter(file => file.endsWith('.cxe') && statSync(file).isFile());
}
