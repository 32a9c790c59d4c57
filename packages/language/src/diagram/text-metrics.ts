import { BOLD_FALLBACK, BOLD_WIDTHS, FIRST_CODE_POINT, REGULAR_FALLBACK, REGULAR_WIDTHS } from './font-metrics.js';

/** The width in px of text set in DejaVu Sans (the diagrams' font) at a size, the same on every machine. */
export function textWidth(text: string, fontSize: number, bold = false): number {
    const widths = bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
    const fallback = bold ? BOLD_FALLBACK : REGULAR_FALLBACK;
    let perMille = 0;
    for (const char of text) {
        const code = char.codePointAt(0)! - FIRST_CODE_POINT;
        perMille += widths[code] ?? (isWide(char) ? 1000 : fallback);
    }
    return (perMille * fontSize) / 1000;
}

/** East Asian ideographs and similar take a full em. */
function isWide(char: string): boolean {
    return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char);
}

/**
 * Breaks text into lines no wider than maxWidth, at spaces; a word longer than a line is cut.
 * At most maxLines lines: the last one ends with an ellipsis when text was left out.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 3, bold = false): string[] {
    const lines: string[] = [];
    let current = '';
    const fits = (candidate: string) => textWidth(candidate, fontSize, bold) <= maxWidth;
    for (const word of text.split(/\s+/).filter(Boolean)) {
        const candidate = current ? `${current} ${word}` : word;
        if (fits(candidate)) {
            current = candidate;
            continue;
        }
        if (current) {
            lines.push(current);
        }
        current = word;
        while (!fits(current)) {
            let cut = current.length - 1;
            while (cut > 1 && !fits(current.slice(0, cut))) {
                cut--;
            }
            lines.push(current.slice(0, cut));
            current = current.slice(cut);
        }
    }
    if (current) {
        lines.push(current);
    }
    if (lines.length <= maxLines) {
        return lines;
    }
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1];
    while (last.length > 1 && !fits(`${last}…`)) {
        last = last.slice(0, -1);
    }
    kept[maxLines - 1] = `${last.trimEnd()}…`;
    return kept;
}
