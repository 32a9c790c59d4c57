/**
 * The rule registry: the diagnostic codes of LANGUAGE.md, a public contract that CI pipelines,
 * settings files, suppression comments, quick fixes and the tests key on. Each code is declared once
 * here with its default severity, its summary and whether settings may change it; every other place
 * (checks, findings stage, CLI, docs links) reads it from here.
 */
export type Severity = 'error' | 'warning' | 'info';

/** What a settings file or `--rule` may make of a rule. */
export type RuleLevel = Severity | 'off';

export const ruleLevels: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

export interface DiagnosticRule {
    readonly severity: Severity;
    /** One line on when the rule fires: hover on a code in an ignore comment, docs, completion. */
    readonly summary: string;
    /** False for the rules settings files and `--rule` cannot change (LANGUAGE.md). */
    readonly configurable: boolean;
    /** False for the rules a `cxe-ignore` comment cannot silence. */
    readonly suppressible: boolean;
}

const fixed = { configurable: false, suppressible: true } as const;
const rule = { configurable: true, suppressible: true } as const;

export const diagnosticRules = {
    'syntax': { severity: 'error', summary: 'the parser or lexer rejects the text', configurable: false, suppressible: false },
    'unresolved-reference': { severity: 'error', summary: 'a name does not resolve to an element of the expected kind in the ecosystem', ...fixed },
    'duplicate-name': { severity: 'error', summary: 'two elements of one ecosystem share a name (also across files)', ...fixed },
    'self-exchange': { severity: 'error', summary: 'a flow whose giver and receiver are the same actor', ...rule },
    'employer-not-organization': { severity: 'error', summary: "'employer' names something that is not an organization or partner", ...rule },
    'journey-not-customer': { severity: 'error', summary: "a journey 'for' an actor that is not a customer", ...rule },
    'score-out-of-range': { severity: 'error', summary: 'a journey step score outside 1..5', ...rule },
    'no-declared-value': { severity: 'warning', summary: 'an actor (not an organization) that seeks nothing and receives nothing', ...rule },
    'unreciprocated': { severity: 'warning', summary: 'an actor that seeks something and gives value, but receives nothing', ...rule },
    'isolated-actor': { severity: 'warning', summary: 'an actor that seeks something but takes part in no flow', ...rule },
    'unmet-need': { severity: 'warning', summary: 'an actor that receives something seeks a value object that no flow gives to it', ...rule },
    'unused-value': { severity: 'warning', summary: 'a value object that no flow carries and no actor seeks', ...rule },
    'factor-without-impact': { severity: 'warning', summary: "an environment factor with no 'affects'", ...rule },
    'unused-touchpoint': { severity: 'warning', summary: 'a touchpoint that no flow, journey step, system, process or policy references', ...rule },
    'backstage-without-target': { severity: 'warning', summary: 'a system or process that supports nothing, or a policy that affects nothing', ...rule },
    'no-customer': { severity: 'warning', summary: "an ecosystem with no 'customer' actor", ...rule },
    'pain-point-without-cause': { severity: 'info', summary: 'a journey step scored 1 or 2 whose touchpoint has no system, process, policy or environment factor in its trace', ...rule },
    'duplicate-clause': { severity: 'error', summary: 'a single-valued clause given twice in one element', ...rule },
    // An ignore comment cannot silence the reports about ignore comments; settings can turn them off.
    'unused-ignore': { severity: 'warning', summary: "a 'cxe-ignore' comment that suppresses nothing or names no diagnostic code", configurable: true, suppressible: false },
} as const satisfies Record<string, DiagnosticRule>;

export type DiagnosticCode = keyof typeof diagnosticRules;

export const diagnosticCodes = Object.keys(diagnosticRules) as DiagnosticCode[];

export function isDiagnosticCode(value: unknown): value is DiagnosticCode {
    return typeof value === 'string' && Object.hasOwn(diagnosticRules, value);
}

export function ruleOf(code: DiagnosticCode): DiagnosticRule {
    return diagnosticRules[code];
}

/** The default severity of a rule, before settings. */
export function severityOf(code: DiagnosticCode): Severity {
    return diagnosticRules[code].severity;
}

/**
 * Where the rules are documented: one page per code, docs/rules/<code>.md. A fixed public address,
 * defined once, because the editor extension is installed offline and has no other place to point at.
 */
export const DOCS_URL = 'https://github.com/cxe-dev/cxe/blob/main/docs/rules/';

/** The documentation of one rule, as a diagnostic's `codeDescription.href`. */
export function docsUrlOf(code: DiagnosticCode): string {
    return `${DOCS_URL}${code}.md`;
}
