import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { JSDOM } from 'jsdom';
import { URI, buildWorkspace, createCxeCoreServices, type CxeServices } from '../../src/index.js';
import { repoRoot } from '../shared-design.js';

export const examplesDir = path.join(repoRoot, 'examples');

/** Every .cxe file below a folder, as name → text. */
export function cxeFilesBelow(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && entry.name.endsWith('.cxe')) {
            const file = path.join(entry.parentPath, entry.name);
            files[path.relative(dir, file)] = readFileSync(file, 'utf8');
        }
    }
    return files;
}

/** Builds files (name → text) into fresh services, in the order given. */
export async function servicesFor(files: Record<string, string>, order = Object.keys(files)): Promise<CxeServices> {
    const { shared, Cxe } = createCxeCoreServices(EmptyFileSystem);
    await buildWorkspace(shared, order.map(name => ({ uri: URI.file(`/models/${name}`), text: files[name] })));
    return Cxe;
}

let mermaid: Promise<{ parse(text: string): Promise<unknown> }> | undefined;

/** Mermaid's own parser (the one GitHub's renderer uses), run in Node on a jsdom window. */
export function mermaidParser(): Promise<{ parse(text: string): Promise<unknown> }> {
    mermaid ??= (async () => {
        const dom = new JSDOM('<!doctype html><html><body></body></html>');
        Object.assign(globalThis, { window: dom.window, document: dom.window.document });
        const module = await import('mermaid');
        module.default.initialize({ startOnLoad: false });
        return module.default;
    })();
    return mermaid;
}
