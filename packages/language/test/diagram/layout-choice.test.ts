import assert from 'node:assert/strict';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { chooseLayout } from '../../src/diagram/layout.js';

/**
 * One ELK result of two nodes, one above the other, and the edge between them: straight down, or
 * looping out to the right and back as an edge between two rows of a wrapped chain does.
 */
function result(width: number, { loop = 0, routed = true } = {}): ElkNode {
    const bends = loop > 0 ? [{ x: 50, y: 60 }, { x: 100 + loop, y: 60 }, { x: 100 + loop, y: 80 }, { x: 50, y: 80 }] : [];
    return {
        id: 'root', width, height: 140,
        children: [{ id: 'a', x: 0, y: 0, width: 100, height: 40 }, { id: 'b', x: 0, y: 100, width: 100, height: 40 }],
        edges: [{ id: 'e', sources: ['a'], targets: ['b'], sections: routed ? [{ id: 's', startPoint: { x: 50, y: 40 }, endPoint: { x: 50, y: 100 }, bendPoints: bends }] : [] }],
    };
}

describe('choosing among the layouts of a small view', () => {
    it('the first drawing narrow enough to read in a 700 px panel wins, not a narrower one tried later', () => {
        const straight = result(600);
        const rows = result(300, { loop: 200 });
        const tooWide = result(1000);
        assert.equal(chooseLayout([tooWide, straight, rows]), straight);
        assert.equal(chooseLayout([tooWide, rows, straight]), rows);
    });

    it('when none is narrow enough, the narrowest; a drawing with an unrouted edge only when every one has one', () => {
        const [wide, wider] = [result(900), result(1200)];
        const unrouted = result(300, { routed: false });
        assert.equal(chooseLayout([wider, unrouted, wide]), wide);
        assert.equal(chooseLayout([unrouted, result(200, { routed: false })]), unrouted);
    });
});
