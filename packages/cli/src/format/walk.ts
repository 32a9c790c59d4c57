import { type EcosystemModel, type Walk, type ast, keywordOf, relationPhrase } from '@cxe/language';

/**
 * The walk as a reader's explanation, grouped by depth: each element with its kind, label and the
 * relations that link it to the previous depth (`policy PayPerJob "Paid per completed job" affects ContractTech`;
 * for an impact `journey GettingInstalled "Getting installed": HomeVisit hosts it`).
 */
export function formatWalkText(model: EcosystemModel, walk: Walk): string {
    const { start, direction, reached } = walk;
    const question = direction === 'trace' ? 'What is behind' : 'What is reached from';
    const lines = [`${question} ${keywordOf(start)} ${named(start)} (ecosystem ${model.name}): ${count(reached.length)}.`];
    for (const [depth, group] of Map.groupBy(reached, entry => entry.depth)) {
        lines.push('', `depth ${depth}${depth === 1 ? ' (direct)' : ''}:`);
        for (const { element } of group) {
            const link = links(walk, element);
            lines.push(`  ${keywordOf(element)} ${named(element)}${link.startsWith(':') ? '' : ' '}${link}`);
        }
    }
    if (reached.length === 0) {
        lines.push(direction === 'trace' ? 'Nothing in the model shapes it.' : 'It shapes nothing in the model.');
    }
    return lines.join('\n') + '\n';
}

/** The JSON contract of docs/cli.md (version 1). */
export function formatWalkJson(model: EcosystemModel, walk: Walk): string {
    return JSON.stringify({
        version: 1,
        ecosystem: model.name,
        direction: walk.direction,
        element: { name: walk.start.name, kind: keywordOf(walk.start) },
        elements: walk.reached.map(({ element, depth }) => ({ name: element.name, kind: keywordOf(element), label: labelOf(element), depth })),
        relations: walk.relations.map(edge => ({ from: edge.from.name, to: edge.to.name, relation: edge.relation })),
    }, undefined, 2) + '\n';
}

/** How an element is linked into the walk: the relations the walk followed to reach it, as they read. */
function links(walk: Walk, element: ast.Walkable): string {
    if (walk.direction === 'trace') {
        return walk.relations.filter(edge => edge.from === element).map(edge => `${relationPhrase(edge.relation)} ${edge.to.name}`).join(', ');
    }
    return `: ${walk.relations.filter(edge => edge.to === element).map(edge => `${edge.from.name} ${relationPhrase(edge.relation)} it`).join(', ')}`;
}

function named(element: ast.Walkable): string {
    return element.label ? `${element.name} ${JSON.stringify(element.label)}` : element.name ?? '';
}

function labelOf(element: ast.Walkable): string {
    return element.label ?? element.name ?? '';
}

function count(n: number): string {
    return `${n} element${n === 1 ? '' : 's'}`;
}
