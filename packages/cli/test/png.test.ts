import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { svgDocumentSize } from '@cxe/language';
import { MAX_PNG_PIXELS, pngZoom, svgToPng } from '../src/generate/png.js';
import { repoRoot } from './run-cxe.js';

/** A PNG's size, from its IHDR chunk (the first, right after the 8-byte signature). */
function pngSize(png: Uint8Array): { width: number; height: number } {
    const view = Buffer.from(png);
    return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/** An SVG document as the diagram renderers write them, of any size, with some text to draw. */
function drawing(width: number, height: number): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">\n`
        + `<rect width="100%" height="100%" fill="#ffffff"/><text x="20" y="40" font-size="13">Corner shop</text>\n</svg>\n`;
}

const generated = path.join(repoRoot, 'examples/generated');
const svgs = readdirSync(generated).filter(name => name.endsWith('.svg')).sort();

describe('PNG output', () => {
    it('reads the size of every drawing cxe writes from its root element', () => {
        const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
        assert.ok(svgs.length > 10);
        for (const name of svgs) {
            const svg = readFileSync(path.join(generated, name), 'utf8');
            const root = parser.parse(svg).svg as { width: string; height: string };
            assert.deepEqual(svgDocumentSize(svg), { width: Number(root.width), height: Number(root.height) }, name);
        }
        assert.equal(svgDocumentSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>'), undefined);
    });

    it('the zoom is 2x up to the pixel budget, and any drawing fits the budget', () => {
        fc.assert(fc.property(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 1, max: 200_000 }), (width, height) => {
            const zoom = pngZoom(width, height);
            assert.ok(zoom > 0 && zoom <= 2);
            if (4 * width * height <= MAX_PNG_PIXELS * 0.99) {
                assert.equal(zoom, 2);
            }
            // resvg rounds each side up.
            assert.ok(Math.ceil(width * zoom) * Math.ceil(height * zoom) <= MAX_PNG_PIXELS + Math.ceil(width * zoom) + Math.ceil(height * zoom) + 1);
        }));
    });

    it('normal views are rasterised at twice their size', async () => {
        for (const name of svgs.slice(0, 3)) {
            const svg = readFileSync(path.join(generated, name), 'utf8');
            const { width, height } = svgDocumentSize(svg)!;
            assert.deepEqual(pngSize(await svgToPng(svg)), { width: Math.ceil(2 * width), height: Math.ceil(2 * height) }, name);
        }
    });

    it('a drawing too large for 2x is scaled down to the pixel budget, keeping its proportions', async function () {
        this.timeout(30_000);
        // 30,000 x 7,000: the size of the 580-actor view that took 7.6 GiB at 2x.
        const { width, height } = pngSize(await svgToPng(drawing(30_000, 7_000)));
        assert.ok(width * height <= MAX_PNG_PIXELS, `${width} x ${height}`);
        assert.ok(width * height > 0.98 * MAX_PNG_PIXELS, `${width} x ${height}: no smaller than it needs to be`);
        assert.ok(Math.abs(width / height - 30_000 / 7_000) < 0.01);
    });
});
