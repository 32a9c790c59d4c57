/**
 * The diagnostic codes of LANGUAGE.md, a public contract: CI pipelines, suppressions, quick fixes
 * and the tests key on these strings. Declared once here and used everywhere else.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface DiagnosticRule {
    readonly severity: Severity;
    /** One line on when the rule fires, for documentation and `--help` style listings. */
    readonly summary: string;
}

export const diagnosticRules = {
    'syntax': { severity: 'error', summary: 'the parser or lexer rejects the text' },
    'unresolved-reference': { severity: 'error', summary: 'a name does not resolve to an element of the expected kind in the ecosystem' },
    'duplicate-name': { severity: 'error', summary: 'two elements of one ecosystem share a name (also across files)' },
    'self-exchange': { severity: 'error', summary: 'a flow whose giver and receiver are the same actor' },
    'employer-not-organization': { severity: 'error', summary: "'employer' names something that is not an organization or partner" },
    'journey-not-customer': { severity: 'error', summary: "a journey 'for' an actor that is not a customer" },
    'score-out-of-range': { severity: 'error', summary: 'a journey step score outside 1..5' },
    'no-declared-value': { severity: 'warning', summary: 'an actor (not an organization) that seeks nothing and receives nothing' },
    'unreciprocated': { severity: 'warning', summary: 'an actor that seeks something and gives value, but receives nothing' },
    'isolated-actor': { severity: 'warning', summary: 'an actor that seeks something but takes part in no flow' },
    'unmet-need': { severity: 'warning', summary: 'an actor that receives something seeks a value object that no flow gives to it' },
    'unused-value': { severity: 'warning', summary: 'a value object that no flow carries and no actor seeks' },
    'factor-without-impact': { severity: 'warning', summary: "an environment factor with no 'affects'" },
    'unused-touchpoint': { severity: 'warning', summary: 'a touchpoint that no flow, journey step, system, process or policy references' },
    'backstage-without-target': { severity: 'warning', summary: 'a system or process that supports nothing, or a policy that affects nothing' },
    'no-customer': { severity: 'warning', summary: "an ecosystem with no 'customer' actor" },
    'pain-point-without-cause': { severity: 'info', summary: 'a journey step scored 1 or 2 whose touchpoint has no system, process, policy or environment factor in its trace' },
} as const satisfies Record<string, DiagnosticRule>;

export type DiagnosticCode = keyof typeof diagnosticRules;

export const diagnosticCodes = Object.keys(diagnosticRules) as DiagnosticCode[];

export function isDiagnosticCode(value: unknown): value is DiagnosticCode {
    return typeof value === 'string' && Object.hasOwn(diagnosticRules, value);
}

export function severityOf(code: DiagnosticCode): Severity {
    return diagnosticRules[code].severity;
}

/**
 * Where the rules are documented: docs/language.md, where each code is an anchor. A fixed public
 * address, defined once, because the editor extension is installed offline and has no other place
 * to point at.
 */
export const DOCS_URL = 'https://github.com/cxe-dev/cxe/blob/main/docs/language.md#';

/** The documentation of one rule, as a diagnostic's `codeDescription.href`. */
export function docsUrlOf(code: DiagnosticCode): string {
    return `${DOCS_URL}${code}`;
}
