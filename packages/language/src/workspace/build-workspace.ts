import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { URI } from 'langium';

export interface SourceFile {
    readonly uri: URI;
    readonly text: string;
}

/**
 * Loads texts into the workspace as one set of documents and builds them through validation:
 * what the CLI does with the files it is given, and what the tests do with their fixtures.
 */
export async function buildWorkspace(shared: LangiumSharedCoreServices, sources: readonly SourceFile[]): Promise<LangiumDocument[]> {
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const built = sources.map(source => factory.fromString(source.text, source.uri));
    built.forEach(document => documents.addDocument(document));
    await shared.workspace.DocumentBuilder.build(built, { validation: true });
    return built;
}

export { URI };
