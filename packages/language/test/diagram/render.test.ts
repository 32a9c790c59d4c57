import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseDot } from 'ts-graphviz/ast';
import {
    type CxeServices, type LaidOutGraph, type Point, boxToPath, boxesOverlap, distanceToSegment, drawingNames, renderDot, renderDrawing, renderJourneyMermaid, renderJson,
    renderMermaid, segmentTouchesBox,
} from '../../src/index.js';
import { outlineOf } from '../../src/diagram/node-outline.js';
import { repoRoot } from '../shared-design.js';
import { cxeFilesBelow, examplesDir, mermaidParser, servicesFor, syntheticNetwork } from './diagram-helpers.js';

interface Rendered { readonly name: string; readonly laidOut?: LaidOutGraph; readonly svg: string; readonly mermaid: string; readonly dot?: string; readonly json?: string }

/** Every view and journey of every ecosystem, drawn by the one pipeline, in every text format. */
async function renderAll(services: CxeServices): Promise<Rendered[]> {
    const models = services.workspace.EcosystemModels;
    const rendered: Rendered[] = [];
    for (const ecosystem of models.ecosystems()) {
        const model = models.modelOf(ecosystem);
        const problems = services.workspace.Findings.findingsOf(ecosystem);
        for (const name of drawingNames(model)) {
            const drawing = await renderDrawing(model, name, problems);
            if (drawing.kind === 'view') {
                const { graph, laidOut, svg } = drawing;
                rendered.push({ name: `${ecosystem}.${name}`, laidOut, svg, mermaid: renderMermaid(graph), dot: renderDot(graph), json: renderJson(laidOut) });
            } else {
                rendered.push({ name: `${ecosystem}.${name}`, svg: drawing.svg, mermaid: renderJourneyMermaid(drawing.journey) });
            }
        }
    }
    return rendered;
}

/** Labels and names full of characters that mean something in SVG, HTML, Mermaid, DOT and Markdown. */
const hostile = `ecosystem Hostile "Ecosystem <b>bold</b> & 'friends' </svg>"
customer Buyer "Buyer </script><script>alert(1)</script>" { seeks Goods  size 3 }
organization Shop "Shop \\"quoted\\" #1 | pipe; semi: colon" { seeks Cash }
value Goods "Goods & <services>" product
value Cash "Cash \\\\ backslash -->|x|" money
touchpoint Till "Till ]] [[ {{ }} (( ))" { channel store }
exchange Sale "Sale <i>" {
  Shop -> Buyer : Goods via Till
  Buyer -> Shop : Cash
}
environment Law "Law\`s </desc> ]]>" { category regulatory  affects Buyer "note <x> & \\"y\\"" }
journey Trip "Trip: <one>; two # three, four" for Buyer { step S1 "Step <a> & b: c" at Till score 4 }
`;

describe('renderers', () => {
    let examples: Rendered[] = [];
    let hostileRendered: Rendered[] = [];
    let synthetic: Rendered[] = [];
    before(async function () {
        this.timeout(120_000);
        examples = await renderAll(await servicesFor(cxeFilesBelow(examplesDir)));
        hostileRendered = await renderAll(await servicesFor({ 'hostile.cxe': hostile }));
        // 40 actors and more: views whose labels are placed after the layout (120: a dense one).
        for (const [actors, seed] of [[6, 1], [12, 2], [20, 3], [30, 4], [40, 5], [120, 6]]) {
            synthetic.push(...await renderAll(await servicesFor({ [`synthetic-${actors}.cxe`]: syntheticNetwork(actors, seed) })));
        }
    });

    it('render something for every example view and journey', () => {
        assert.ok(examples.length >= 15, `only ${examples.length}`);
    });

    describe('validity', () => {
        it('every SVG is well-formed XML with a title, a desc, a background and no script', () => {
            for (const { name, svg } of [...examples, ...hostileRendered]) {
                assert.equal(XMLValidator.validate(svg), true, name);
                const root = new XMLParser({ ignoreAttributes: false }).parse(svg).svg;
                assert.ok(root.title && root.desc && root.rect, name);
                assert.doesNotMatch(svg, /<script|javascript:|<foreignObject|xlink:href|\bon[a-z]+=/i, name);
            }
        });

        it('every Mermaid diagram is accepted by Mermaid\'s own parser', async function () {
            this.timeout(60_000);
            const mermaid = await mermaidParser();
            for (const { name, mermaid: text } of [...examples, ...hostileRendered]) {
                await assert.doesNotReject(mermaid.parse(text), name);
            }
        });

        it('every DOT graph is accepted by a DOT parser', () => {
            for (const { name, dot } of [...examples, ...hostileRendered].filter(r => r.dot)) {
                assert.doesNotThrow(() => parseDot(dot!), name);
            }
        });

        it('every JSON graph matches docs/graph.schema.json', () => {
            const schema = JSON.parse(readFileSync(path.join(repoRoot, 'docs/graph.schema.json'), 'utf8'));
            const validate = new Ajv({ allErrors: true }).compile(schema);
            for (const { name, json } of [...examples, ...hostileRendered].filter(r => r.json)) {
                assert.ok(validate(JSON.parse(json!)), `${name}: ${JSON.stringify(validate.errors)}`);
            }
        });
    });

    it('a legend naming a relation drawn two ways says whose each line is, from the kind table', async () => {
        const text = `ecosystem E
customer Buyer { seeks V }
organization Shop { seeks V }
value V
exchange Shop -> Buyer : V
environment Rates { category economic  affects Buyer }
policy Terms { owner Shop  affects Buyer }
view Both { include Buyer, Shop, environment, policy }
view FactorsOnly { include Buyer, Shop, environment }
`;
        const services = await servicesFor({ 'legend.cxe': text });
        const model = services.workspace.EcosystemModels.modelOf('E');
        const legendOf = async (view: string) => {
            const { svg } = await renderDrawing(model, view, []);
            const legend = svg.slice(svg.indexOf('data-cxe-legend'));
            return [...legend.matchAll(/>([^<>]*affects[^<>]*)<\/text>/g)].map(match => match[1]);
        };
        assert.deepEqual(await legendOf('Both'), ['affects (environment factor)', 'affects (policy)']);
        assert.deepEqual(await legendOf('FactorsOnly'), ['affects']);
    });

    it('a label too long for its lines keeps each direction\'s first value and whole values only, and counts the values left out', async () => {
        const values = Array.from({ length: 8 }, (_, i) => `value Good${i} "Good number ${i} of a long list of goods" product`).join('\n');
        const text = `ecosystem E
customer Buyer { seeks Good0 }
organization Shop { seeks Cash }
value Cash "Cash for everything" money
${values}
exchange Shop -> Buyer : ${Array.from({ length: 8 }, (_, i) => `Good${i}`).join(', ')}
exchange Buyer -> Shop : Cash
`;
        const model = (await servicesFor({ 'label.cxe': text })).workspace.EcosystemModels.modelOf('E');
        const drawing = await renderDrawing(model, 'overview', []);
        assert.equal(drawing.kind, 'view');
        const lines = drawing.kind === 'view' ? drawing.laidOut.edges[0].label!.lines : [];
        assert.deepEqual(lines.filter(line => line.arrow).map(line => line.arrow).sort(), ['back', 'forward'], JSON.stringify(lines));
        const starts = lines.filter(line => /^(Good number \d|\$ Cash)/.test(line.text)).length;
        const more = Number(/^\+ (\d+) more$/.exec(lines.at(-1)!.text)?.[1]);
        assert.equal(starts + more, 9, `9 values, shown or counted: ${JSON.stringify(lines)}`);
        // Every value here wraps onto two lines: a value is shown whole or not at all.
        assert.equal(lines.length - 1, 2 * starts, JSON.stringify(lines));
    });

    it("a journey map names each step in up to three lines, and says which guide line is which score", async () => {
        const text = `ecosystem E
customer Owner { seeks V }
value V
touchpoint App { channel mobile }
journey Claim for Owner {
  step Report "Reports a burst pipe in the app" at App score 3
  step Chase "Chases the claim by phone" at App score 2
}
`;
        const model = (await servicesFor({ 'journey.cxe': text })).workspace.EcosystemModels.modelOf('E');
        const { svg } = await renderDrawing(model, 'Claim', []);
        const stepText = (step: string) => {
            const group = svg.slice(svg.indexOf(`data-cxe-element="${step}"`));
            const bold = group.slice(0, group.indexOf('</g>')).matchAll(/<text[^>]*font-weight="bold"[^>]*>([^<]*)<\/text>/g);
            return [...bold].map(match => match[1]).join(' ');
        };
        assert.equal(stepText('Report'), 'Reports a burst pipe in the app');
        assert.equal(stepText('Chase'), 'Chases the claim by phone');
        const scores = [...svg.matchAll(/<text[^>]*text-anchor="end"[^>]*>([1-5])<\/text>/g)].map(match => match[1]);
        assert.deepEqual(scores, ['1', '3', '5']);
    });

    describe('escaping', () => {
        it('SVG text reads back exactly as written in the model, never as markup', () => {
            const svg = hostileRendered.find(r => r.name === 'Hostile.overview')!.svg;
            const texts: string[] = [];
            const collect = (node: unknown): void => {
                if (Array.isArray(node)) {
                    node.forEach(collect);
                } else if (node && typeof node === 'object') {
                    Object.entries(node).forEach(([key, value]) => (key === '#text' ? texts.push(String(value)) : collect(value)));
                } else if (typeof node === 'string') {
                    texts.push(node);
                }
            };
            collect(new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: true }).parse(svg));
            const all = texts.join('\n');
            assert.ok(all.includes('Ecosystem <b>bold</b> & \'friends\' </svg>'), 'title');
            assert.ok(all.includes('Goods & <services>'), 'edge label');
            assert.ok(all.includes('note <x> & "y"'), 'influence note');
            assert.doesNotMatch(svg, /<b>|<script>|<\/script>|<services>/);
        });

        it('DOT labels carry the model text exactly', () => {
            const dot = hostileRendered.find(r => r.name === 'Hostile.overview')!.dot!;
            const labels: string[] = [];
            JSON.stringify(parseDot(dot), (_key, value) => {
                if (value && value.type === 'Attribute' && value.key?.value === 'label') {
                    labels.push(value.value.value);
                }
                return value;
            });
            assert.ok(labels.includes('Shop "quoted" #1 | pipe; semi: colon'), labels.join('\n'));
            const lines = labels.map(label => label.split('\\n'));
            assert.ok(lines.some(label => label.includes('→ Goods & <services>') && label.includes('via Till ]] [[ {{ }} (( ))')), labels.join('\n'));
        });

        it('Mermaid labels hold no raw markup or quotes', () => {
            const mermaid = hostileRendered.find(r => r.name === 'Hostile.overview')!.mermaid;
            const labels = [...mermaid.matchAll(/"([^"]*)"/g)].map(m => m[1]).slice(1);
            assert.ok(labels.length > 3);
            for (const label of labels) {
                assert.doesNotMatch(label.replace(/<br\/>|<\/?small>/g, ''), /[<>"]/, label);
            }
        });
    });

    describe('layout invariants', () => {
        it('every example drawing is readable at the width of a 700 px panel and an 880 px review column', () => {
            for (const { name, svg } of examples) {
                const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);
                const nodes = new Set([...svg.matchAll(/data-cxe-element="([^"]*)"/g)].map(match => match[1])).size;
                const smallest = Math.min(...[...svg.matchAll(/<text[^>]*font-size="([\d.]+)"/g)].map(match => Number(match[1])));
                // Body text renders at its size times panel / width (a narrower drawing is not enlarged).
                const limit = nodes <= 20 ? 9 : nodes <= 40 ? 7 : 0;
                for (const panel of [700, 880]) {
                    const rendered = smallest * Math.min(1, panel / width);
                    assert.ok(rendered >= limit, `${name} (${nodes} nodes, ${width} px wide): text at ${rendered.toFixed(1)} px in a ${panel} px panel`);
                }
            }
        });

        const drawn = () => [...examples, ...synthetic].filter(r => r.laidOut);

        it('no two nodes overlap, all nodes, edges and labels lie inside the canvas, labels never cover nodes', () => {
            for (const { name, laidOut } of drawn()) {
                const inside = (p: { x: number; y: number }) => p.x >= 0 && p.y >= 0 && p.x <= laidOut!.width + 0.5 && p.y <= laidOut!.height + 0.5;
                for (const { edge, points, label } of laidOut!.edges) {
                    assert.ok(points.every(inside), `${name}: a bend of ${edge.id} outside the canvas`);
                    assert.ok(!label || (inside(label) && inside({ x: label.x + label.width, y: label.y + label.height })), `${name}: label of ${edge.id} outside`);
                }
                const boxes = laidOut!.nodes.map(n => ({ id: n.node.id, x: n.x, y: n.y, width: n.width, height: n.height }));
                for (const [i, a] of boxes.entries()) {
                    assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.width <= laidOut!.width + 0.5 && a.y + a.height <= laidOut!.height + 0.5, `${name}: ${a.id} outside`);
                    for (const b of boxes.slice(i + 1)) {
                        assert.ok(!boxesOverlap(a, b, 0), `${name}: ${a.id} overlaps ${b.id}`);
                    }
                }
                for (const { edge, label } of laidOut!.edges) {
                    if (label) {
                        assert.ok(boxes.every(box => !boxesOverlap(box, label)), `${name}: label of ${edge.id} covers a node`);
                    }
                }
            }
        });

        it('every edge label sits within 24 px of its own edge and overlaps no other label', () => {
            for (const { name, laidOut } of drawn()) {
                const labelled = laidOut!.edges.filter(e => e.label);
                for (const [i, { edge, label, points }] of labelled.entries()) {
                    const distance = boxToPath(label!, points);
                    assert.ok(distance <= 24, `${name}: the label of ${edge.id} is ${distance.toFixed(1)} px from its edge`);
                    for (const other of labelled.slice(i + 1)) {
                        assert.ok(!boxesOverlap(label!, other.label!), `${name}: the labels of ${edge.id} and ${other.edge.id} overlap`);
                    }
                }
            }
        });

        it('labels placed after the layout of a large view are drawn above every edge, each clickable as its edge', () => {
            const large = synthetic.filter(r => r.laidOut?.labelsOverEdges);
            assert.ok(large.length >= 2, 'the 40- and 120-actor views have their labels placed after the layout');
            for (const { name, svg, laidOut } of large) {
                const [lastPath, firstLabel] = [svg.lastIndexOf('<path d='), svg.indexOf('fill-opacity="0.92"')];
                assert.ok(firstLabel > lastPath, `${name}: a label is drawn before an edge that may run over it`);
                const labelled = laidOut!.edges.filter(edge => edge.label).map(edge => edge.edge.id);
                const groups = [...svg.matchAll(/<g data-cxe-edge="([^"]*)"[^>]*><rect /g)].map(match => match[1].replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'));
                assert.deepEqual(groups, labelled, `${name}: every label in a group with its edge's id, in the edges' order`);
            }
            assert.ok(examples.every(r => !r.laidOut?.labelsOverEdges), 'example views (40 nodes or fewer) keep the labels ELK lays out');
        });

        it('arrowheads at a node are at least 8 px apart, on one side or around a corner (none piled onto another)', () => {
            for (const { name, laidOut } of drawn()) {
                const heads = new Map<string, Point[]>();
                const addHead = (id: string, point: Point) => heads.set(id, [...heads.get(id) ?? [], point]);
                for (const { edge, points } of laidOut!.edges) {
                    addHead(edge.to, points.at(-1)!);
                    if (edge.flows?.some(flow => flow.from !== edge.from)) {
                        addHead(edge.from, points[0]);
                    }
                }
                for (const [id, points] of heads) {
                    points.forEach((a, i) => points.slice(i + 1).forEach(b => {
                        const distance = Math.hypot(a.x - b.x, a.y - b.y);
                        assert.ok(distance >= 8, `${name}: two arrowheads ${distance.toFixed(1)} px apart at ${id}`);
                    }));
                }
            }
        });

        it('a busy node (4 edge ends or more) has its edges end on more than one of its sides', () => {
            const sideOf = (node: LaidOutGraph['nodes'][number], point: Point) => {
                const distances = { W: Math.abs(point.x - node.x), E: Math.abs(point.x - node.x - node.width), N: Math.abs(point.y - node.y), S: Math.abs(point.y - node.y - node.height) };
                return (Object.keys(distances) as Array<keyof typeof distances>).reduce((a, b) => (distances[b] < distances[a] ? b : a));
            };
            let busy = 0;
            for (const { name, laidOut } of examples.filter(r => r.laidOut)) {
                for (const node of laidOut!.nodes) {
                    const ends = laidOut!.edges.flatMap(({ edge, points }) => [
                        ...(edge.from === node.node.id ? [points[0]] : []), ...(edge.to === node.node.id ? [points.at(-1)!] : [])]);
                    if (ends.length >= 4) {
                        busy++;
                        assert.ok(new Set(ends.map(end => sideOf(node, end))).size > 1, `${name}: all ${ends.length} edge ends of ${node.node.id} on one side`);
                    }
                }
            }
            assert.ok(busy >= 20, `only ${busy} busy nodes: the examples should have many`);
        });

        it("edges end on their node's outline: on the ellipse or hexagon, not on its bounding box", () => {
            let curved = 0;
            // The synthetic views too: ELK's wrapping can return a route that stops short of its target.
            for (const { name, laidOut } of [...examples, ...synthetic].filter(r => r.laidOut)) {
                for (const { edge, points } of laidOut!.edges) {
                    for (const [id, end] of [[edge.from, points[0]], [edge.to, points.at(-1)!]] as const) {
                        const node = laidOut!.nodes.find(n => n.node.id === id)!;
                        const outline = outlineOf(node.node.kind, node);
                        const distance = Math.min(...outline.map((corner, i) => distanceToSegment(end, corner, outline[(i + 1) % outline.length])));
                        assert.ok(distance <= 0.5, `${name}: ${edge.id} ends ${distance.toFixed(1)} px off the outline of ${id}`);
                        if (node.node.kind === 'touchpoint') {
                            // The true ellipse, not its polygon: within 0.5 px of it.
                            const [a, b] = [node.width / 2, node.height / 2];
                            const r = Math.hypot((end.x - node.x - a) / a, (end.y - node.y - b) / b);
                            assert.ok(Math.abs(r - 1) * Math.min(a, b) <= 0.5, `${name}: ${edge.id} ends off the ellipse of ${id}`);
                            curved++;
                        }
                    }
                }
            }
            assert.ok(curved > 10, `only ${curved} edge ends on ellipses: the examples should have many`);
        });

        it('an edge meets an ellipse within 45° of square to its outline, not glancing off it near its top or bottom', () => {
            let ends = 0;
            for (const { name, laidOut } of examples.filter(r => r.laidOut)) {
                for (const { edge, points } of laidOut!.edges) {
                    for (const [id, end, before] of [[edge.from, points[0], points[1]], [edge.to, points.at(-1)!, points.at(-2)!]] as const) {
                        const node = laidOut!.nodes.find(n => n.node.id === id)!;
                        if (node.node.kind !== 'touchpoint') {
                            continue;
                        }
                        // The ellipse's normal at the end, against the direction of the edge's last segment.
                        const [a, b] = [node.width / 2, node.height / 2];
                        const normal = { x: (end.x - node.x - a) / a ** 2, y: (end.y - node.y - b) / b ** 2 };
                        const along = { x: end.x - before.x, y: end.y - before.y };
                        const cosine = Math.abs(normal.x * along.x + normal.y * along.y) / Math.hypot(normal.x, normal.y) / Math.hypot(along.x, along.y);
                        assert.ok(cosine >= Math.cos(Math.PI / 4), `${name}: ${edge.id} meets ${id} ${(Math.acos(cosine) * 180 / Math.PI).toFixed(0)}° off square`);
                        ends++;
                    }
                }
            }
            assert.ok(ends > 50, `only ${ends} edge ends on ellipses`);
        });

        it('edges do not run through nodes other than their own ends', () => {
            for (const { name, laidOut } of examples.filter(r => r.laidOut)) {
                for (const { edge, points } of laidOut!.edges) {
                    assert.ok(points.length >= 2, `${name}: ${edge.id} has no route`);
                    for (const node of laidOut!.nodes.filter(n => n.node.id !== edge.from && n.node.id !== edge.to)) {
                        const box = { x: node.x + 1, y: node.y + 1, width: node.width - 2, height: node.height - 2 };
                        for (let i = 1; i < points.length; i++) {
                            assert.ok(!segmentTouchesBox(points[i - 1], points[i], box), `${name}: ${edge.id} runs through ${node.node.id}`);
                        }
                    }
                }
            }
        });
    });

    describe('determinism', () => {
        it('the same models give byte-identical output, whatever the order the files are loaded in', async function () {
            this.timeout(120_000);
            const files = cxeFilesBelow(examplesDir);
            const reversed = await renderAll(await servicesFor(files, Object.keys(files).reverse()));
            assert.equal(reversed.length, examples.length);
            reversed.forEach((again, i) => {
                for (const format of ['svg', 'mermaid', 'dot', 'json'] as const) {
                    assert.equal(again[format], examples[i][format], `${again.name} ${format}`);
                }
            });
        });
    });
});
