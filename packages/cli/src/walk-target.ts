import { distance } from 'fastest-levenshtein';
import { type EcosystemModel, type EcosystemModels, type ast, walkableNamed } from '@cxe/language';
import { UsageError } from './usage-error.js';

export interface WalkTarget {
    readonly model: EcosystemModel;
    readonly element: ast.Walkable;
}

const SUGGESTIONS = 5;

/**
 * The element a `cxe trace` / `cxe impact` starts from, written `Element` or `Ecosystem.Element`.
 * A name found in several ecosystems, or nowhere, is a usage error that names the candidates or the
 * closest names.
 */
export function findWalkTarget(models: EcosystemModels, written: string): WalkTarget {
    const ecosystems = models.ecosystems().map(name => models.modelOf(name));
    if (ecosystems.length === 0) {
        throw new UsageError('no ecosystem was loaded: give the .cxe files or folders of the model after the element');
    }
    const dot = written.indexOf('.');
    const [ecosystemName, name] = dot < 0 ? [undefined, written] : [written.slice(0, dot), written.slice(dot + 1)];
    const searched = ecosystemName === undefined ? ecosystems : ecosystems.filter(model => model.name === ecosystemName);
    if (searched.length === 0) {
        throw new UsageError(`no ecosystem named '${ecosystemName}'; loaded: ${ecosystems.map(model => model.name).join(', ')}`);
    }
    const found = searched.flatMap(model => {
        const element = walkableNamed(model, name);
        return element ? [{ model, element }] : [];
    });
    if (found.length === 1) {
        return found[0];
    }
    if (found.length > 1) {
        throw new UsageError(`'${name}' names an element in ${found.length} ecosystems; write one of: `
            + found.map(target => `${target.model.name}.${name}`).join(', '));
    }
    const qualify = ecosystemName !== undefined || ecosystems.length > 1;
    const names = searched.flatMap(model => [...model.elementsByName.keys()]
        .filter(candidate => walkableNamed(model, candidate))
        .map(candidate => (qualify ? `${model.name}.${candidate}` : candidate)));
    const suggestions = closestNames(name, names);
    const where = ecosystemName === undefined ? 'in any loaded ecosystem' : `in ecosystem '${ecosystemName}'`;
    throw new UsageError(`no element named '${name}' ${where}${suggestions.length > 0 ? `; the closest: ${suggestions.join(', ')}` : ''}`);
}

/** Up to five names nearest to what was written (by edit distance, then alphabetically). */
function closestNames(written: string, names: readonly string[]): string[] {
    const key = (candidate: string) => candidate.slice(candidate.indexOf('.') + 1);
    const scored = names.map(candidate => ({ candidate, score: distance(written.toLowerCase(), key(candidate).toLowerCase()) }));
    const limit = Math.max(2, Math.floor(written.length / 2));
    return scored.filter(entry => entry.score <= limit)
        .sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1))
        .slice(0, SUGGESTIONS).map(entry => entry.candidate);
}

