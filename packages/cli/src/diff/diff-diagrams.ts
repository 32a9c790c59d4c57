import { type EcosystemDiff, type EcosystemModel, diffGraph, drawGraph, viewGraph, viewNames } from '@cxe/language';
import type { DiagramLink } from '../format/diff-markdown.js';
import type { Artefact } from '../generate/artefact.js';
import type { LoadedWorkspace } from '../load-workspace.js';

export interface DiffDiagrams {
    readonly artefacts: readonly Artefact[];
    /** Per ecosystem, the diagrams as the comment links them (file names inside the output folder). */
    readonly links: ReadonlyMap<string, readonly DiagramLink[]>;
}

/**
 * For each view (declared or implied) of the new models whose content changed, the new view drawn
 * with the change marked: `<ecosystem>.<view>.diff.svg`. Same pipeline and notation as every diagram.
 */
export async function drawDiffDiagrams(before: LoadedWorkspace, after: LoadedWorkspace, diffs: readonly EcosystemDiff[]): Promise<DiffDiagrams> {
    const artefacts: Artefact[] = [];
    const links = new Map<string, DiagramLink[]>();
    for (const diff of diffs.filter(d => d.status !== 'removed')) {
        const old = modelOf(before, diff.name);
        const now = modelOf(after, diff.name)!;
        const changed = new Set(diff.elements.changed.map(change => change.name));
        for (const view of viewNames(now)) {
            const oldGraph = old && viewNames(old).includes(view) ? viewGraph(old, view, problemsOf(before, diff.name)) : undefined;
            const graph = diffGraph(oldGraph, viewGraph(now, view, problemsOf(after, diff.name)), changed);
            if (graph) {
                const name = `${diff.name}.${view}.diff.svg`;
                artefacts.push({ name, content: (await drawGraph(graph)).svg });
                links.set(diff.name, [...links.get(diff.name) ?? [], { title: graph.title, href: name }]);
            }
        }
    }
    return { artefacts, links };
}

function modelOf(workspace: LoadedWorkspace, ecosystem: string): EcosystemModel | undefined {
    const models = workspace.services.workspace.EcosystemModels;
    return models.ecosystems().includes(ecosystem) ? models.modelOf(ecosystem) : undefined;
}

function problemsOf(workspace: LoadedWorkspace, ecosystem: string) {
    return workspace.services.workspace.Findings.findingsOf(ecosystem);
}
