/**
 * The HTML page's own browser code (the viewer is VIEWER_SCRIPT): the drawing picker, search by name,
 * the details panel and the links between elements. It reads the model from the page's JSON block
 * and writes it with textContent only, so no model text is ever parsed as markup.
 */
export const PAGE_SCRIPT = String.raw`(function () {
    'use strict';
    var data = JSON.parse(document.getElementById('cxe-data').textContent);
    var elements = new Map(Object.entries(data.elements));
    var picker = document.getElementById('drawing');
    var viewport = document.getElementById('viewport');
    var canvas = document.getElementById('canvas');
    var details = document.getElementById('details');
    var search = document.getElementById('search');
    var results = document.getElementById('results');
    var positions = new Map();
    var current = -1;
    var selected;
    var viewer = window.cxeViewer(viewport, canvas, function (position) { if (current >= 0) positions.set(current, position); });

    function make(tag, className, text) {
        var element = document.createElement(tag);
        if (className) element.className = className;
        if (text !== undefined) element.textContent = text;
        return element;
    }
    function templateOf(index) { return document.querySelector('template[data-drawing="' + index + '"]'); }
    function nodeIn(root, name) {
        return Array.prototype.find.call(root.querySelectorAll('[data-cxe-element]'), function (node) { return node.getAttribute('data-cxe-element') === name; });
    }
    function drawingsWith(name) {
        return data.drawings.map(function (_, index) { return index; }).filter(function (index) { return nodeIn(templateOf(index).content, name); });
    }
    function titleOf(name) { var element = elements.get(name); return element && element.label ? element.label : name; }

    function showDrawing(index) {
        if (index === current) return;
        current = index;
        picker.value = String(index);
        canvas.replaceChildren(templateOf(index).content.cloneNode(true));
        viewer.show(positions.get(index));
        markSelected(false);
    }
    function markSelected(centre) {
        canvas.querySelectorAll('.cxe-selected').forEach(function (node) { node.classList.remove('cxe-selected'); });
        var node = selected && nodeIn(canvas, selected);
        if (!node) return;
        node.classList.add('cxe-selected');
        if (centre) {
            var box = node.getBBox();
            viewer.centreOn(box.x + box.width / 2, box.y + box.height / 2);
        }
    }
    /** Selects an element: shows it in the current drawing, or in the first one that has it, and its details. */
    function select(name, centre) {
        if (!elements.has(name)) return;
        selected = name;
        var shownIn = drawingsWith(name);
        if (shownIn.length > 0 && shownIn.indexOf(current) < 0) showDrawing(shownIn[0]);
        markSelected(centre);
        showDetails(elements.get(name), shownIn);
        // The address names the element, so that a review comment can link to it.
        history.replaceState(null, '', '#' + encodeURIComponent(name));
    }

    function link(name) {
        var button = make('button', 'link', titleOf(name));
        button.type = 'button';
        button.title = name;
        if (elements.has(name)) button.addEventListener('click', function () { select(name, true); });
        else button.disabled = true;
        return button;
    }
    function section(title, items) {
        if (!items || items.length === 0) return [];
        var list = make('ul', 'links');
        items.forEach(function (item) { var entry = make('li'); entry.append(item); list.append(entry); });
        return [make('h3', '', title), list];
    }
    function showDetails(element, shownIn) {
        var parts = [make('h2', '', element.label || element.name), make('p', 'meta', element.kind + ' ' + element.name + ' · ' + element.file + ':' + element.line)];
        if (element.documentation) parts.push(make('p', 'doc', element.documentation));
        if (element.description) parts.push(make('p', 'doc', element.description));
        if (element.seeks) {
            parts.push.apply(parts, section('Seeks', element.seeks.map(function (need) { return need.value ? link(need.value) : make('span', 'need', '“' + need.text + '”'); })));
            parts.push.apply(parts, section('Receives', element.receives.map(link)));
            parts.push.apply(parts, section('Gives', element.gives.map(link)));
            parts.push.apply(parts, section('Unmet needs', element.unmet.map(link)));
        }
        parts.push.apply(parts, section('Refers to', element.refersTo.map(link)));
        parts.push.apply(parts, section('Referred to by', element.referredBy.map(link)));
        parts.push.apply(parts, section('Shown in', shownIn.map(function (index) {
            var button = make('button', 'link', data.drawings[index].title);
            button.type = 'button';
            button.addEventListener('click', function () { showDrawing(index); markSelected(true); });
            return button;
        })));
        parts.push(make('h3', '', 'Diagnostics'));
        if (element.diagnostics.length === 0) parts.push(make('p', 'meta', 'None.'));
        else parts.push.apply(parts, section('', element.diagnostics.map(function (d) {
            var line = make('span', 'diagnostic ' + d.severity);
            line.append(make('strong', '', d.severity), ' ', make('code', '', d.code || ''), ' line ' + d.line + ': ' + d.message);
            return line;
        })).slice(1));
        details.replaceChildren.apply(details, parts);
    }

    /**
     * An edge's details: its tooltip, the elements it connects (an edge id is made of names, such as
     * 'Giver->Receiver@Exchange'), and the exchanges that name both of its ends.
     */
    function showEdge(edge) {
        var title = edge.querySelector('title');
        var names = (edge.getAttribute('data-cxe-edge').match(/[A-Za-z_][A-Za-z0-9_]*/g) || [])
            .filter(function (name, index, all) { return elements.has(name) && all.indexOf(name) === index; });
        var ends = names.slice(0, 2);
        var exchanges = [];
        elements.forEach(function (element, name) {
            var namesEnds = ends.length === 2 && ends.every(function (end) { return element.refersTo.indexOf(end) >= 0; });
            if (element.kind === 'exchange' && namesEnds && names.indexOf(name) < 0) exchanges.push(name);
        });
        selected = undefined;
        markSelected(false);
        edge.classList.add('cxe-selected');
        var heading = [make('h2', '', ends.map(titleOf).join(' – ')), make('p', 'meta', 'connection')];
        if (title) heading.push(make('p', 'doc', title.textContent));
        details.replaceChildren.apply(details, heading.concat(section('Connects', names.map(link)), section('Exchanges between them', exchanges.map(link))));
    }

    function matches(query) {
        var text = query.trim().toLowerCase();
        if (!text) return [];
        var found = [];
        elements.forEach(function (element, name) {
            var at = Math.min.apply(null, [name, element.label || ''].map(function (s) { var i = s.toLowerCase().indexOf(text); return i < 0 ? Infinity : i; }));
            if (at < Infinity) found.push({ name: name, at: at });
        });
        return found.sort(function (a, b) { return a.at - b.at; }).slice(0, 12).map(function (match) { return match.name; });
    }
    function showResults() {
        var names = matches(search.value);
        results.hidden = !search.value.trim();
        results.replaceChildren.apply(results, names.length === 0 ? [make('li', 'meta', 'No element matches.')] : names.map(function (name) {
            var item = make('li');
            var button = link(name);
            button.append(make('span', 'kind', ' ' + elements.get(name).kind));
            button.addEventListener('click', function () { results.hidden = true; });
            item.append(button);
            return item;
        }));
    }

    data.drawings.forEach(function (drawing, index) {
        var option = make('option', '', (drawing.kind === 'journey' ? 'Journey: ' : 'View: ') + drawing.title);
        option.value = String(index);
        picker.append(option);
    });
    picker.addEventListener('change', function () { showDrawing(Number(picker.value)); });
    search.addEventListener('input', showResults);
    search.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') { var first = matches(search.value)[0]; if (first) { select(first, true); results.hidden = true; } }
        if (event.key === 'Escape') { search.value = ''; results.hidden = true; }
    });
    document.addEventListener('keydown', function (event) { if (event.key === '/' && document.activeElement !== search) { event.preventDefault(); search.focus(); } });
    canvas.addEventListener('click', function (event) {
        if (viewer.dragged()) return;
        var node = event.target.closest('[data-cxe-element]');
        var edge = event.target.closest('[data-cxe-edge]');
        if (node) select(node.getAttribute('data-cxe-element'), false);
        // A label drawn above the edges is a group of its own: the edge is the first group with its id.
        else if (edge) showEdge(canvas.querySelector('[data-cxe-edge="' + CSS.escape(edge.getAttribute('data-cxe-edge')) + '"]'));
    });
    document.getElementById('zoom-in').addEventListener('click', function () { viewer.zoom(1.25); });
    document.getElementById('zoom-out').addEventListener('click', function () { viewer.zoom(0.8); });
    document.getElementById('fit').addEventListener('click', function () { viewer.fitAll(); });
    document.getElementById('readable').addEventListener('click', function () { viewer.reset(); });
    if (data.drawings.length > 0) showDrawing(0);
    else canvas.replaceChildren(make('p', 'meta', 'This ecosystem has no views or journeys to draw.'));
    function selectFromAddress() {
        var name;
        try { name = decodeURIComponent(location.hash.slice(1)); } catch (malformed) { return; }
        if (name && name !== selected) select(name, true);
    }
    window.addEventListener('hashchange', selectFromAddress);
    selectFromAddress();
}());
`;
