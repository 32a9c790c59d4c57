import { CxeIndexManager } from './cxe-index-manager.js';

/**
 * For one-shot runs such as the CLI: nothing will ask who references what (find references, or which
 * documents an edit affects), so the reference index is not built. It is about a tenth of the time
 * of validating a 10,000-flow model.
 */
export class BatchIndexManager extends CxeIndexManager {
    override async updateReferences(): Promise<void> {
        // Deliberately empty: see the class comment.
    }
}
