import { BOLD_FALLBACK, BOLD_WIDTHS, FIRST_CODE_POINT, REGULAR_FALLBACK, REGULAR_WIDTHS } from './font-metrics.js';

/** The width in px of text set in DejaVu Sans (the diagrams' font) at a size, the same on every machine. */
export function textWidth(text: string, fontSize: number, bold = false): number {
    let perMille = 0;
    for (const char of text) {
        perMille += charPerMille(char, bold);
    }
    return (perMille * fontSize) / 1000;
}

function charPerMille(char: string, bold: boolean): number {
    const widths = bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
    return widths[char.codePointAt(0)! - FIRST_CODE_POINT] ?? (isWide(char) ? 1000 : bold ? BOLD_FALLBACK : REGULAR_FALLBACK);
}

/** East Asian ideographs and similar take a full em. */
function isWide(char: string): boolean {
    return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char);
}

/** The longest start of text (whole code points) no wider than maxWidth; at least one character. */
function fittingPrefix(text: string, maxWidth: number, fontSize: number, bold: boolean): string {
    const limit = (maxWidth * 1000) / fontSize;
    let perMille = 0;
    let end = 0;
    for (const char of text) {
        perMille += charPerMille(char, bold);
        if (perMille > limit && end > 0) {
            break;
        }
        end += char.length;
    }
    return text.slice(0, end);
}

const CURRENCY_ONLY = /^\s*\p{Sc}+\s*$/u;

/** Where a word too long for a line is cut: as far as fits, but never between a currency sign and its amount. */
function cutOf(word: string, maxWidth: number, fontSize: number, bold: boolean): string {
    const cut = fittingPrefix(word, maxWidth, fontSize, bold);
    const rest = word.slice(cut.length);
    if (CURRENCY_ONLY.test(cut)) {
        return word.slice(0, cut.length + (/^\s*./su.exec(rest)?.[0].length ?? 0));
    }
    if (CURRENCY_ONLY.test(rest)) {
        const shorter = [...cut.trimEnd()].slice(0, -1).join('');
        // An amount of one letter cannot give one up: the sign and it overflow the line together.
        return shorter || word;
    }
    return cut;
}

/** A letter of a script whose words take a hyphen where they are cut ("Implementa-" "tion"). */
const HYPHENATED_LETTER = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

/**
 * The first line of a word too long for one, and how much of the word it takes: cut as cutOf does,
 * with a hyphen (room made for it) where the cut falls between two letters, two or more on each side,
 * so that a reader sees the word go on.
 */
function firstLineOf(word: string, maxWidth: number, fontSize: number, bold: boolean): { line: string; taken: number } {
    const cut = cutOf(word, maxWidth - textWidth('-', fontSize, bold), fontSize, bold);
    const before = [...(/\S*$/u.exec(cut)?.[0] ?? '')].slice(-2);
    const after = [...word.slice(cut.length, cut.length + 4)].slice(0, 2);
    if ([...before, ...after].length === 4 && [...before, ...after].every(char => HYPHENATED_LETTER.test(char))) {
        return { line: `${cut}-`, taken: cut.length };
    }
    const plain = cutOf(word, maxWidth, fontSize, bold);
    return { line: plain, taken: plain.length };
}

/**
 * Breaks text into lines no wider than maxWidth, at spaces and after hyphens; a word longer than a
 * line is cut, with a hyphen between letters.
 * At most maxLines lines: the last one ends with an ellipsis when text was left out. Linear in the
 * text's length, and it stops reading once maxLines lines are full, so any text is cheap to draw.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 3, bold = false): string[] {
    const lines: string[] = [];
    let current = '';
    let currentWidth = 0;
    const space = textWidth(' ', fontSize, bold);
    let truncated = false;
    for (const { word, spaced } of breakableParts(text)) {
        if (lines.length >= maxLines) {
            truncated = true;
            break;
        }
        const width = textWidth(word, fontSize, bold);
        const gap = spaced ? space : 0;
        if (current && currentWidth + gap + width <= maxWidth) {
            current += spaced ? ` ${word}` : word;
            currentWidth += gap + width;
            continue;
        }
        if (current) {
            lines.push(current);
        }
        let rest = word;
        let restWidth = width;
        while (restWidth > maxWidth && lines.length < maxLines) {
            const { line, taken } = firstLineOf(rest, maxWidth, fontSize, bold);
            lines.push(line);
            rest = rest.slice(taken);
            restWidth = textWidth(rest, fontSize, bold);
        }
        [current, currentWidth] = [rest, restWidth];
    }
    if (current) {
        lines.push(current);
    }
    if (lines.length <= maxLines && !truncated) {
        return lines;
    }
    const kept = lines.slice(0, maxLines);
    const ellipsis = textWidth('…', fontSize, bold);
    kept[maxLines - 1] = `${fittingPrefix(kept[maxLines - 1], maxWidth - ellipsis, fontSize, bold).trimEnd()}…`;
    return kept;
}

/**
 * The words of a text, split after their hyphens ("Post-" "installation"); `spaced` when a space comes
 * before. A currency sign standing alone is one word with the amount it marks ("$ 40", "40 €"), so a
 * line never ends or starts with a bare sign.
 */
function* breakableParts(text: string): Generator<{ word: string; spaced: boolean }> {
    for (const word of joinCurrencySigns(text.split(/\s+/).filter(Boolean))) {
        yield* word.split(/(?<=-)(?=.)/).map((part, i) => ({ word: part, spaced: i === 0 }));
    }
}

const CURRENCY_SIGNS = /^\p{Sc}+$/u;

/** Words with each lone currency sign joined (by a space) to the word after it, or before it when it comes last. */
function joinCurrencySigns(words: readonly string[]): string[] {
    const joined: string[] = [];
    for (let i = 0; i < words.length; i++) {
        if (CURRENCY_SIGNS.test(words[i]) && i + 1 < words.length) {
            joined.push(`${words[i]} ${words[++i]}`);
        } else if (CURRENCY_SIGNS.test(words[i]) && joined.length > 0) {
            joined[joined.length - 1] += ` ${words[i]}`;
        } else {
            joined.push(words[i]);
        }
    }
    return joined;
}

/** A text cut to one line of maxWidth, with an ellipsis when it had to be cut. */
export function elide(text: string, maxWidth: number, fontSize: number, bold = false): string {
    return wrapText(text, maxWidth, fontSize, 1, bold)[0] ?? '';
}
