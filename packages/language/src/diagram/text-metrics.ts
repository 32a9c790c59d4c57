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

/**
 * Breaks text into lines no wider than maxWidth, at spaces; a word longer than a line is cut.
 * At most maxLines lines: the last one ends with an ellipsis when text was left out. Linear in the
 * text's length, and it stops reading once maxLines lines are full, so any text is cheap to draw.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 3, bold = false): string[] {
    const lines: string[] = [];
    let current = '';
    let currentWidth = 0;
    const space = textWidth(' ', fontSize, bold);
    let truncated = false;
    for (const word of text.split(/\s+/)) {
        if (!word) {
            continue;
        }
        if (lines.length >= maxLines) {
            truncated = true;
            break;
        }
        const width = textWidth(word, fontSize, bold);
        if (current && currentWidth + space + width <= maxWidth) {
            current += ` ${word}`;
            currentWidth += space + width;
            continue;
        }
        if (current) {
            lines.push(current);
        }
        let rest = word;
        let restWidth = width;
        while (restWidth > maxWidth && lines.length < maxLines) {
            const cut = fittingPrefix(rest, maxWidth, fontSize, bold);
            lines.push(cut);
            rest = rest.slice(cut.length);
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

/** A text cut to one line of maxWidth, with an ellipsis when it had to be cut. */
export function elide(text: string, maxWidth: number, fontSize: number, bold = false): string {
    return wrapText(text, maxWidth, fontSize, 1, bold)[0] ?? '';
}
