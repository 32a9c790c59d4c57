import fc from 'fast-check';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from './corpus';
import { LspSession } from './lsp-session';
import { type FuzzCase, fuzzCase } from './mutations';
import { type Finding, type FindingKind, type Transcript, runCase } from './run-case';

export interface FuzzOptions {
    readonly seed: number;
    readonly count: number;
    /** Where shrunk failing inputs are saved (one folder each); nothing is saved when absent. */
    readonly out?: string;
    /** How many inputs to shrink per distinct failure; every other failing input is saved as it is. */
    readonly savePerFailure?: number;
    readonly onProgress?: (done: number, stats: FuzzStats) => void;
    /** A request slower than this is a hang; 2 s unless given. */
    readonly hangMs?: number;
    /** Stops after the current case: the figures so far are returned. */
    readonly signal?: AbortSignal;
}

export const FINDING_KINDS: readonly FindingKind[] = ['crash', 'hang', 'hang-not-reproduced', 'internal-error', 'malformed-svg', 'nondeterministic', 'stale-diagnostics'];

/** Findings that fail a run: all but hangs that did not show again. */
export const isFailure = (kind: FindingKind) => kind !== 'hang-not-reproduced';

/** How many more times a case that hung is run to see whether the hang is the input's. */
const HANG_CONFIRMATIONS = 2;

/** Per request type: how many were sent and how many went wrong, by kind. */
export type RequestStats = { sent: number } & Record<FindingKind, number>;

export interface FuzzStats {
    readonly documents: number;
    readonly requests: Map<string, RequestStats>;
    /** One entry per distinct failure (kind, request and detail with numbers blurred). */
    readonly failures: Map<string, DistinctFailure>;
}

/** A distinct failure: its first finding, how often it showed, and the folders its inputs were saved to. */
export interface DistinctFailure {
    readonly finding: Finding;
    count: number;
    readonly saved: string[];
}

/** The seed of case `index` of a run: every case can be replayed alone. */
export const caseSeed = (seed: number, index: number) => (seed + Math.imul(index, 0x9e3779b1)) | 0;

/**
 * Sends `count` fuzzed cases through one bundled language server. With `out`, every failing input is
 * saved: the first of each distinct failure (up to `savePerFailure`) shrunk by fast-check, then line by
 * line, the others as they are. A case that hung is run twice more: a hang that does not show again
 * is counted apart, as `hang-not-reproduced`, and does not fail the run.
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzStats> {
    const corpus = loadCorpus();
    const arbitrary = fuzzCase(corpus);
    const session = new LspSession(options.hangMs);
    // A second server, for the diagnostics of the edited texts opened fresh.
    const reference = new LspSession(options.hangMs);
    await Promise.all([session.start(), reference.start()]);
    const stats: FuzzStats = { documents: 0, requests: new Map(), failures: new Map() };
    try {
        for (let index = 0; index < options.count && !options.signal?.aborted; index++) {
            await fuzzOne(session, reference, arbitrary, caseSeed(options.seed, index), index, stats, options);
            options.onProgress?.(index + 1, stats);
        }
    } finally {
        session.stop();
        reference.stop();
    }
    return stats;
}

async function fuzzOne(session: LspSession, reference: LspSession, arbitrary: fc.Arbitrary<FuzzCase>, seed: number, index: number,
    stats: FuzzStats, options: FuzzOptions): Promise<void> {
    let runs = 0;
    let target: string | undefined;
    let smallest: { fuzzCase: FuzzCase; transcript: Transcript; findings: Finding[] } | undefined;
    const property = fc.asyncProperty(arbitrary, async fuzzCase => {
        const result = await runCase(session, fuzzCase, `${index}-${runs++}`, reference);
        if (runs === 1) {
            const findings = await confirmHangs(session, reference, fuzzCase, result.findings, `${index}`);
            record(stats, result.requests, findings);
            const failing = findings.filter(finding => isFailure(finding.kind));
            // Only the first inputs of each failure are worth the time shrinking takes.
            const fresh = failing.find(finding => stats.failures.get(failureKey(finding))!.saved.length < (options.savePerFailure ?? 1));
            target = options.out === undefined ? undefined : fresh && failureKey(fresh);
            if (options.out !== undefined && findings.length > 0 && !fresh) {
                saveFailing(options.out, findings, result.transcript, { seed: options.seed, index, caseSeed: seed }, stats);
            }
        }
        const reproduced = target !== undefined && result.findings.some(finding => failureKey(finding) === target);
        if (reproduced) {
            smallest = { fuzzCase, transcript: result.transcript, findings: result.findings };
        }
        return !reproduced;
    });
    await fc.check(property, { seed, numRuns: 1, interruptAfterTimeLimit: 60_000 });
    if (target && smallest && options.out) {
        const reduced = await reduceLines(session, smallest, target, `${index}`);
        const folder = folderFor(options.out, target, index);
        save(folder, reduced.transcript, reduced.findings, { seed: options.seed, index, caseSeed: seed });
        stats.failures.get(target)!.saved.push(folder);
    }
}

/**
 * Runs a case that hung `HANG_CONFIRMATIONS` more times: a hang of a request type that none of the
 * runs shows again becomes `hang-not-reproduced`.
 */
async function confirmHangs(session: LspSession, reference: LspSession, fuzzCase: FuzzCase, findings: Finding[], id: string): Promise<Finding[]> {
    const hung = new Set(findings.filter(finding => finding.kind === 'hang').map(finding => finding.request));
    if (hung.size === 0) {
        return findings;
    }
    const again = new Set<string>();
    for (let attempt = 1; attempt <= HANG_CONFIRMATIONS && [...hung].some(request => !again.has(request)); attempt++) {
        const rerun = await runCase(session, fuzzCase, `${id}-confirm-${attempt}`, reference);
        rerun.findings.filter(finding => finding.kind === 'hang' && hung.has(finding.request)).forEach(finding => again.add(finding.request));
    }
    return findings.map(finding => (finding.kind !== 'hang' || again.has(finding.request)
        ? finding
        : { ...finding, kind: 'hang-not-reproduced', detail: `${finding.detail}; answered in time on ${HANG_CONFIRMATIONS} reruns` }));
}

/** Saves a failing input as it is (no shrinking), in a folder per case, and lists it with its failures. */
function saveFailing(out: string, findings: readonly Finding[], transcript: Transcript, replay: Record<string, number>, stats: FuzzStats): void {
    const folder = folderFor(out, failureKey(findings[0]), replay.index);
    save(folder, transcript, findings, replay);
    new Set(findings.map(failureKey)).forEach(key => stats.failures.get(key)!.saved.push(folder));
}

/** The folder a failing input of case `index` is saved to, named after its (first) failure. */
function folderFor(out: string, key: string, index: number): string {
    return path.join(out, `${key.replace(/[^\w.-]+/g, '-').slice(0, 80)}-${index}`);
}

function record(stats: FuzzStats, requests: Map<string, number>, findings: readonly Finding[]): void {
    (stats as { documents: number }).documents++;
    const of = (method: string) => {
        let entry = stats.requests.get(method);
        if (!entry) {
            entry = { sent: 0, ...Object.fromEntries(FINDING_KINDS.map(kind => [kind, 0])) } as RequestStats;
            stats.requests.set(method, entry);
        }
        return entry;
    };
    requests.forEach((count, method) => (of(method).sent += count));
    for (const finding of findings) {
        of(finding.request)[finding.kind]++;
        const key = failureKey(finding);
        const failure = stats.failures.get(key) ?? { finding, count: 0, saved: [] };
        failure.count++;
        stats.failures.set(key, failure);
    }
}

/** One failure, whatever the numbers in its message: `kind request detail`. */
export function failureKey(finding: Finding): string {
    return `${finding.kind} ${finding.request} ${finding.detail.replace(/\d+/g, '#').slice(0, 100)}`;
}

/**
 * Shrinks the final texts of a failing case further, line by line: when the failure shows with the
 * texts opened as they ended (without the edits), chunks of lines are dropped while it still shows.
 */
async function reduceLines(session: LspSession, failing: { fuzzCase: FuzzCase; transcript: Transcript; findings: Finding[] }, target: string, id: string) {
    const finalTexts = failing.transcript.opened.map(file => ({ ...file }));
    for (const edit of failing.transcript.edits) {
        finalTexts.find(file => file.name === edit.name)!.text = edit.text;
    }
    let attempt = 0;
    const reproduces = async (files: Array<{ name: string; text: string }>) => {
        const result = await runCase(session, { ...failing.fuzzCase, files, edits: [] }, `${id}-lines-${attempt++}`);
        return result.findings.some(finding => failureKey(finding) === target) ? result : undefined;
    };
    let best = await reproduces(finalTexts);
    if (!best) {
        return failing;
    }
    const deadline = Date.now() + 30_000;
    let files = finalTexts;
    for (let fileIndex = 0; fileIndex < files.length; fileIndex++) {
        let lines = files[fileIndex].text.split('\n');
        for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1 && Date.now() < deadline; chunk >>= 1) {
            for (let start = 0; start < lines.length && Date.now() < deadline;) {
                const fewer = [...lines.slice(0, start), ...lines.slice(start + chunk)];
                const candidate = files.map((file, i) => (i === fileIndex ? { ...file, text: fewer.join('\n') } : file));
                const result = await reproduces(candidate);
                if (result) {
                    [lines, files, best] = [fewer, candidate, result];
                } else {
                    start += chunk;
                }
            }
        }
    }
    return { fuzzCase: failing.fuzzCase, transcript: best.transcript, findings: best.findings };
}

function save(folder: string, transcript: Transcript, findings: readonly Finding[], replay: Record<string, number>): void {
    mkdirSync(folder, { recursive: true });
    transcript.opened.forEach(file => writeFileSync(path.join(folder, `opened.${file.name.replaceAll('/', '_')}`), file.text));
    transcript.edits.forEach((edit, i) => writeFileSync(path.join(folder, `edit-${i + 1}.${edit.name.replaceAll('/', '_')}`), edit.text));
    writeFileSync(path.join(folder, 'findings.json'), JSON.stringify({ replay, findings }, null, 2) + '\n');
}

/**
 * Runs a saved failing input again (a folder written by `fuzz`): its files opened, its edits typed,
 * every request sent. The findings it shows now, none once the cause is fixed.
 */
export async function replay(folder: string, hangMs?: number): Promise<Finding[]> {
    const names = readdirSync(folder).sort();
    const files = names.filter(name => name.startsWith('opened.')).map(name => ({ name: name.slice('opened.'.length), text: readFileSync(path.join(folder, name), 'utf8') }));
    const edits = names.filter(name => name.startsWith('edit-'))
        .sort((a, b) => Number(a.split(/[-.]/)[1]) - Number(b.split(/[-.]/)[1]))
        .map(name => {
            const text = readFileSync(path.join(folder, name), 'utf8');
            return { file: files.findIndex(file => name.endsWith(`.${file.name}`)), mutation: () => text };
        });
    const session = new LspSession(hangMs);
    const reference = new LspSession(hangMs);
    await Promise.all([session.start(), reference.start()]);
    try {
        const result = await runCase(session, { files, edits, spots: [0, 0.5, 1], newName: 'Renamed' }, 'replay', reference);
        return result.findings;
    } finally {
        session.stop();
        reference.stop();
    }
}
