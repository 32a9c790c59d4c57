import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The diagrams' font, shipped with cxe: PNGs look the same on every machine, with or without fonts installed. */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf']
    .map(file => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

/** Rasterises an SVG at twice its size (sharp on high-density screens), without a browser. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
    const { Resvg } = await import('@resvg/resvg-js');
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: 2 },
        font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' },
    });
    return resvg.render().asPng();
}
