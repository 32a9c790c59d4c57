// Legibility of the example drawings (issue 12): the size at which the smallest body text (node and
// edge-label text) of every SVG in a folder renders when the drawing is shown at the width of a 700 px
// preview panel and of an 880 px review column (a drawing narrower than the panel is not enlarged).
// Targets: at least 9 px for views of up to 20 nodes, at least 7 px up to 40.
//   node scripts/bench/diagram-legibility.mjs [examples/generated]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PANELS = [700, 880];

/** { name, nodes, width, px: { 700, 880 }, pass } for one SVG's text. */
export function legibility(name, svg) {
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)[1]);
    const nodes = new Set([...svg.matchAll(/data-cxe-element="([^"]*)"/g)].map(match => match[1])).size;
    // Body text: every text but the title (18 px) and subtitle, i.e. the smallest size used.
    const smallest = Math.min(...[...svg.matchAll(/<text[^>]*font-size="([\d.]+)"/g)].map(match => Number(match[1])));
    const px = Object.fromEntries(PANELS.map(panel => [panel, smallest * Math.min(1, panel / width)]));
    const limit = nodes <= 20 ? 9 : nodes <= 40 ? 7 : 0;
    return { name, nodes, width, px, pass: PANELS.every(panel => px[panel] >= limit - 1e-9) };
}

/** Every SVG of a folder, by name. */
export function folderLegibility(folder) {
    return readdirSync(folder).filter(file => file.endsWith('.svg')).sort()
        .map(file => legibility(file.replace(/\.svg$/, ''), readFileSync(join(folder, file), 'utf8')));
}

export function legibilityLine(rows) {
    const smallest = panel => Math.min(...rows.map(row => row.px[panel])).toFixed(1);
    return `legibility: ${rows.length} example drawings, smallest body text ${smallest(700)} px at 700 px and ${smallest(880)} px at 880 px; `
        + `${rows.filter(row => !row.pass).length} below target (9 px up to 20 nodes, 7 px up to 40)`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    for (const row of folderLegibility(process.argv[2] ?? 'examples/generated')) {
        console.log(`${row.pass ? 'ok  ' : 'LOW '} ${row.name.padEnd(44)} ${String(row.nodes).padStart(3)} nodes  ${String(Math.round(row.width)).padStart(5)} px wide  `
            + PANELS.map(panel => `${row.px[panel].toFixed(1)} px at ${panel}`).join('  '));
    }
}
