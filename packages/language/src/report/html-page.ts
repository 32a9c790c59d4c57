import { createHash } from 'node:crypto';
import { escapeXml } from '../diagram/svg-utils.js';
import { VIEWER_SCRIPT } from '../viewer/viewer-script.js';
import { PAGE_SCRIPT } from './html-page-script.js';
import type { ModelSnapshot } from './model-snapshot.js';

/** A drawn view or journey, as the page embeds it. */
export interface PageDrawing {
    readonly kind: 'view' | 'journey';
    readonly name: string;
    readonly title: string;
    /** The SVG of the drawing pipeline: inert markup, every model text escaped. */
    readonly svg: string;
}

const PAGE_STYLE = `
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font: 14px/1.4 'DejaVu Sans', Verdana, 'Segoe UI', sans-serif; color: #1f2328; background: #f6f8fa; }
header { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; padding: 8px 12px; background: #ffffff; border-bottom: 1px solid #d0d7de; }
h1 { font-size: 16px; margin: 0; flex: 1 1 100%; }
select, input, button { font: inherit; }
select, input { padding: 3px 6px; border: 1px solid #8c959f; border-radius: 4px; background: #ffffff; color: inherit; }
select { max-width: 340px; }
.search { position: relative; }
#search { width: 220px; }
#results { position: absolute; z-index: 2; top: 100%; left: 0; min-width: 100%; margin: 2px 0 0; padding: 4px 0; list-style: none; background: #ffffff; border: 1px solid #8c959f; border-radius: 4px; box-shadow: 0 4px 12px rgba(0, 0, 0, 0.15); }
#results li { padding: 1px 8px; white-space: nowrap; }
.zoom { display: flex; gap: 4px; }
.zoom button { min-width: 30px; padding: 2px 8px; border: 1px solid #8c959f; border-radius: 4px; background: #f6f8fa; cursor: pointer; }
.zoom button:hover { background: #eaeef2; }
main { flex: 1; display: flex; min-height: 0; }
.viewport { flex: 1; position: relative; overflow: hidden; cursor: grab; touch-action: none; }
.viewport:active { cursor: grabbing; }
#canvas { position: absolute; left: 0; top: 0; }
#canvas svg { display: block; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
[data-cxe-element], [data-cxe-edge] { cursor: pointer; }
[data-cxe-element]:hover > :nth-child(2) { stroke: #1f6feb; }
[data-cxe-element].cxe-selected > :nth-child(2) { stroke: #1f6feb; stroke-width: 4px; }
[data-cxe-edge]:hover path, [data-cxe-edge].cxe-selected path { stroke-width: 4px; }
aside { width: 280px; flex: none; overflow: auto; padding: 10px 14px; background: #ffffff; border-left: 1px solid #d0d7de; }
aside h2 { font-size: 16px; margin: 0 0 2px; }
aside h3 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: #57606a; margin: 12px 0 2px; }
.meta, .kind { color: #57606a; font-size: 12px; }
.doc { white-space: pre-wrap; }
ul.links { margin: 0; padding-left: 18px; }
button.link { padding: 0; border: 0; background: none; color: #0969da; cursor: pointer; text-align: left; vertical-align: top; }
button.link:hover { text-decoration: underline; }
button.link:disabled { color: inherit; cursor: default; text-decoration: none; }
.diagnostic.error strong { color: #cf222e; }
.diagnostic.warning strong { color: #9a6700; }
.diagnostic.info strong, .diagnostic.hint strong { color: #0969da; }
@media (max-width: 640px) { main { flex-direction: column; } aside { width: auto; height: 40%; border-left: 0; border-top: 1px solid #d0d7de; } }
`;

/**
 * One self-contained HTML page for reviewers: every view and journey of an ecosystem with pan, zoom,
 * search and a details panel. Nothing is loaded from anywhere (it works from disk and as a CI
 * artefact); a Content Security Policy allows only its own style and scripts, by hash. Model text
 * reaches the page only as escaped SVG and as a JSON block whose '<' are escaped; the script writes
 * it with textContent. Same input, same bytes.
 */
export function renderHtmlPage(snapshot: ModelSnapshot, drawings: readonly PageDrawing[]): string {
    const data = {
        ecosystem: snapshot.ecosystem,
        drawings: drawings.map(({ kind, name, title }) => ({ kind, name, title })),
        elements: snapshot.elements,
    };
    const csp = [
        "default-src 'none'",
        `script-src ${hash(VIEWER_SCRIPT)} ${hash(PAGE_SCRIPT)}`,
        `style-src ${hash(PAGE_STYLE)}`,
        // The minimap shows the drawing as an image made in the page.
        'img-src blob:',
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
    const title = escapeXml(snapshot.title);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cxe">
<title>${title}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${title} <span class="meta">${escapeXml(snapshot.ecosystem)}</span></h1>
<select id="drawing" aria-label="View or journey"></select>
<div class="search"><input id="search" type="search" placeholder="Search by name ( / )" aria-label="Search elements by name" autocomplete="off"><ul id="results" hidden></ul></div>
<div class="zoom"><button id="zoom-out" type="button" title="Zoom out">−</button><button id="zoom-in" type="button" title="Zoom in">+</button><button id="readable" type="button" title="Readable size">Readable</button><button id="fit" type="button" title="Whole drawing">Fit</button></div>
</header>
<main>
<div id="viewport" class="viewport"><div id="canvas"></div></div>
<aside id="details" aria-live="polite"><p class="meta">Click an element, or search for one by name, to see its details.</p></aside>
</main>
${drawings.map((drawing, index) => `<template data-drawing="${index}">${drawing.svg}</template>`).join('\n')}
<script type="application/json" id="cxe-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>
<script>${VIEWER_SCRIPT}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/** A CSP source allowing exactly this inline script or style. */
function hash(text: string): string {
    return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
