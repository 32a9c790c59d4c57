import * as ast from '../generated/ast.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';

/** What a view shows: its actors and environment factors, in model order. */
export interface ViewSelection {
    readonly actors: readonly ast.Actor[];
    readonly factors: readonly ast.Factor[];
}

/**
 * Applies a view's `include` and `exclude` selectors (element names, kind keywords, `*`). A view
 * without `include`, and the implied view of an ecosystem that declares none, show everything.
 */
export function selectView(model: EcosystemModel, view: ast.View | undefined): ViewSelection {
    const includes = view?.include ?? [];
    const excludes = view?.exclude ?? [];
    const shown = (element: ast.Actor | ast.Factor) =>
        (includes.length === 0 || includes.some(selector => selects(selector, element)))
        && !excludes.some(selector => selects(selector, element));
    return {
        actors: model.actors.filter(shown),
        factors: model.factors.filter(shown),
    };
}

function selects(selector: ast.Selector, element: ast.Actor | ast.Factor): boolean {
    if (selector.all) {
        return true;
    }
    if (selector.kind) {
        return ast.isActor(element) ? element.kind === selector.kind : selector.kind === 'environment';
    }
    return selector.element?.ref === element;
}
