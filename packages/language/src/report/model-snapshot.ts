import { type AstNode, AstUtils } from 'langium';
import * as ast from '../generated/ast.js';
import { kindLabel } from '../model/describe.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';
import { type SnapshotNeed, balanceNamesOf, snapshotOf, textField } from '../snapshot/ecosystem-snapshot.js';

/** A diagnostic on an element, as the document carries it after rule settings and suppressions. */
export interface SnapshotDiagnostic {
    readonly severity: 'error' | 'warning' | 'info' | 'hint';
    readonly code?: string;
    readonly message: string;
    /** 1-based line in the element's file. */
    readonly line: number;
}

/** One named element as plain data: everything refers to other elements by name. */
export interface SnapshotElement {
    readonly name: string;
    /** The word a CX engineer uses for its kind: 'partner', 'value object', 'touchpoint'… */
    readonly kind: string;
    readonly label?: string;
    readonly description?: string;
    /** Its doc comment. */
    readonly documentation?: string;
    readonly file: string;
    readonly line: number;
    /** For actors: their value balance. */
    readonly seeks?: readonly SnapshotNeed[];
    readonly receives?: readonly string[];
    readonly gives?: readonly string[];
    readonly unmet?: readonly string[];
    /** Elements it names, and elements that name it, in model order. */
    readonly refersTo: readonly string[];
    readonly referredBy: readonly string[];
    readonly diagnostics: readonly SnapshotDiagnostic[];
}

/**
 * What the HTML page shows of one resolved ecosystem: the ecosystem snapshot's facts (label,
 * description, value balance) in model order, plus what only a reader needs: the kind as a CX
 * engineer says it, doc comments, file and line, diagnostics and the references both ways.
 */
export interface ModelSnapshot {
    readonly ecosystem: string;
    readonly title: string;
    /** By name, in model order (the first element of a duplicated name). */
    readonly elements: Readonly<Record<string, SnapshotElement>>;
}

/** The doc comment of a node, as Langium's DocumentationProvider gives it. */
export type DocumentationOf = (node: AstNode) => string | undefined;

export function buildModelSnapshot(model: EcosystemModel, documentationOf: DocumentationOf): ModelSnapshot {
    const named = [...model.elementsByName.values()].map(elements => elements[0]);
    const refersTo = new Map(named.map(element => [element, referencedElements(element)]));
    const referredBy = new Map<ast.Element, ast.Element[]>();
    for (const [element, targets] of refersTo) {
        for (const target of targets) {
            const sources = referredBy.get(target) ?? [];
            sources.push(element);
            referredBy.set(target, sources);
        }
    }
    const names = (elements: readonly ast.Element[] = []) => elements.map(element => element.name!);
    const facts = snapshotOf(model).elements;
    const entries = named.map(element => {
        const fact = facts[element.name!];
        const snapshot: SnapshotElement = {
            name: element.name!,
            kind: kindLabel(element),
            ...definedOnly({ label: textField(fact, 'label'), description: textField(fact, 'description'), documentation: documentationOf(element) }),
            ...whereIs(element),
            ...(ast.isActor(element) ? balanceNamesOf(model, element) : {}),
            refersTo: names(refersTo.get(element)),
            referredBy: names(referredBy.get(element)),
            diagnostics: diagnosticsOf(element),
        };
        return [element.name!, snapshot] as const;
    });
    return {
        ecosystem: model.name,
        title: model.headers.find(header => header.label)?.label ?? model.name,
        // fromEntries defines own properties, so even a name like __proto__ is kept as data.
        elements: Object.fromEntries(entries),
    };
}

/** The properties that have a value: plain data has no undefined fields. */
function definedOnly<T extends object>(properties: T): Partial<T> {
    return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The named elements an element's references resolve to (its steps' and flows' included), without itself. */
function referencedElements(element: ast.Element): ast.Element[] {
    const targets = new Set<ast.Element>();
    for (const node of AstUtils.streamAst(element)) {
        for (const { reference } of AstUtils.streamReferences(node)) {
            const target = 'ref' in reference ? reference.ref : undefined;
            if (target && ast.isElement(target) && target !== element && target.name) {
                targets.add(target);
            }
        }
    }
    return [...targets];
}

function whereIs(node: AstNode): { file: string; line: number } {
    const uri = AstUtils.getDocument(node).uri;
    return { file: uri.path.split('/').pop() ?? uri.path, line: (node.$cstNode?.range.start.line ?? 0) + 1 };
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

/** The diagnostics of the element's document that lie inside the element's text. */
function diagnosticsOf(element: ast.Element): SnapshotDiagnostic[] {
    const range = element.$cstNode?.range;
    if (!range) {
        return [];
    }
    const inside = (line: number, character: number) =>
        (line > range.start.line || (line === range.start.line && character >= range.start.character))
        && (line < range.end.line || (line === range.end.line && character <= range.end.character));
    return (AstUtils.getDocument(element).diagnostics ?? [])
        .filter(d => inside(d.range.start.line, d.range.start.character))
        .map(d => ({
            severity: SEVERITIES[(d.severity ?? 1) - 1] ?? 'error',
            ...definedOnly({ code: d.code === undefined ? undefined : String(d.code) }),
            message: typeof d.message === 'string' ? d.message : d.message.value,
            line: d.range.start.line + 1,
        }));
}
