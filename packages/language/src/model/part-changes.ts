import type { ModelPart } from './ecosystem-model.js';

/** A document whose part differs between two states of an ecosystem: its part before (none when new) and after (none when gone). */
export interface PartChange {
    readonly uri: string;
    readonly before?: ModelPart;
    readonly after?: ModelPart;
}

/**
 * Brings `parts` (what a consumer last saw of an ecosystem's parts, by URI) to `next` (the parts
 * now, in URI order) in place, and returns the documents whose parts changed: one look-up per
 * document rather than maps of the whole ecosystem built and compared after every keystroke.
 */
export function takePartChanges(parts: Map<string, ModelPart>, next: ReadonlyArray<readonly [uri: string, part: ModelPart]>): PartChange[] {
    const changes: PartChange[] = [];
    const known = parts.size;
    let seen = 0;
    for (const [uri, after] of next) {
        const before = parts.get(uri);
        if (before) {
            seen++;
        }
        if (before !== after) {
            changes.push({ uri, before, after });
            parts.set(uri, after);
        }
    }
    if (seen < known) {
        const present = new Set(next.map(([uri]) => uri));
        for (const [uri, before] of parts) {
            if (!present.has(uri)) {
                changes.push({ uri, before });
                parts.delete(uri);
            }
        }
    }
    return changes;
}

/** Whether the changes (just taken) leave no part as it was: the parts now are all new or changed. */
export function replacesEveryPart(changes: readonly PartChange[], parts: ReadonlyMap<string, ModelPart>): boolean {
    return changes.filter(change => change.after).length === parts.size;
}
