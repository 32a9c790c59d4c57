import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { warmUpLayout } from '../diagram/layout-warm-up.js';

/** The warm-up waits for this long without a change to the documents before each of its layouts. */
const QUIET_MS = 1000;

/**
 * Once the server has built the workspace it starts with, it warms up the layout engine
 * (layout-warm-up.ts) while nobody asks it for anything, so that the first preview a user opens is
 * drawn at the speed of later ones. Each of its short layouts waits until the documents have not
 * changed for QUIET_MS and are validated: typing never waits for more than one of them. It stops for
 * good when `stop()` is called (a drawing is asked for, which warms the engine anyway).
 */
export function warmUpLayoutAtStart(shared: LangiumSharedServices): { stop(): void } {
    let stopped = false;
    let changedAt = performance.now();
    const builder = shared.workspace.DocumentBuilder;
    const changes = builder.onUpdate(() => {
        changedAt = performance.now();
    });
    const quiet = async (): Promise<boolean> => {
        for (let wait = QUIET_MS; !stopped && wait > 0; wait = changedAt + QUIET_MS - performance.now()) {
            await new Promise(resolve => setTimeout(resolve, wait));
        }
        await builder.waitUntil(DocumentState.Validated);
        return stopped;
    };
    void shared.workspace.WorkspaceManager.ready
        .then(() => warmUpLayout(quiet))
        // A warm-up is only ever a head start: should it fail, the first real drawing reports the problem.
        .catch(() => undefined)
        .finally(() => changes.dispose());
    return {
        stop: () => {
            stopped = true;
        },
    };
}
