// The CXE diagram preview (runs in the webview). It never computes a diagram: it shows the SVG the
// language server rendered, and adds pan and zoom, fit, a view picker, click-to-source, highlighting
// and PNG export. Messages: from the extension 'diagram' | 'banner' | 'highlight' | 'toPng';
// to the extension 'ready' | 'reveal' | 'selectView' | 'png'.
(function () {
    const vscode = acquireVsCodeApi();
    const viewport = document.getElementById('viewport');
    const canvas = document.getElementById('canvas');
    const banner = document.getElementById('banner');
    const picker = document.getElementById('view');
    const status = document.getElementById('status');
    let scale = 1, x = 0, y = 0, fitted = false, moved = false, drag;

    function apply() {
        canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
        status.textContent = `${Math.round(scale * 100)}%`;
    }
    function svgElement() { return canvas.querySelector('svg'); }
    function fit() {
        const svg = svgElement();
        if (!svg) return;
        const width = svg.width.baseVal.value, height = svg.height.baseVal.value;
        scale = Math.min(viewport.clientWidth / width, viewport.clientHeight / height, 1.5) * 0.96;
        x = (viewport.clientWidth - width * scale) / 2;
        y = 8;
        moved = false;
        apply();
    }
    function zoom(factor, cx = viewport.clientWidth / 2, cy = viewport.clientHeight / 2) {
        const next = Math.min(8, Math.max(0.05, scale * factor));
        x = cx - (cx - x) * (next / scale);
        y = cy - (cy - y) * (next / scale);
        scale = next;
        moved = true;
        apply();
    }
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
            if (!fitted || !moved) { fit(); fitted = true; } else { apply(); }
            vscode.setState({ view: message.view });
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
        if (target && !drag?.moved) {
            vscode.postMessage({ type: 'reveal', id: target.getAttribute('data-cxe-element') ?? target.getAttribute('data-cxe-edge') });
        }
    });
    viewport.addEventListener('wheel', event => {
        event.preventDefault();
        const box = viewport.getBoundingClientRect();
        zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX - box.left, event.clientY - box.top);
    }, { passive: false });
    viewport.addEventListener('pointerdown', event => { drag = { x: event.clientX - x, y: event.clientY - y, moved: false }; });
    viewport.addEventListener('pointermove', event => {
        if (!drag || event.buttons !== 1) return;
        x = event.clientX - drag.x; y = event.clientY - drag.y; drag.moved = moved = true; apply();
    });
    viewport.addEventListener('pointerup', () => setTimeout(() => { drag = undefined; }, 0));
    document.getElementById('zoom-in').addEventListener('click', () => zoom(1.25));
    document.getElementById('zoom-out').addEventListener('click', () => zoom(0.8));
    document.getElementById('fit').addEventListener('click', fit);
    document.getElementById('export-svg').addEventListener('click', () => vscode.postMessage({ type: 'command', command: 'cxe.exportSvg' }));
    document.getElementById('export-png').addEventListener('click', () => vscode.postMessage({ type: 'command', command: 'cxe.exportPng' }));
    picker.addEventListener('change', () => vscode.postMessage({ type: 'selectView', view: picker.value }));
    // Until the user zooms or pans, the diagram keeps fitting the panel as it is resized.
    window.addEventListener('resize', () => { if (fitted && !moved) fit(); });
    vscode.postMessage({ type: 'ready' });
}());
