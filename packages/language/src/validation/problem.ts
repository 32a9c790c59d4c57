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

/** A check reads the resolved model of one ecosystem and reports what it finds. */
export type Check = (model: EcosystemModel, report: Report) => void;

/** A problem the findings stage kept, with the severity the settings give it (what badges count). */
export interface Finding extends Problem {
    readonly severity: Severity;
}
