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

/**
 * A synthetic value network of a size, seeded: one organization, actors of every kind, each trading
 * with the organization and, now and then, with another actor (reciprocal flows, as real ones are).
 */
export function syntheticNetwork(actors: number, seed: number): string {
    let state = seed;
    const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const kinds = ['customer', 'partner', 'employee', 'thirdparty'];
    const lines = [`ecosystem Synthetic${actors}`, 'organization Org "The organization" { seeks Fee0 }'];
    for (let i = 0; i < actors; i++) {
        lines.push(`${kinds[i % kinds.length]} A${i} "Actor number ${i}" { seeks Good${i} }`, `value Good${i} "Good ${i}" ${i % 3 === 0 ? 'information' : 'product'}`, `value Fee${i} "Fee ${i}" money`);
        lines.push(`exchange Deal${i} { Org -> A${i} : Good${i}  A${i} -> Org : Fee${i} }`);
        if (i > 0 && random() < 0.5) {
            lines.push(`exchange A${i} -> A${Math.floor(random() * i)} : Good${i}`);
        }
    }
    return lines.join('\n') + '\n';
}
