import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { type DiagnosticCode, type RuleLevel, type Severity, docsUrlOf, isDiagnosticCode, ruleOf } from './diagnostic-codes.js';
import type { Suppression } from './suppressions.js';

/** The level each rule has for one file, after the settings that govern it. */
export type RuleLevels = (code: DiagnosticCode) => RuleLevel;

export const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
};

/** What the `unused-ignore` quick fix needs: the codes of the comment that silence nothing. */
export interface UnusedIgnoreData {
    readonly code: 'unused-ignore';
    readonly unused: readonly string[];
    readonly all: boolean;
}

/**
 * The findings stage of one file: the findings of the lexer, parser, linker and checks (each with
 * its code and default severity) become the diagnostics users see. Settings give each rule its level
 * (`off` drops the finding), then ignore comments silence what they name, and ignore comments that
 * silenced nothing become `unused-ignore` findings. Every diagnostic links to its rule's page.
 * The findings are changed in place; the kept ones are returned, in their order, then the ignores'.
 */
export function applyFindingsStage(findings: readonly Diagnostic[], levels: RuleLevels, suppressions: readonly Suppression[]): Diagnostic[] {
    const used = new Set<object>();
    const reach = reachOf(suppressions);
    const kept = findings.filter(finding => {
        const code = finding.code;
        if (!isDiagnosticCode(code)) {
            return true;
        }
        const level = levels(code);
        if (level === 'off') {
            return false;
        }
        finding.severity = LSP_SEVERITY[level];
        const silencer = ruleOf(code).suppressible ? silencerOf(code, reach(finding.range.start.line)) : undefined;
        if (silencer) {
            used.add(silencer);
            return false;
        }
        return true;
    });
    const level = levels('unused-ignore');
    const unused = level === 'off' ? [] : suppressions.flatMap(suppression => unusedIgnore(suppression, used, LSP_SEVERITY[level]));
    const diagnostics = [...kept, ...unused];
    for (const diagnostic of diagnostics) {
        if (isDiagnosticCode(diagnostic.code)) {
            diagnostic.codeDescription = { href: docsUrlOf(diagnostic.code) };
        }
    }
    return diagnostics;
}

/**
 * The ignore comments whose reach holds a line, in file order: the file's ignores and those of the
 * line, looked up rather than scanned for every finding (a file may hold thousands of both).
 */
function reachOf(suppressions: readonly Suppression[]): (line: number) => readonly Suppression[] {
    const fileWide = suppressions.filter(suppression => suppression.scope === 'file');
    const byLine = Map.groupBy(suppressions.filter(suppression => suppression.scope === 'line'), suppression => suppression.targetLine);
    const order = new Map(suppressions.map((suppression, i) => [suppression, i]));
    return line => {
        const own = byLine.get(line) ?? [];
        return fileWide.length === 0 ? own : own.length === 0 ? fileWide : [...fileWide, ...own].sort((a, b) => order.get(a)! - order.get(b)!);
    };
}

/** The written code of the first ignore comment whose reach holds the finding, or undefined. */
function silencerOf(code: DiagnosticCode, reaching: readonly Suppression[]): object | undefined {
    for (const suppression of reaching) {
        const named = suppression.codes.find(candidate => candidate.name === code);
        if (named) {
            return named;
        }
    }
    return undefined;
}

function unusedIgnore(suppression: Suppression, used: ReadonlySet<object>, severity: DiagnosticSeverity): Diagnostic[] {
    const comment = `cxe-ignore${suppression.scope === 'file' ? '-file' : ''}`;
    if (suppression.codes.length === 0) {
        return [diagnostic(suppression, severity, `This '${comment}' comment names no code, so it ignores nothing: there is no blanket ignore. `
            + `Name the codes to ignore, for example '// ${comment} unmet-need -- why'.`, [], true)];
    }
    const unused = suppression.codes.filter(code => !used.has(code));
    if (unused.length === 0) {
        return [];
    }
    const reasons = unused.map(({ name }) => !isDiagnosticCode(name)
        ? `'${name}' is not a diagnostic code`
        : !ruleOf(name).suppressible ? `'${name}' cannot be ignored by a comment`
            : suppression.scope === 'file' ? `no '${name}' in this file`
                : suppression.targetLine === undefined ? `no line follows for '${name}'`
                    : `no '${name}' starts on line ${suppression.targetLine + 1}`);
    const all = unused.length === suppression.codes.length;
    const advice = all ? 'Remove the comment, or name the code it should ignore.' : 'Remove the code from the comment.';
    return [diagnostic(suppression, severity, `Unused ignore: ${reasons.join('; ')}. ${advice}`, unused.map(code => code.name), all)];
}

function diagnostic(suppression: Suppression, severity: DiagnosticSeverity, message: string, unused: string[], all: boolean): Diagnostic {
    const data: UnusedIgnoreData = { code: 'unused-ignore', unused, all };
    return { range: suppression.range, severity, code: 'unused-ignore', message, source: 'cxe', data };
}
