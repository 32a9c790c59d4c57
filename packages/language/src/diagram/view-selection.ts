import * as ast from '../generated/ast.js';
import { keywordOf } from '../model/describe.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';

export type Backstage = ast.System | ast.Process | ast.Policy;
type Selectable = ast.Actor | ast.Factor | ast.Touchpoint | Backstage;

/** What a view shows, each in model order. */
export interface ViewSelection {
    readonly actors: readonly ast.Actor[];
    readonly factors: readonly ast.Factor[];
    readonly touchpoints: readonly ast.Touchpoint[];
    readonly backstage: readonly Backstage[];
}

/**
 * Applies a view's `include` and `exclude` selectors (element names, kind keywords, `*`). A view is an
 * actor map: actors and environment factors are shown unless the view includes only some of them (`*`
 * includes them all). Touchpoints, systems, processes and policies are shown only when included by
 * name or by kind keyword, so that `*` keeps a large ecosystem's map to its actors. The implied view
 * of an ecosystem that declares none shows every actor and factor.
 */
export function selectView(model: EcosystemModel, view: ast.View | undefined): ViewSelection {
    const includes = view?.include ?? [];
    const excludes = view?.exclude ?? [];
    const excluded = (element: Selectable) => excludes.some(selector => selects(selector, element));
    const included = (element: Selectable) => includes.some(selector => selects(selector, element));
    // An element still being typed has no name: nothing can point at it, so it is not drawn.
    const byDefault = (element: Selectable) => Boolean(element.name) && (includes.length === 0 || included(element)) && !excluded(element);
    const named = (element: Selectable) => includes.some(selector => !selector.all && selects(selector, element));
    const onRequest = (element: Selectable) => Boolean(element.name) && named(element) && !excluded(element);
    return {
        actors: model.actors.filter(byDefault),
        factors: model.factors.filter(byDefault),
        touchpoints: model.touchpoints.filter(onRequest),
        backstage: [...model.systems, ...model.processes, ...model.policies].filter(onRequest),
    };
}

/** Whether a selector (a name, a kind keyword or `*`) picks an element. */
export function selects(selector: ast.Selector, element: ast.Element): boolean {
    if (selector.all) {
        return true;
    }
    if (selector.kind) {
        return selector.kind === keywordOf(element);
    }
    return selector.element?.ref === element;
}

