// The CXE diagram preview (runs in the webview). It never computes a diagram: it shows the SVG the
// language server rendered in the shared viewer (window.cxeViewer: pan, zoom, readable first zoom,
// minimap), and adds a view picker, click-to-source, highlighting and PNG export. It keeps where the
// user left each view in the webview state, which also brings the panel back after a window reload.
// Messages: from the extension 'diagram' | 'banner' | 'highlight' | 'toPng';
// to the extension 'ready' | 'reveal' | 'selectView' | 'png' | 'command' | 'position'.
(function () {
    const vscode = acquireVsCodeApi();
    const viewport = document.getElementById('viewport');
    const canvas = document.getElementById('canvas');
    const banner = document.getElementById('banner');
    const picker = document.getElementById('view');
    const status = document.getElementById('status');
    // { uri, view, walk, positions: { 'Ecosystem/View': { scale, x, y, manual } } }
    const state = vscode.getState() ?? { positions: {} };
    let shown; // the 'Ecosystem/View' on screen
    const viewer = window.cxeViewer(viewport, canvas, position => {
        status.textContent = `${Math.round(position.scale * 100)}%`;
        if (!shown) return;
        state.positions[shown] = { scale: position.scale, x: position.x, y: position.y, manual: position.manual };
        vscode.setState(state);
        vscode.postMessage({ type: 'position', view: shown, position });
    });

    function svgElement() { return canvas.querySelector('svg'); }
    function showBanner(text) {
        banner.hidden = !text;
        banner.textContent = text || '';
    }
    function setViews(views, current) {
        picker.replaceChildren(...views.map(name => {
            const option = document.createElement('option');
            option.value = option.textContent = name;
            option.selected = name === current;
            return option;
        }));
    }
    function highlight(id) {
        canvas.querySelectorAll('.cxe-highlight').forEach(element => element.classList.remove('cxe-highlight'));
        if (!id) return;
        const target = [...canvas.querySelectorAll('[data-cxe-element]')].find(element => element.getAttribute('data-cxe-element') === id);
        target?.classList.add('cxe-highlight');
    }
    function toPng() {
        const svg = svgElement();
        const ratio = 2;
        const image = new Image();
        const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
        image.onload = () => {
            const output = document.createElement('canvas');
            output.width = svg.width.baseVal.value * ratio;
            output.height = svg.height.baseVal.value * ratio;
            const context = output.getContext('2d');
            context.scale(ratio, ratio);
            context.drawImage(image, 0, 0);
            URL.revokeObjectURL(url);
            vscode.postMessage({ type: 'png', data: output.toDataURL('image/png').split(',')[1] });
        };
        image.src = url;
    }

    window.addEventListener('message', event => {
        const message = event.data;
        if (message.type === 'diagram') {
            // The SVG comes from the CXE language server: no scripts, every model text escaped.
            canvas.innerHTML = message.svg;
            // Each node's context menu offers Show Root Causes / Show Impact (package.json, webview/context).
            canvas.querySelectorAll('[data-cxe-element]').forEach(node => node.setAttribute('data-vscode-context',
                JSON.stringify({ webviewSection: 'node', cxeElement: node.getAttribute('data-cxe-element'), preventDefaultContextMenuItems: true })));
            setViews(message.views, message.view);
            showBanner(message.banner);
            // A redraw of the same view stays where it is; another view comes back where it was left.
            shown = `${message.ecosystem}/${message.view}`;
            Object.assign(state, { uri: message.uri, view: message.view, walk: message.walk });
            viewer.show(state.positions[shown]);
        } else if (message.type === 'banner') {
            showBanner(message.text);
        } else if (message.type === 'highlight') {
            highlight(message.id);
        } else if (message.type === 'toPng') {
            toPng();
        }
    });
    canvas.addEventListener('click', event => {
        const target = event.target.closest('[data-cxe-element], [data-cxe-edge]');
        if (target && !viewer.dragged()) {
            vscode.postMessage({ type: 'reveal', id: target.getAttribute('data-cxe-element') ?? target.getAttribute('data-cxe-edge') });
        }
    });
    document.getElementById('zoom-in').addEventListener('click', () => viewer.zoom(1.25));
    document.getElementById('zoom-out').addEventListener('click', () => viewer.zoom(0.8));
    document.getElementById('readable').addEventListener('click', () => viewer.reset());
    document.getElementById('fit').addEventListener('click', () => viewer.fitAll());
    document.getElementById('export-svg').addEventListener('click', () => vscode.postMessage({ type: 'command', command: 'cxe.exportSvg' }));
    document.getElementById('export-png').addEventListener('click', () => vscode.postMessage({ type: 'command', command: 'cxe.exportPng' }));
    picker.addEventListener('change', () => vscode.postMessage({ type: 'selectView', view: picker.value }));
    vscode.postMessage({ type: 'ready' });
}());
