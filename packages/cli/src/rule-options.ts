import { InvalidArgumentError } from 'commander';
import { type DiagnosticCode, type RuleLevel, type RuleSettingsOptions, diagnosticCodes, isDiagnosticCode, ruleLevels, ruleOf } from '@cxe/language';

/** The options `validate` and `generate` share for rule settings. */
export interface RuleOptions {
    /** False with `--no-config`: settings files are not read. */
    readonly config: boolean;
    /** `--rule code=level`, as given (repeatable). */
    readonly rule: readonly string[];
}

/** Commander's parser for one `--rule code=level`: checked at once, collected in order. */
export function collectRule(value: string, previous: readonly string[]): string[] {
    const [code, level] = value.split('=');
    if (!isDiagnosticCode(code)) {
        throw new InvalidArgumentError(`'${code}' is not a diagnostic code (one of ${diagnosticCodes.filter(c => ruleOf(c).configurable).join(', ')}).`);
    }
    if (!ruleOf(code).configurable) {
        throw new InvalidArgumentError(`'${code}' cannot be changed.`);
    }
    if (!(ruleLevels as readonly string[]).includes(level)) {
        throw new InvalidArgumentError(`expected ${code}=${ruleLevels.join('|')}.`);
    }
    return [...previous, value];
}

/** What the rule settings service takes; a later `--rule` for the same code wins. */
export function ruleSettingsOf(options: RuleOptions): RuleSettingsOptions {
    const rules = new Map<DiagnosticCode, RuleLevel>(options.rule.map(value => value.split('=') as [DiagnosticCode, RuleLevel]));
    return { useFiles: options.config, rules };
}
