import type { Range } from 'vscode-languageserver-types';

/** One code as written in an ignore comment, with where it is written. */
export interface IgnoredCode {
    readonly name: string;
    readonly range: Range;
}

/**
 * A `// cxe-ignore <code>… [-- reason]` comment (reach: the next line holding anything but comments)
 * or a `// cxe-ignore-file <code>… [-- reason]` comment (reach: the whole file).
 */
export interface Suppression {
    readonly scope: 'line' | 'file';
    readonly codes: readonly IgnoredCode[];
    /** The comment, from `//` to its last non-blank character. */
    readonly range: Range;
    /** For a line ignore, the 0-based line it reaches; undefined when nothing but comments follows. */
    readonly targetLine?: number;
}

export const IGNORE_COMMENT = /^(\s*)\/\/\s*cxe-ignore(-file)?(?=\s|$)(.*)$/;

/** Every ignore comment of a text; comments inside block comments and after code are not ignores. */
export function findSuppressions(text: string): Suppression[] {
    if (!text.includes('cxe-ignore')) {
        return [];
    }
    const lines = scanLines(text);
    const suppressions: Suppression[] = [];
    lines.forEach((line, index) => {
        const match = line.startsInBlockComment ? undefined : IGNORE_COMMENT.exec(line.text);
        if (!match) {
            return;
        }
        const scope = match[2] ? 'file' : 'line';
        const rest = match[3];
        const restStart = line.text.length - rest.length;
        const reason = rest.search(/(^|\s)--(\s|$)/);
        const codesText = reason < 0 ? rest : rest.slice(0, reason);
        const codes = [...codesText.matchAll(/\S+/g)].map(code => ({
            name: code[0],
            range: { start: { line: index, character: restStart + code.index }, end: { line: index, character: restStart + code.index + code[0].length } },
        }));
        const targetLine = scope === 'line' ? lines.findIndex((candidate, i) => i > index && candidate.hasCode) : -1;
        suppressions.push({
            scope,
            codes,
            range: { start: { line: index, character: match[1].length }, end: { line: index, character: line.text.trimEnd().length } },
            targetLine: targetLine < 0 ? undefined : targetLine,
        });
    });
    return suppressions;
}

interface ScannedLine {
    readonly text: string;
    /** Whether anything but comments and white space is on the line. */
    readonly hasCode: boolean;
    readonly startsInBlockComment: boolean;
}

/** Splits a text into lines (LF, CRLF or CR) and tells, for each, whether it holds more than comments. */
function scanLines(text: string): ScannedLine[] {
    const lines: ScannedLine[] = [];
    let state: 'code' | 'line-comment' | 'block-comment' | 'string' = 'code';
    let lineStart = 0;
    let hasCode = false;
    let startsInBlockComment = false;
    const endLine = (end: number) => {
        lines.push({ text: text.slice(lineStart, end), hasCode, startsInBlockComment: startsInBlockComment });
        hasCode = false;
        if (state === 'line-comment' || state === 'string') {
            state = 'code'; // both end with their line (an unterminated string is reported by the lexer)
        }
        startsInBlockComment = state === 'block-comment';
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\n' || c === '\r') {
            endLine(i);
            if (c === '\r' && text[i + 1] === '\n') {
                i++;
            }
            lineStart = i + 1;
            continue;
        }
        if (state === 'code') {
            if (c === '/' && text[i + 1] === '/') {
                state = 'line-comment';
            } else if (c === '/' && text[i + 1] === '*') {
                state = 'block-comment';
                i++;
            } else if (c !== ' ' && c !== '\t' && c !== '\f' && c !== '\v') {
                hasCode = true;
                state = c === '"' ? 'string' : 'code';
            }
        } else if (state === 'block-comment') {
            if (c === '*' && text[i + 1] === '/') {
                state = 'code';
                i++;
            }
        } else if (state === 'string') {
            if (c === '\\' && text[i + 1] !== '\n' && text[i + 1] !== '\r') {
                i++;
            } else if (c === '"') {
                state = 'code';
            }
        }
    }
    endLine(text.length);
    return lines;
}
