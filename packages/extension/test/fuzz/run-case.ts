import { XMLValidator } from 'fast-xml-parser';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import type { LspSession, Outcome } from './lsp-session';
import type { FuzzCase } from './mutations';

/**
 * What can go wrong. `hang-not-reproduced` is the fuzzer's later judgement of a `hang` that did not
 * show again when its case was run twice more: a slow spell of the machine, not of the input.
 */
export type FindingKind = 'crash' | 'hang' | 'hang-not-reproduced' | 'internal-error' | 'malformed-svg' | 'nondeterministic' | 'stale-diagnostics';

/** Something wrong the fuzzer saw: what, in answer to which request, and a short detail. */
export interface Finding {
    readonly kind: FindingKind;
    readonly request: string;
    readonly detail: string;
}

/** The texts a case went through: each file as opened, then each edit's result (for saving a failing input). */
export interface Transcript {
    readonly opened: ReadonlyArray<{ readonly name: string; readonly text: string }>;
    readonly edits: ReadonlyArray<{ readonly name: string; readonly text: string }>;
}

export interface CaseResult {
    readonly findings: Finding[];
    /** How many requests of each type were sent. */
    readonly requests: Map<string, number>;
    readonly transcript: Transcript;
}

/** Errors a request may answer on purpose: rename refusing a name the user typed. */
const DELIBERATE = new Map<string, number>([['textDocument/rename', -32803], ['textDocument/prepareRename', -32803]]);

/**
 * Opens a case's files in the server, types its edits, then sends every request type at its spots,
 * a code action for every diagnostic, and the diagram of every view twice (the two must be equal).
 * With a reference server, the diagnostics of several edited files must be those the reference
 * publishes for the same texts opened fresh.
 */
export async function runCase(session: LspSession, fuzzCase: FuzzCase, caseId: string, reference?: LspSession): Promise<CaseResult> {
    const findings: Finding[] = [];
    const requests = new Map<string, number>();
    const uris = fuzzCase.files.map(file => `file:///fuzz/${caseId}/${file.name}`);
    const texts = fuzzCase.files.map(file => file.text);
    const versions = texts.map(() => 1);
    const transcript: Transcript = { opened: fuzzCase.files.map(file => ({ ...file })), edits: [] };

    const generation = session.generation;
    const send = async (method: string, params: unknown): Promise<unknown> => {
        // A server restarted after a hang no longer has the case's documents: the rest would be noise.
        if (session.generation !== generation) {
            return undefined;
        }
        requests.set(method, (requests.get(method) ?? 0) + 1);
        const outcome = await session.request(method, params);
        const finding = judge(method, outcome);
        if (finding) {
            findings.push(finding);
        }
        return outcome.status === 'ok' ? outcome.result : undefined;
    };
    const settle = async (index: number, seen: number) => {
        const cpuAtStart = session.serverCpuMs();
        if (!(await session.nextDiagnostics(uris[index], seen)) && !session.died) {
            const detail = `no diagnostics within ${session.hangMs} ms${serverCpu(cpuAtStart, session.serverCpuMs())}`;
            findings.push({ kind: 'hang', request: 'textDocument/publishDiagnostics', detail });
        }
    };

    for (const [index, uri] of uris.entries()) {
        const seen = session.publications(uri);
        session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cxe', version: 1, text: texts[index] } });
        await settle(index, seen);
    }
    for (const edit of fuzzCase.edits) {
        const before = texts[edit.file];
        const after = edit.mutation(before);
        texts[edit.file] = after;
        (transcript.edits as Array<{ name: string; text: string }>).push({ name: fuzzCase.files[edit.file].name, text: after });
        const seen = session.publications(uris[edit.file]);
        session.notify('textDocument/didChange', {
            textDocument: { uri: uris[edit.file], version: ++versions[edit.file] },
            contentChanges: [incrementalChange(before, after)],
        });
        await settle(edit.file, seen);
    }

    if (reference && fuzzCase.edits.length > 0 && uris.length > 1 && session.generation === generation) {
        // Silence is how a client sees that a build has published all it will. On a loaded machine a
        // build can pause longer than 150 ms between two publications (in either server): a difference
        // is looked at again after a second of silence before it counts.
        const edited = fuzzCase.files.map((file, i) => ({ name: file.name, text: texts[i] }));
        let stale: string[] = [];
        for (const silence of [150, 1_000]) {
            await session.quiet(silence); // the rest of the build's publications
            const fresh = await freshDiagnostics(reference, edited, `${caseId}-${silence}`, silence);
            stale = fresh ? uris.filter((uri, i) => diagnosticsKey(session.diagnosticsOf(uri)) !== diagnosticsKey(fresh[i])) : [];
            if (stale.length === 0) {
                break;
            }
        }
        if (stale.length > 0) {
            findings.push({ kind: 'stale-diagnostics', request: 'textDocument/publishDiagnostics', detail: 'after edits, not what a fresh server publishes for the same texts' });
        }
    }
    for (const [index, uri] of uris.entries()) {
        await requestEverything(send, uri, texts[index], fuzzCase, session.diagnosticsOf(uri));
    }
    await requestDiagrams(send, uris[0], findings);
    await send('cxe/diagram', { uri: `file:///fuzz/${caseId}/not-open.cxe` });
    await send('workspace/symbol', { query: fuzzCase.newName });

    if (session.generation === generation) {
        await session.close(uris);
    }
    if (session.died) {
        findings.push({ kind: 'crash', request: 'server', detail: session.died });
        await session.restart();
    }
    return { findings: dedupe(findings), requests, transcript };
}

type Send = (method: string, params: unknown) => Promise<unknown>;

/** The diagnostics a server publishes for texts opened fresh (undefined when it does not answer in time). */
async function freshDiagnostics(reference: LspSession, files: ReadonlyArray<{ name: string; text: string }>, caseId: string, silence: number): Promise<Diagnostic[][] | undefined> {
    const uris = files.map(file => `file:///fresh/${caseId}/${file.name}`);
    let answered = true;
    for (const [index, uri] of uris.entries()) {
        const seen = reference.publications(uri);
        reference.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cxe', version: 1, text: files[index].text } });
        answered &&= await reference.nextDiagnostics(uri, seen);
    }
    await reference.quiet(silence);
    const diagnostics = uris.map(uri => reference.diagnosticsOf(uri));
    await reference.close(uris);
    if (reference.died) {
        await reference.restart();
    }
    return answered ? diagnostics : undefined;
}

function diagnosticsKey(diagnostics: readonly Diagnostic[]): string {
    return diagnostics.map(d => `${d.severity} ${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${typeof d.message === 'string' ? d.message : ''}`).sort().join('\n');
}

async function requestEverything(send: Send, uri: string, text: string, fuzzCase: FuzzCase, diagnostics: Diagnostic[]): Promise<void> {
    const textDocument = { uri };
    const lines = lineStarts(text);
    const whole: Range = { start: { line: 0, character: 0 }, end: positionAt(text, lines, text.length) };
    for (const spot of fuzzCase.spots) {
        const position = positionAt(text, lines, Math.floor(spot * (text.length + 1)));
        await send('textDocument/completion', { textDocument, position });
        await send('textDocument/completion', { textDocument, position, context: { triggerKind: 2, triggerCharacter: ' ' } });
        await send('textDocument/hover', { textDocument, position });
        await send('textDocument/definition', { textDocument, position });
        await send('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
        await send('textDocument/documentHighlight', { textDocument, position });
        await send('textDocument/prepareRename', { textDocument, position });
        await send('textDocument/rename', { textDocument, position, newName: fuzzCase.newName });
        await send('textDocument/rangeFormatting', { textDocument, range: { start: whole.start, end: position }, options: { tabSize: 2, insertSpaces: true } });
    }
    await send('textDocument/documentSymbol', { textDocument });
    await send('textDocument/foldingRange', { textDocument });
    await send('textDocument/semanticTokens/full', { textDocument });
    await send('textDocument/semanticTokens/range', { textDocument, range: whole });
    await send('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } });
    await send('textDocument/codeLens', { textDocument });
    for (const diagnostic of someOfEachCode(diagnostics)) {
        await send('textDocument/codeAction', { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    }
    await send('textDocument/codeAction', { textDocument, range: whole, context: { diagnostics } });
}

/** The first diagnostics of each code: a code action for each kind of diagnostic without thousands of requests. */
function someOfEachCode(diagnostics: readonly Diagnostic[], perCode = 3): Diagnostic[] {
    const counts = new Map<unknown, number>();
    return diagnostics.filter(diagnostic => {
        const count = counts.get(diagnostic.code) ?? 0;
        counts.set(diagnostic.code, count + 1);
        return count < perCode;
    });
}

/**
 * Every drawing of the first file's ecosystem, the first one also with the editor's other settings;
 * the first one twice (the two must be equal). Malformed SVG is a finding.
 */
async function requestDiagrams(send: Send, uri: string, findings: Finding[]): Promise<void> {
    const first = await send('cxe/diagram', { uri }) as { view?: string; views?: string[]; svg?: string } | undefined | null;
    const check = (view: string, svg: string | undefined) => {
        const problem = svg === undefined ? undefined : xmlProblem(svg);
        if (problem) {
            findings.push({ kind: 'malformed-svg', request: 'cxe/diagram', detail: `${view}: ${problem}` });
        }
    };
    if (!first?.view) {
        return;
    }
    check(first.view, first.svg);
    const again = await send('cxe/diagram', { uri, view: first.view }) as { svg?: string } | undefined;
    if (again?.svg !== undefined && again.svg !== first.svg) {
        findings.push({ kind: 'nondeterministic', request: 'cxe/diagram', detail: `${first.view}: two requests gave different SVG` });
    }
    const other = await send('cxe/diagram', { uri, view: first.view, options: { direction: 'down', showFactors: false } }) as { svg?: string } | undefined;
    check(first.view, other?.svg);
    for (const view of (first.views ?? []).slice(1)) {
        const drawn = await send('cxe/diagram', { uri, view }) as { svg?: string } | undefined;
        check(view, drawn?.svg);
    }
}

/** Why a text is not well-formed XML 1.0 for a strict parser, or undefined. */
export function xmlProblem(svg: string): string | undefined {
    const illegal = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(svg);
    if (illegal) {
        return `character U+${illegal[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${illegal.index}`;
    }
    const valid = XMLValidator.validate(svg);
    return valid === true ? undefined : `${valid.err.code}: ${valid.err.msg} (line ${valid.err.line})`;
}

function judge(method: string, outcome: Outcome): Finding | undefined {
    switch (outcome.status) {
        case 'crash': return { kind: 'crash', request: method, detail: outcome.exit };
        case 'hang': return { kind: 'hang', request: method, detail: `${outcome.ms} ms${outcome.killed ? ', killed' : ''}${serverCpu(0, outcome.serverCpuMs)}` };
        case 'error': return DELIBERATE.get(method) === outcome.error.code
            ? undefined
            : { kind: 'internal-error', request: method, detail: `${outcome.error.code} ${outcome.error.message.split('\n')[0].slice(0, 200)}` };
        default: return undefined;
    }
}

/** How much CPU time the server used meanwhile, for a hang's detail. */
function serverCpu(atStart: number | undefined, now: number | undefined): string {
    return atStart === undefined || now === undefined ? '' : `, server CPU ${now - atStart} ms`;
}

function dedupe(findings: Finding[]): Finding[] {
    const seen = new Set<string>();
    return findings.filter(finding => {
        const key = `${finding.kind} ${finding.request} ${finding.detail}`;
        return !seen.has(key) && (seen.add(key), true);
    });
}

/** Offsets where lines start, counting `\r\n`, `\r` and `\n` as line breaks as LSP does. */
function lineStarts(text: string): number[] {
    const starts = [0];
    for (const match of text.matchAll(/\r\n|\r|\n/g)) {
        starts.push(match.index + match[0].length);
    }
    return starts;
}

function positionAt(text: string, starts: readonly number[], offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let line = 0;
    for (let low = 0, high = starts.length - 1; low <= high;) {
        const middle = (low + high) >> 1;
        if (starts[middle] <= clamped) {
            line = middle;
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return { line, character: clamped - starts[line] };
}

/** The smallest one-range change turning `before` into `after`. */
function incrementalChange(before: string, after: string): { range: Range; text: string } {
    let prefix = 0;
    while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) {
        prefix++;
    }
    // Never split a `\r\n` pair: the range must start and end on whole line breaks.
    if (prefix > 0 && before[prefix - 1] === '\r') {
        prefix--;
    }
    let suffix = 0;
    while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) {
        suffix++;
    }
    if (suffix > 0 && before[before.length - suffix] === '\n') {
        suffix--;
    }
    const starts = lineStarts(before);
    return {
        range: { start: positionAt(before, starts, prefix), end: positionAt(before, starts, before.length - suffix) },
        text: after.slice(prefix, after.length - suffix),
    };
}
