import type { AstNode } from 'langium';
import type { EcosystemModel } from '../model/ecosystem-model.js';
import type { DiagnosticCode, Severity } from './diagnostic-codes.js';

/** A finding of a check, located on a node (and optionally one of its properties). */
export interface Problem {
    readonly code: DiagnosticCode;
    readonly node: AstNode;
    /** The property to underline (for example 'name'); the whole node when absent. */
    readonly property?: string;
    readonly index?: number;
    readonly message: string;
}

export type Report = (problem: Problem) => void;

/**
 * The elements a check looks at: every element of the model, or after an edit only those whose
 * findings the edit can have changed (EcosystemProblems). Lists as the model's, and the names to
 * look at for duplicates.
 */
export type Focus = Pick<EcosystemModel, 'elements' | 'actors' | 'values' | 'touchpoints' | 'exchanges' | 'factors' | 'systems'
    | 'processes' | 'policies' | 'journeys' | 'views'> & { readonly names: Iterable<string> };

/**
 * A check reads the resolved model of one ecosystem and reports what it finds about the focused
 * elements, reading the rest of the model only through them (their flows, uses and namesakes).
 */
export type Check = (model: EcosystemModel, report: Report, focus: Focus) => void;

/** A problem the findings stage kept, with the severity the settings give it (what badges count). */
export interface Finding extends Problem {
    readonly severity: Severity;
}
