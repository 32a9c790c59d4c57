/**
 * The drawing viewer shared by the editor preview and the HTML page (`cxe generate --format html`):
 * pan, zoom around a point, an initial zoom that keeps text readable, and a minimap for drawings
 * larger than the window. It is browser code, inlined into both pages as one nonce- or hash-allowed
 * script; it defines `window.cxeViewer(viewport, canvas, onChange)` and reads no model text.
 */
export const VIEWER_SCRIPT = String.raw`(function () {
    'use strict';
    // Text below this many screen pixels is not readable: the first zoom never goes below it.
    var READABLE_PX = 9;
    var MARGIN = 8;
    var MAX_FIT = 1.5;
    var MINIMAP_SIZE = 150;

    /** The first position of a drawing in a window: all of it when its text stays readable, else its width, else readable text. */
    function initialPosition(drawing, view, smallestFont) {
        var fitAll = Math.min((view.width - 2 * MARGIN) / drawing.width, (view.height - 2 * MARGIN) / drawing.height, MAX_FIT);
        var scale = fitAll * smallestFont >= READABLE_PX
            ? fitAll
            : Math.max(Math.min((view.width - 2 * MARGIN) / drawing.width, MAX_FIT), READABLE_PX / smallestFont);
        var width = drawing.width * scale;
        // At the top (where its title is), centred across when it fits, else from its left edge.
        return { scale: scale, x: width <= view.width ? (view.width - width) / 2 : MARGIN, y: MARGIN };
    }

    function smallestFontOf(svg) {
        var sizes = Array.prototype.map.call(svg.querySelectorAll('text[font-size]'), function (text) { return parseFloat(text.getAttribute('font-size')); })
            .filter(function (size) { return size > 0; });
        return sizes.length > 0 ? sizes.reduce(function (min, size) { return Math.min(min, size); }) : 12;
    }

    function createMinimap(viewport, onPoint) {
        var box = document.createElement('div');
        var image = document.createElement('img');
        var frame = document.createElement('div');
        box.className = 'cxe-minimap';
        box.setAttribute('aria-hidden', 'true');
        Object.assign(box.style, { position: 'absolute', right: '8px', bottom: '8px', background: '#ffffff', border: '1px solid #8a8a84', boxShadow: '0 1px 4px rgba(0,0,0,0.3)', cursor: 'pointer', overflow: 'hidden', opacity: '0.92' });
        // At most MINIMAP_SIZE either way, in the drawing's proportions (the box wraps the image).
        Object.assign(image.style, { display: 'block', maxWidth: MINIMAP_SIZE + 'px', maxHeight: MINIMAP_SIZE + 'px', pointerEvents: 'none' });
        Object.assign(frame.style, { position: 'absolute', border: '2px solid #1f6feb', background: 'rgba(31,111,235,0.12)', pointerEvents: 'none', boxSizing: 'border-box' });
        image.alt = '';
        box.append(image, frame);
        viewport.append(box);
        function point(event) {
            var rect = box.getBoundingClientRect();
            onPoint((event.clientX - rect.left) / rect.width, (event.clientY - rect.top) / rect.height);
        }
        box.addEventListener('pointerdown', function (event) { event.stopPropagation(); box.setPointerCapture(event.pointerId); point(event); });
        box.addEventListener('pointermove', function (event) { if (event.buttons === 1) { event.stopPropagation(); point(event); } });
        box.addEventListener('wheel', function (event) { event.stopPropagation(); }, { passive: true });
        var url;
        return {
            element: box,
            setDrawing: function (svg) {
                if (url) URL.revokeObjectURL(url);
                url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
                image.src = url;
            },
            /** Shows the visible part (fractions of the drawing), or hides the map when all of it is visible. */
            update: function (visible) {
                var all = visible.left <= 0 && visible.top <= 0 && visible.right >= 1 && visible.bottom >= 1;
                box.style.display = all ? 'none' : 'block';
                var left = Math.max(0, visible.left), top = Math.max(0, visible.top);
                Object.assign(frame.style, {
                    left: left * 100 + '%', top: top * 100 + '%',
                    width: (Math.min(1, visible.right) - left) * 100 + '%', height: (Math.min(1, visible.bottom) - top) * 100 + '%',
                });
            },
        };
    }

    /**
     * Pan and zoom over the SVG inside 'canvas' (a child of 'viewport'). Call show() after replacing the
     * SVG; onChange(position) hears every move, so that the page can keep a position per drawing.
     */
    window.cxeViewer = function (viewport, canvas, onChange) {
        // 'manual': the user placed the drawing (zoom, pan, a selection); otherwise it follows the window's size.
        var position = { scale: 1, x: 0, y: 0, manual: false };
        var drawing = { width: 1, height: 1 };
        var smallestFont = 12;
        var drag;
        var minimap = createMinimap(viewport, function (fx, fy) {
            moveTo({ scale: position.scale, x: viewport.clientWidth / 2 - fx * drawing.width * position.scale, y: viewport.clientHeight / 2 - fy * drawing.height * position.scale }, true);
        });
        canvas.style.transformOrigin = '0 0';

        function windowSize() { return { width: viewport.clientWidth, height: viewport.clientHeight }; }
        function moveTo(next, manual) {
            position = { scale: next.scale, x: next.x, y: next.y, manual: manual };
            canvas.style.transform = 'translate(' + position.x + 'px, ' + position.y + 'px) scale(' + position.scale + ')';
            var width = drawing.width * position.scale, height = drawing.height * position.scale;
            minimap.update({
                left: -position.x / width, top: -position.y / height,
                right: (viewport.clientWidth - position.x) / width, bottom: (viewport.clientHeight - position.y) / height,
            });
            if (onChange) onChange(api.position());
        }
        /** Zooms by a factor keeping the point (cx, cy) of the window where it is. */
        function zoomAt(factor, cx, cy) {
            var scale = Math.min(8, Math.max(0.05, position.scale * factor));
            moveTo({ scale: scale, x: cx - (cx - position.x) * (scale / position.scale), y: cy - (cy - position.y) * (scale / position.scale) }, true);
        }
        /** The centre of the part of the drawing that is visible (the window's centre when the drawing covers it). */
        function visibleCentre() {
            var left = Math.max(0, position.x), top = Math.max(0, position.y);
            var right = Math.min(viewport.clientWidth, position.x + drawing.width * position.scale);
            var bottom = Math.min(viewport.clientHeight, position.y + drawing.height * position.scale);
            return right > left && bottom > top
                ? { x: (left + right) / 2, y: (top + bottom) / 2 }
                : { x: viewport.clientWidth / 2, y: viewport.clientHeight / 2 };
        }

        viewport.addEventListener('wheel', function (event) {
            event.preventDefault();
            var box = viewport.getBoundingClientRect();
            zoomAt(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX - box.left, event.clientY - box.top);
        }, { passive: false });
        viewport.addEventListener('pointerdown', function (event) {
            if (event.button === 0) drag = { x: event.clientX - position.x, y: event.clientY - position.y, moved: false };
        });
        viewport.addEventListener('pointermove', function (event) {
            if (!drag || event.buttons !== 1) return;
            drag.moved = true;
            moveTo({ scale: position.scale, x: event.clientX - drag.x, y: event.clientY - drag.y }, true);
        });
        viewport.addEventListener('pointerup', function () { setTimeout(function () { drag = undefined; }, 0); });
        window.addEventListener('resize', function () { if (!position.manual) api.reset(); });

        var api = {
            /** Measures the SVG just put into the canvas and places it: where the user left it ('saved'), else at its readable first zoom. */
            show: function (saved) {
                var svg = canvas.querySelector('svg');
                if (!svg) return;
                drawing = { width: svg.width.baseVal.value, height: svg.height.baseVal.value };
                smallestFont = smallestFontOf(svg);
                minimap.setDrawing(svg);
                if (saved && saved.manual) moveTo(saved, true);
                else api.reset();
            },
            /** The readable first zoom again (what the page shows on opening). */
            reset: function () { moveTo(initialPosition(drawing, windowSize(), smallestFont), false); },
            /** The whole drawing in the window, however small its text. */
            fitAll: function () {
                var view = windowSize();
                var scale = Math.min((view.width - 2 * MARGIN) / drawing.width, (view.height - 2 * MARGIN) / drawing.height, MAX_FIT);
                moveTo({ scale: scale, x: (view.width - drawing.width * scale) / 2, y: (view.height - drawing.height * scale) / 2 }, true);
            },
            /** Zoom buttons: around the centre of the visible part of the drawing. */
            zoom: function (factor) { var centre = visibleCentre(); zoomAt(factor, centre.x, centre.y); },
            /** Brings a point of the drawing (in drawing units) towards the window's centre, without showing more than a margin beyond its edges. */
            centreOn: function (dx, dy) {
                function axis(point, drawn, room) {
                    var centred = room / 2 - point * position.scale;
                    return drawn + 2 * MARGIN <= room ? (room - drawn) / 2 : Math.min(MARGIN, Math.max(room - drawn - MARGIN, centred));
                }
                moveTo({
                    scale: position.scale,
                    x: axis(dx, drawing.width * position.scale, viewport.clientWidth),
                    y: axis(dy, drawing.height * position.scale, viewport.clientHeight),
                }, true);
            },
            /** Whether the last pointer gesture was a drag (so that a click after it selects nothing). */
            dragged: function () { return Boolean(drag && drag.moved); },
            /** Where the drawing is (to give back to show()), and the smallest text's size on screen in pixels. */
            position: function () {
                return { scale: position.scale, x: position.x, y: position.y, manual: position.manual, textPx: smallestFont * position.scale, windowWidth: viewport.clientWidth };
            },
        };
        return api;
    };
}());
`;
