import { type FileSystemProvider, type LangiumSharedCoreServices, type URI, UriUtils } from 'langium';
import { type DiagnosticCode, type RuleLevel, severityOf } from '../validation/diagnostic-codes.js';
import type { RuleLevels } from '../validation/findings-stage.js';
import { type ParsedSettings, type RuleTable, SETTINGS_FILE_NAME, parseSettings } from './settings-file.js';

/** What the command line adds: `--no-config` and `--rule code=level` (which wins over files). */
export interface RuleSettingsOptions {
    readonly useFiles: boolean;
    readonly rules: RuleTable;
}

/** A settings file as read, with its text (to locate its problems). */
export interface LoadedSettings extends ParsedSettings {
    readonly uri: URI;
    readonly text: string;
}

/**
 * The rule levels of each `.cxe` file: the defaults of the rule registry, then the nearest
 * `cxe.config.json` going up from the file (its `rules`, then each matching override in order), then
 * the command line's rules. A settings file with problems is reported and its rules are not used.
 * Files are read once and kept until `reload()`, which the language server calls when one changes.
 */
export class RuleSettings {
    private readonly fileSystem: FileSystemProvider;
    private options: RuleSettingsOptions = { useFiles: true, rules: new Map() };
    /** By settings-file URI: the file, or null when there is none. */
    private readonly files = new Map<string, LoadedSettings | null>();
    private readonly levelsByDocument = new Map<string, RuleLevels>();

    constructor(shared: LangiumSharedCoreServices) {
        this.fileSystem = shared.workspace.FileSystemProvider;
    }

    configure(options: RuleSettingsOptions): void {
        this.options = options;
        this.reload();
    }

    /** Forgets every settings file read so far. */
    reload(): void {
        this.files.clear();
        this.levelsByDocument.clear();
    }

    levelsFor(documentUri: URI): RuleLevels {
        const key = documentUri.toString();
        let levels = this.levelsByDocument.get(key);
        if (!levels) {
            levels = this.computeLevels(documentUri);
            this.levelsByDocument.set(key, levels);
        }
        return levels;
    }

    /** The nearest settings file going up from a document, if any. */
    settingsFileFor(documentUri: URI): LoadedSettings | undefined {
        if (!this.options.useFiles || documentUri.scheme !== 'file') {
            return undefined;
        }
        let folder = UriUtils.dirname(documentUri);
        for (;;) {
            const found = this.load(UriUtils.joinPath(folder, SETTINGS_FILE_NAME));
            if (found) {
                return found;
            }
            const parent = UriUtils.dirname(folder);
            if (parent.path === folder.path) {
                return undefined;
            }
            folder = parent;
        }
    }

    /** Every settings file read so far (the ones that govern the documents validated). */
    loadedFiles(): LoadedSettings[] {
        return [...this.files.values()].filter((file): file is LoadedSettings => file !== null);
    }

    private computeLevels(documentUri: URI): RuleLevels {
        const table = new Map<DiagnosticCode, RuleLevel>();
        const file = this.settingsFileFor(documentUri);
        if (file && file.problems.length === 0) {
            const relative = UriUtils.relative(UriUtils.dirname(file.uri), documentUri);
            file.rules.forEach((level, code) => table.set(code, level));
            file.overrides.filter(override => override.matches(relative))
                .forEach(override => override.rules.forEach((level, code) => table.set(code, level)));
        }
        this.options.rules.forEach((level, code) => table.set(code, level));
        return table.size === 0 ? severityOf : code => table.get(code) ?? severityOf(code);
    }

    private load(uri: URI): LoadedSettings | undefined {
        const key = uri.toString();
        if (!this.files.has(key)) {
            this.files.set(key, this.read(uri));
        }
        return this.files.get(key) ?? undefined;
    }

    private read(uri: URI): LoadedSettings | null {
        let text: string;
        try {
            if (!this.fileSystem.existsSync(uri)) {
                return null;
            }
            text = this.fileSystem.readFileSync(uri);
        } catch (error) {
            const reason = (error as NodeJS.ErrnoException).code ?? String(error);
            return { uri, text: '', rules: new Map(), overrides: [], problems: [{ offset: 0, length: 0, message: `cannot read the settings file (${reason})` }] };
        }
        return { uri, text, ...parseSettings(text) };
    }
}
