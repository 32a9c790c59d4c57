import { COLORS } from './diagram-style.js';

export const FONT_FAMILY = "'DejaVu Sans', Verdana, 'Segoe UI', sans-serif";

/** Every text and attribute value that reaches SVG goes through here. */
export function escapeXml(text: string): string {
    // Characters XML forbids, a lone UTF-16 surrogate among them, become the replacement character.
    return text
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
        .replace(/[&<>"']/g, char => ENTITIES[char]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Numbers as SVG wants them: at most two decimals, no trailing zeros, no "-0". */
export function num(value: number): string {
    const rounded = Math.round(value * 100) / 100;
    return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * A self-contained SVG document: explicit size and background (it reads the same in light and dark
 * pull-request themes), a <title> and <desc>, inline styles only, no scripts.
 */
export function svgDocument(width: number, height: number, title: string, description: string, body: string[]): string {
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img" font-family="${escapeXml(FONT_FAMILY)}">`,
        `<title>${escapeXml(title)}</title>`,
        `<desc>${escapeXml(description)}</desc>`,
        `<rect width="100%" height="100%" fill="${COLORS.background}"/>`,
        ...body,
        '</svg>',
        '',
    ].join('\n');
}

/** The width and height svgDocument wrote on a document's root element (undefined for any other SVG). */
export function svgDocumentSize(svg: string): { readonly width: number; readonly height: number } | undefined {
    const root = /^<svg [^>]*?\bwidth="([\d.]+)" height="([\d.]+)"/.exec(svg);
    return root ? { width: Number(root[1]), height: Number(root[2]) } : undefined;
}

/** Lines of text centred on x, the block vertically centred on y. */
export function centredText(lines: readonly string[], x: number, y: number, fontSize: number, lineHeight: number, attributes = ''): string {
    const top = y - ((lines.length - 1) * lineHeight) / 2;
    return lines.map((line, i) =>
        `<text x="${num(x)}" y="${num(top + i * lineHeight)}" font-size="${fontSize}" text-anchor="middle" dominant-baseline="central"${attributes}>${escapeXml(line)}</text>`)
        .join('');
}
