import { createRequire } from 'node:module';
import { UsageError } from '../usage-error.js';

const require = createRequire(import.meta.url);

/** The diagrams' font, shipped with cxe: PNGs look the same on every machine, with or without fonts installed. */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'];

/**
 * Rasterises an SVG at twice its size (sharp on high-density screens), without a browser. The
 * rasteriser and its font are optional dependencies of the installed CLI: without them only PNG
 * output is unavailable, and says so.
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
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: 2 },
        font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans' },
    });
    return resvg.render().asPng();
}
