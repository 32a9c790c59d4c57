import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { VIEWER_SCRIPT } from '@cxe/language/viewer';

/**
 * The preview's page: a toolbar, a banner and the diagram. Strict Content Security Policy: nothing
 * remote, scripts and styles only from the extension (the script by nonce); the SVG from the server is
 * inert markup (no scripts, every model text escaped) and images only from data: or blob: URLs (the
 * minimap). The pan-and-zoom viewer is the one the HTML page of `cxe generate` uses, inlined by nonce.
 */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
    const nonce = randomBytes(16).toString('base64');
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file));
    const csp = [
        "default-src 'none'",
        `img-src ${webview.cspSource} data: blob:`,
        `style-src ${webview.cspSource}`,
        `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('preview.css')}">
<title>CXE diagram</title>
</head>
<body>
<div class="toolbar" role="toolbar">
  <label>View <select id="view" aria-label="View"></select></label>
  <button id="zoom-out" title="Zoom out">−</button>
  <button id="zoom-in" title="Zoom in">+</button>
  <button id="readable" title="Fit the width, or readable text when the width is too small">Readable</button>
  <button id="fit" title="Whole drawing">Fit</button>
  <button id="export-svg" title="Export as SVG">SVG</button>
  <button id="export-png" title="Export as PNG">PNG</button>
  <span id="status" class="status"></span>
</div>
<div id="banner" class="banner" hidden></div>
<div id="viewport" class="viewport"><div id="canvas" class="canvas"></div></div>
<script nonce="${nonce}">${VIEWER_SCRIPT}</script>
<script nonce="${nonce}" src="${media('preview.js')}"></script>
</body>
</html>`;
}
