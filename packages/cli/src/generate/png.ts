import { createRequire } from 'node:module';
import { svgDocumentSize } from '@cxe/language';
import { UsageError } from '../usage-error.js';

const require = createRequire(import.meta.url);

/** The diagrams' font, shipped with cxe: PNGs look the same on every machine, with or without fonts installed. */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'];

/** Twice the drawing's size: sharp on high-density screens. */
const ZOOM = 2;

/**
 * The most pixels a PNG gets. resvg holds about 8.5 bytes a pixel while it draws and encodes (the
 * RGBA canvas and the encoder's copy), so a PNG costs at most about 200 MB: `cxe generate` of two
 * 580-actor views at once, one on each of two drawing threads, peaks at about 820 MB (at 32 million
 * pixels, past 1 GiB). A drawing of 3,000 x 2,000 px still gets its 2x; the largest views (tens of
 * thousands of pixels wide) are scaled down to fit instead of needing gigabytes (their SVG keeps
 * every detail).
 */
export const MAX_PNG_PIXELS = 24_000_000;

/** The zoom of a drawing of this size: 2x, or less when 2x would pass MAX_PNG_PIXELS. */
export function pngZoom(width: number, height: number): number {
    const area = width * height;
    // resvg rounds each side up: leave room for that one extra row and column.
    const fitting = area > 0 ? Math.sqrt(MAX_PNG_PIXELS / area) * (1 - 1e-3) : ZOOM;
    return Math.min(ZOOM, fitting);
}

/**
 * Rasterises an SVG of cxe's (see pngZoom for its size), without a browser. The rasteriser and its
 * font are optional dependencies of the installed CLI: without them only PNG output is unavailable,
 * and says so.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
    let Resvg: typeof import('@resvg/resvg-js').Resvg;
    let fontFiles: string[];
    try {
        ({ Resvg } = await import('@resvg/resvg-js'));
        fontFiles = FONT_FILES.map(file => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    } catch {
        throw new UsageError('PNG output needs the optional packages @resvg/resvg-js and dejavu-fonts-ttf, which are not installed here (npm installs them unless optional dependencies are omitted).');
    }
    const size = svgDocumentSize(svg);
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: size ? pngZoom(size.width, size.height) : ZOOM },
        font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans' },
    });
    return resvg.render().asPng();
}
