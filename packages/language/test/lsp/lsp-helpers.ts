import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { URI, buildWorkspace } from '../../src/index.js';
import { createCxeServices } from '../../src/lsp/index.js';

/** Language-server services over in-memory files (name → text), built like the editor builds a workspace. */
export async function lspWorkspace(files: Record<string, string>) {
    const services = createCxeServices(EmptyFileSystem);
    const documents = await buildWorkspace(services.shared, Object.entries(files).map(([name, text]) => ({ uri: URI.file(`/ws/${name}`), text })));
    const byName = new Map(Object.keys(files).map((name, i) => [name, documents[i]]));
    return {
        ...services,
        document: (name: string): LangiumDocument => byName.get(name)!,
        /** Position of the n-th occurrence of a snippet (plus an offset into it). */
        position: (name: string, snippet: string, occurrence = 0, into = 0) => {
            const text = files[name];
            let offset = -1;
            for (let i = 0; i <= occurrence; i++) {
                offset = text.indexOf(snippet, offset + 1);
            }
            return byName.get(name)!.textDocument.positionAt(offset + into);
        },
    };
}
