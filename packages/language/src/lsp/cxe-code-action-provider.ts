import { type LangiumCoreServices, type LangiumDocument, type AstNode, AstUtils, CstUtils } from 'langium';
import { distance } from 'fastest-levenshtein';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Diagnostic, Position, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { CxeAddedServices } from '../cxe-module.js';
import * as ast from '../generated/ast.js';
import type { EcosystemModels } from '../model/ecosystem-models.js';
import type { CxeScopeProvider } from '../references/cxe-scope-provider.js';
import type { DiagnosticCode } from '../validation/diagnostic-codes.js';
import { unique } from '../util/words.js';
import { ruleCodeActions } from './rule-code-actions.js';

const MAX_SUGGESTED_LENGTH = 100;
/**
 * Fixes are worked out for at most this many of a request's diagnostics, in the order given. An editor
 * asks for the few under the cursor; a whole file selected with 15,000 problems would otherwise make
 * 45,000 actions (a 30 MB answer, seconds to send) in a menu nobody could read.
 */
const MAX_DIAGNOSTICS_PER_REQUEST = 200;

type Fix = (document: LangiumDocument<ast.Model>, diagnostic: Diagnostic) => CodeAction | CodeAction[] | undefined;

/** Quick fixes, keyed on the diagnostic codes wherever the fix is clear. */
export class CxeCodeActionProvider implements CodeActionProvider {
    private readonly models: EcosystemModels;
    private readonly scopes: CxeScopeProvider;
    private readonly fixes: Partial<Record<DiagnosticCode, Fix>>;

    constructor(services: LangiumCoreServices & CxeAddedServices) {
        this.models = services.workspace.EcosystemModels;
        this.scopes = services.references.ScopeProvider as CxeScopeProvider;
        this.fixes = {
            'no-declared-value': (document, diagnostic) => this.addSeeks(document, diagnostic),
            'unresolved-reference': (document, diagnostic) => this.fixUnresolved(document, diagnostic),
            'unused-value': (document, diagnostic) => this.removeValue(document, diagnostic),
            'unmet-need': (document, diagnostic) => this.addFlowStub(document, diagnostic),
        };
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        return mergeIdentical(params.context.diagnostics.slice(0, MAX_DIAGNOSTICS_PER_REQUEST).flatMap(diagnostic => {
            const fix = this.fixes[(diagnostic.data as { code?: DiagnosticCode } | undefined)?.code ?? ('' as DiagnosticCode)];
            const actions = fix?.(document as LangiumDocument<ast.Model>, diagnostic) ?? [];
            return [...(Array.isArray(actions) ? actions : [actions]), ...ruleCodeActions(document, diagnostic)];
        }));
    }

    private addSeeks(document: LangiumDocument<ast.Model>, diagnostic: Diagnostic): CodeAction | undefined {
        const actor = elementAt(document, diagnostic.range.start, ast.isActor);
        const end = actor?.$cstNode?.range.end;
        if (!actor || !end) {
            return undefined;
        }
        const hasBlock = actor.$cstNode!.text.trimEnd().endsWith('}');
        const edit: TextEdit = hasBlock
            ? { range: { start: { line: end.line, character: end.character - 1 }, end: { line: end.line, character: end.character - 1 } }, newText: ` seeks "what's in it for them?" ` }
            : { range: { start: end, end }, newText: ` { seeks "what's in it for them?" }` };
        return action(`Add a 'seeks' clause to '${actor.name}'`, document, diagnostic, [edit]);
    }

    /** "Change to 'CostForecast'" for the closest existing names first, then "Declare 'CostForcast'". */
    private fixUnresolved(document: LangiumDocument<ast.Model>, diagnostic: Diagnostic): CodeAction[] {
        const data = diagnostic.data as { refText?: string; expectedType?: string } | undefined;
        if (!data?.refText || !data.expectedType) {
            return [];
        }
        const names = unique(this.scopes.elementsOf(document, data.expectedType).map(candidate => candidate.name));
        const changes = closeNames(data.refText, names).map((name, i) => {
            const change = action(`Change to '${name}'`, document, diagnostic, [{ range: diagnostic.range, newText: name }]);
            return { ...change, isPreferred: i === 0 };
        });
        const declaration = /^[A-Za-z_]\w*$/.test(data.refText) ? declarationFor(data.expectedType, data.refText) : undefined;
        if (!declaration) {
            return changes;
        }
        const declare = action(`Declare '${data.refText}': ${declaration.text.split(' ')[0]}`, document, diagnostic, [besideItsKind(document, declaration)]);
        return [...changes, { ...declare, isPreferred: changes.length === 0 }];
    }

    private removeValue(document: LangiumDocument<ast.Model>, diagnostic: Diagnostic): CodeAction | undefined {
        const value = elementAt(document, diagnostic.range.start, ast.isValue);
        const range = value?.$cstNode?.range;
        if (!value || !range) {
            return undefined;
        }
        // Remove the whole line(s) when the declaration stands alone on them. The document's own line
        // mapping counts every line break (\n, \r\n and a bare \r) the way the positions do.
        const text = document.textDocument;
        const before = text.getText({ start: { line: range.start.line, character: 0 }, end: range.start });
        const after = text.getText({ start: range.end, end: { line: range.end.line + 1, character: 0 } });
        const alone = before.trim() === '' && after.trim() === '';
        const remove = alone ? { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } } : range;
        return action(`Remove unused value '${value.name}'`, document, diagnostic, [{ range: remove, newText: '' }]);
    }

    private addFlowStub(document: LangiumDocument<ast.Model>, diagnostic: Diagnostic): CodeAction | undefined {
        const need = needAt(document, diagnostic.range.start);
        const actor = need?.$container;
        const value = need?.value?.ref;
        const model = this.models.modelFor(document);
        if (!actor || !value || !model) {
            return undefined;
        }
        const giver = model.actors.find(candidate => candidate.kind === 'organization' && candidate !== actor) ?? model.actors.find(candidate => candidate !== actor);
        if (!giver) {
            return undefined;
        }
        return action(`Add a flow giving '${value.name}' to '${actor.name}'`, document, diagnostic,
            [besideItsKind(document, { type: ast.Exchange.$type, text: `exchange ${giver.name} -> ${actor.name} : ${value.name}` })]);
    }
}

/**
 * One action for each title and edit: "Declare 'A'" or "Ignore `x` in this file" offered for many
 * diagnostics is one entry in the menu, fixing all of them.
 */
function mergeIdentical(actions: readonly CodeAction[]): CodeAction[] {
    const merged = new Map<string, CodeAction>();
    for (const action of actions) {
        const key = JSON.stringify([action.title, action.kind, action.edit]);
        const first = merged.get(key);
        if (first) {
            first.diagnostics = [...first.diagnostics ?? [], ...action.diagnostics ?? []];
        } else {
            merged.set(key, { ...action });
        }
    }
    return [...merged.values()];
}

function action(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[]): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.uri.toString()]: edits } } };
}

/** A new declaration on its own line at the end of the file. */
function appendAtEnd(document: LangiumDocument, text: string): TextEdit {
    const content = document.textDocument.getText();
    const end = document.textDocument.positionAt(content.length);
    return { range: { start: end, end }, newText: `${content.endsWith('\n') || content.length === 0 ? '' : '\n'}${text}\n` };
}

/** What to declare for a name that a reference of this type could not find, and its element type. */
function declarationFor(expectedType: string, name: string): { readonly type: string; readonly text: string } | undefined {
    switch (expectedType) {
        case ast.Value.$type: return { type: ast.Value.$type, text: `value ${name} "${name}" intangible` };
        case ast.Touchpoint.$type:
        case ast.SupportTarget.$type: return { type: ast.Touchpoint.$type, text: `touchpoint ${name} "${name}" { channel other }` };
        case ast.Actor.$type:
        case ast.FactorTarget.$type:
        case ast.PolicyTarget.$type: return { type: ast.Actor.$type, text: `partner ${name} "${name}"` };
        case ast.System.$type: return { type: ast.System.$type, text: `system ${name} "${name}"` };
        default: return undefined;
    }
}

/**
 * A new declaration on its own line after the file's last element of its kind; without one, before
 * the file's first journey or view (they come last), or at the end.
 */
function besideItsKind(document: LangiumDocument<ast.Model>, declaration: { type: string; text: string }): TextEdit {
    const places = placesOf(document.parseResult.value);
    const end = places.lastOfType.get(declaration.type)?.$cstNode?.range.end;
    if (end) {
        return { range: { start: end, end }, newText: `\n${declaration.text}` };
    }
    const line = places.firstJourneyOrView?.$cstNode?.range.start.line;
    if (line !== undefined) {
        const start = { line, character: 0 };
        return { range: { start, end: start }, newText: `${declaration.text}\n` };
    }
    return appendAtEnd(document, declaration.text);
}

interface Places {
    readonly lastOfType: ReadonlyMap<string, ast.Element>;
    readonly firstJourneyOrView?: ast.Element;
}

/** Where declarations go in a file, found once per parse: a file of 5,000 flows may ask 15,000 times. */
const placesCache = new WeakMap<ast.Model, Places>();

function placesOf(root: ast.Model): Places {
    let places = placesCache.get(root);
    if (!places) {
        const elements = root.elements ?? [];
        places = {
            lastOfType: new Map(elements.map(element => [element.$type, element])),
            firstJourneyOrView: elements.find(element => ast.isJourney(element) || ast.isView(element)),
        };
        placesCache.set(root, places);
    }
    return places;
}

/**
 * Existing names close to a misspelt one, closest first: at most three, at most 3 edits (a third of
 * its length) away. Nobody misspells a name of hundreds of characters, and the distance is quadratic.
 */
function closeNames(misspelt: string, names: readonly string[]): string[] {
    if (misspelt.length > MAX_SUGGESTED_LENGTH) {
        return [];
    }
    const limit = Math.min(3, Math.max(1, Math.floor(misspelt.length / 3)));
    return names
        // Names whose lengths differ more cannot be close: cheap, and keeps huge names from costing anything.
        .filter(name => Math.abs(name.length - misspelt.length) <= limit)
        .map(name => ({ name, distance: distance(misspelt.toLowerCase(), name.toLowerCase()) }))
        .filter(candidate => candidate.distance <= limit && candidate.name !== misspelt)
        .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .slice(0, 3)
        .map(candidate => candidate.name);
}

function elementAt<T extends AstNode>(document: LangiumDocument<ast.Model>, position: Position, is: (node: unknown) => node is T): T | undefined {
    const offset = document.textDocument.offsetAt(position);
    const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, offset);
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, is) : undefined;
}

function needAt(document: LangiumDocument<ast.Model>, position: Position): ast.Need | undefined {
    return elementAt(document, position, ast.isNeed);
}
