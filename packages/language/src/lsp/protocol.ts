import type { WalkDirection } from '../analysis/walk.js';
import type { DiagramOptions, SourceLocation } from '../diagram/diagram-graph.js';

/** The editor commands the language server's code lenses invoke, with (document uri, element name). */
export const SHOW_ROOT_CAUSES = 'cxe.showRootCauses';
export const SHOW_IMPACT = 'cxe.showImpact';

/** A walk to draw instead of a view: the preview's Show Root Causes / Show Impact. */
export interface WalkParams {
    readonly direction: WalkDirection;
    /** The element's name in the document's ecosystem. */
    readonly element: string;
    readonly depth?: number;
}

/** The custom LSP requests of the CXE language server: any LSP-capable editor can reuse them. */
export namespace DiagramRequest {
    export const method = 'cxe/diagram';

    export interface Params {
        /** The document whose ecosystem to draw. */
        readonly uri: string;
        /** A view or journey name; the first view when absent or unknown. */
        readonly view?: string;
        /** The editor's drawing settings; absent means the CLI's defaults. */
        readonly options?: DiagramOptions;
        /** Draw this walk rather than a view (an element that is not found falls back to the view). */
        readonly walk?: WalkParams;
    }

    /** The answer: null when the document is neither open nor in the workspace, or has no ecosystem header. */
    export interface Result {
        readonly ecosystem: string;
        /** The view or journey drawn; for a walk, `trace <Element>` or `impact <Element>`. */
        readonly view: string;
        /** Every view of the ecosystem, for a view picker. */
        readonly views: readonly string[];
        /** The same bytes `cxe generate` writes for this view. */
        readonly svg: string;
        /** Source range of each `data-cxe-element` / `data-cxe-edge` id in the SVG. */
        readonly sources: Readonly<Record<string, SourceLocation>>;
        /** Errors in the ecosystem's files: the editor can keep showing the last good diagram. */
        readonly errors: number;
    }
}
