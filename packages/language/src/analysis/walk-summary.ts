import * as ast from '../generated/ast.js';
import { kindLabel } from '../model/describe.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';
import { countOf } from '../util/words.js';
import { rootCausesOf } from './pain-points.js';
import { type Reached, walkModel } from './walk.js';

/** What an element reaches that a customer meets: the touchpoints and journeys in its impact. */
export function experienceReachedFrom(model: EcosystemModel, element: ast.Walkable): Reached[] {
    return walkModel(model, element, 'impact').reached.filter(reached => ast.isTouchpoint(reached.element) || ast.isJourney(reached.element));
}

/**
 * One line for the hover: "Behind it: 2 policies, 1 process, 1 environment factor · It reaches:
 * 1 journey". A side with nothing is left out, except that a touchpoint or journey with nothing
 * behind it says so (that is what a painful step needs to know).
 */
export function walkSummaryLine(model: EcosystemModel, element: ast.Walkable): string | undefined {
    const behind = rootCausesOf(model, element);
    const reaches = experienceReachedFrom(model, element);
    const parts = [
        ...(behind.length > 0 ? [`Behind it: ${countsByKind(behind)}`]
            : ast.isTouchpoint(element) || ast.isJourney(element) ? ['Behind it: no system, process, policy or environment factor'] : []),
        ...(reaches.length > 0 ? [`It reaches: ${countsByKind(reaches)}`] : []),
    ];
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** "2 policies, 1 process": counts per kind, most frequent first, then in order of first appearance. */
function countsByKind(reached: readonly Reached[]): string {
    const groups = [...Map.groupBy(reached, entry => kindLabel(entry.element))];
    return groups.sort((a, b) => b[1].length - a[1].length).map(([kind, entries]) => countOf(entries.length, kind)).join(', ');
}
