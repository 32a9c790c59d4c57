import { type Node, type ParseError, findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
import picomatch from 'picomatch';
import { type DiagnosticCode, type RuleLevel, diagnosticCodes, isDiagnosticCode, ruleLevels, ruleOf } from '../validation/diagnostic-codes.js';

/** The name of a settings file: it governs the `.cxe` files of its folder and below. */
export const SETTINGS_FILE_NAME = 'cxe.config.json';

export type RuleTable = ReadonlyMap<DiagnosticCode, RuleLevel>;

/** A problem in a settings file, located by 0-based offsets into its text. */
export interface SettingsProblem {
    readonly offset: number;
    readonly length: number;
    readonly message: string;
}

export interface RulesOverride {
    readonly matches: (relativePath: string) => boolean;
    readonly rules: RuleTable;
}

/** A parsed settings file; when `problems` is not empty its rules are not used. */
export interface ParsedSettings {
    readonly rules: RuleTable;
    readonly overrides: readonly RulesOverride[];
    readonly problems: readonly SettingsProblem[];
}

const TOP_LEVEL_KEYS = ['$schema', 'rules', 'overrides'];
const OVERRIDE_KEYS = ['files', 'rules'];

/** Reads a `cxe.config.json` text (strict JSON), reporting every problem with its place. */
export function parseSettings(text: string): ParsedSettings {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    // The parser may report one place twice (a missing name and a missing brace): the first says it.
    const problems: SettingsProblem[] = errors.filter((error, i) => i === 0 || error.offset !== errors[i - 1].offset).map(error => ({
        offset: error.offset, length: error.length,
        message: `not valid JSON: ${describeParseError(printParseErrorCode(error.error))}`,
    }));
    if (!root || problems.length > 0) {
        return { rules: new Map(), overrides: [], problems: problems.length > 0 ? problems : [{ offset: 0, length: 0, message: 'not valid JSON: the file is empty' }] };
    }
    const report = (node: Node, message: string) => problems.push({ offset: node.offset, length: node.length, message });
    if (root.type !== 'object') {
        report(root, 'the settings must be a JSON object, like { "rules": { "unmet-need": "error" } }');
        return { rules: new Map(), overrides: [], problems };
    }
    checkKeys(root, TOP_LEVEL_KEYS, '', report);
    const rulesNode = findNodeAtLocation(root, ['rules']);
    const rules = rulesNode ? readRules(rulesNode, report) : new Map();
    const overridesNode = findNodeAtLocation(root, ['overrides']);
    const overrides: RulesOverride[] = [];
    if (overridesNode && overridesNode.type !== 'array') {
        report(overridesNode, "'overrides' must be a list of { \"files\": [globs], \"rules\": { … } }");
    } else {
        for (const entry of overridesNode?.children ?? []) {
            const override = readOverride(entry, report);
            if (override) {
                overrides.push(override);
            }
        }
    }
    return { rules, overrides, problems: problems.sort((a, b) => a.offset - b.offset) };
}

function readRules(node: Node, report: (node: Node, message: string) => void): Map<DiagnosticCode, RuleLevel> {
    const rules = new Map<DiagnosticCode, RuleLevel>();
    if (node.type !== 'object') {
        report(node, "'rules' must be an object mapping codes to \"off\", \"info\", \"warning\" or \"error\"");
        return rules;
    }
    for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        const code = key?.value as string;
        if (!isDiagnosticCode(code)) {
            report(key, `unknown diagnostic code '${code}'${suggestion(code)}`);
        } else if (!ruleOf(code).configurable) {
            report(key, `'${code}' cannot be changed by settings`);
        } else if (value?.type !== 'string' || !ruleLevels.includes(value.value)) {
            report(value ?? property, `'${code}' must be "off", "info", "warning" or "error"`);
        } else {
            rules.set(code, value.value as RuleLevel);
        }
    }
    return rules;
}

function readOverride(node: Node, report: (node: Node, message: string) => void): RulesOverride | undefined {
    if (node.type !== 'object') {
        report(node, 'an override must be an object: { "files": [globs], "rules": { … } }');
        return undefined;
    }
    checkKeys(node, OVERRIDE_KEYS, 'in an override ', report);
    const files = findNodeAtLocation(node, ['files']);
    const globs = files?.type === 'array' ? files.children?.filter(glob => glob.type === 'string').map(glob => String(glob.value)) ?? [] : [];
    if (!files || files.type !== 'array' || globs.length === 0 || globs.length !== files.children?.length) {
        report(files ?? node, "an override needs 'files': a non-empty list of globs, relative to the settings file's folder");
        return undefined;
    }
    const rulesNode = findNodeAtLocation(node, ['rules']);
    const rules = rulesNode ? readRules(rulesNode, report) : new Map<DiagnosticCode, RuleLevel>();
    const matches = picomatch(globs.map(glob => glob.replace(/^\.\//, '')), { dot: true });
    return { matches, rules };
}

function checkKeys(node: Node, allowed: readonly string[], where: string, report: (node: Node, message: string) => void): void {
    for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (key && !allowed.includes(String(key.value))) {
            report(key, `unknown setting '${key.value}' ${where}(expected ${allowed.filter(name => name !== '$schema').map(name => `'${name}'`).join(' or ')})`);
        }
    }
}

/** "unused-values" → ", did you mean 'unused-value'?" for near misses. */
function suggestion(code: string): string {
    const near = diagnosticCodes.find(candidate => candidate.startsWith(code.slice(0, Math.max(4, code.length - 2))) || code.startsWith(candidate));
    return near ? `; did you mean '${near}'?` : '';
}

function describeParseError(code: string): string {
    return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** 0-based line and character of an offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset);
    const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    return { line: before.split(/\r\n|\r|\n/).length - 1, character: offset - lineStart };
}
