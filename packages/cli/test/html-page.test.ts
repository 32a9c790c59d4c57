import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { cxe, folderWith, repoRoot } from './run-cxe.js';

const CHROMIUM = process.env.CXE_CHROMIUM ?? '/usr/bin/chromium';

/** A model whose texts try to break out of the SVG, the JSON block, attributes and the page's script. */
const hostile = `ecosystem Hostile "Title </title><script>alert(1)</script>"
customer Buyer "Buyer </svg><script>alert(3)</script>" { seeks Bread, "need <b>bold</b> &amp; 'single'" }
/** Doc </script><img src=x onerror=alert(2)> & "quotes" 'single' */
organization Baker "Baker ' <!-- ]]>" { seeks Cash }
value Bread "Bread </template>" product
value Cash money { description "<script>alert(4)</script>" }
exchange Sale { Baker -> Buyer : Bread  Buyer -> Baker : Cash  Baker -> Nobody : Cash }
view Trade "Trade </svg>" { include * }
`;

interface Loaded {
    readonly page: Page;
    readonly errors: string[];
    readonly requests: string[];
}

/** Opens a generated page from disk ('file#Element' selects an element), recording console errors, page errors and every request but the page itself. */
async function load(browser: Browser, file: string): Promise<Loaded> {
    const page = await browser.newPage({ viewport: { width: 880, height: 720 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', message => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', error => errors.push(error.message));
    page.on('dialog', dialog => { errors.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
    const [pageFile, hash] = file.split('#');
    const url = pathToFileURL(pageFile).href;
    page.on('request', request => request.url() !== url && !request.url().startsWith('blob:') && requests.push(request.url()));
    await page.goto(hash ? `${url}#${hash}` : url);
    await page.waitForSelector('#canvas svg');
    return { page, errors, requests };
}

describe('cxe generate --format html', function () {
    this.timeout(120_000);
    let browser: Browser;
    let out: string;

    before(async () => {
        const work = folderWith({ 'hostile/hostile.cxe': hostile });
        out = path.join(work, 'out');
        const examples = cxe(['generate', path.join(repoRoot, 'examples/acme-software'), '--format', 'html,svg', '--out', out]);
        assert.equal(examples.status, 0, examples.stdout + examples.stderr);
        const run = cxe(['generate', 'hostile', '--format', 'html', '--out', out], work);
        assert.equal(run.status, 1, 'the hostile model has an error (Nobody) and is still drawn');
        browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    });
    after(async () => browser?.close());

    it('writes one page per ecosystem, the same bytes on every run', () => {
        const first = readFileSync(path.join(out, 'AcmeCloudMove.html'), 'utf8');
        const again = folderWith({});
        assert.equal(cxe(['generate', path.join(repoRoot, 'examples/acme-software'), '--format', 'html', '--out', again]).status, 0);
        assert.equal(readFileSync(path.join(again, 'AcmeCloudMove.html'), 'utf8'), first);
        assert.match(first, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+'; style-src 'sha256-[^']+'/);
    });

    it('loads from disk with no console error and no request, every view and journey in the picker', async () => {
        const { page, errors, requests } = await load(browser, path.join(out, 'AcmeCloudMove.html'));
        // One option per drawing cxe generate writes as SVG, views first.
        const kinds = (await page.locator('#drawing option').allTextContents()).map(option => option.split(':')[0]);
        const svgs = readdirSync(out).filter(name => name.startsWith('AcmeCloudMove.') && name.endsWith('.svg'));
        assert.equal(kinds.length, svgs.length);
        assert.deepEqual(kinds, [...kinds.filter(kind => kind === 'View'), ...kinds.filter(kind => kind === 'Journey')]);
        assert.ok(kinds.includes('View') && kinds.includes('Journey'), kinds.join());
        await page.selectOption('#drawing', { index: kinds.length - 1 });
        await page.waitForSelector('#canvas svg[aria-label], #canvas svg');
        assert.deepEqual(errors, []);
        assert.deepEqual(requests, []);
        await page.close();
    });

    it('opens a wide view with readable text, and zooms with the buttons', async () => {
        const { page } = await load(browser, path.join(out, 'AcmeCloudMove.html'));
        // The smallest font size in the drawing, times the drawing's scale on screen.
        const textPx = async () => {
            const sizes = await page.locator('#canvas text[font-size]').evaluateAll(texts => texts.map(text => Number(text.getAttribute('font-size'))));
            const svg = page.locator('#canvas svg');
            const scale = (await svg.boundingBox())!.width / Number(await svg.getAttribute('width'));
            return Math.min(...sizes) * scale;
        };
        assert.ok(await textPx() >= 9 - 1e-3, `the smallest text renders at ${await textPx()} px`);
        const before = await textPx();
        await page.click('#zoom-in');
        assert.ok(await textPx() > before * 1.2);
        assert.equal(await page.locator('.cxe-minimap').isVisible(), true, 'a drawing larger than the window has a minimap');
        await page.close();
    });

    it('zooms around the centre of the visible part of the drawing, and keeps each drawing where it was left', async () => {
        const { page } = await load(browser, path.join(out, 'AcmeCloudMove.html'));
        await page.click('#fit');
        // Drag the drawing to the right, so that it covers only part of the window.
        const box = (await page.locator('#viewport').boundingBox())!;
        await page.mouse.move(box.x + 100, box.y + 100);
        await page.mouse.down();
        await page.mouse.move(box.x + 350, box.y + 160, { steps: 5 });
        await page.mouse.up();
        /** The screen point at the centre of the drawing's visible part, and where it is in the drawing (fractions). */
        const atPoint = async (point?: { x: number; y: number }) => {
            const view = (await page.locator('#viewport').boundingBox())!;
            const svg = (await page.locator('#canvas svg').boundingBox())!;
            const x = point?.x ?? (Math.max(view.x, svg.x) + Math.min(view.x + view.width, svg.x + svg.width)) / 2;
            const y = point?.y ?? (Math.max(view.y, svg.y) + Math.min(view.y + view.height, svg.y + svg.height)) / 2;
            return { x, y, fx: (x - svg.x) / svg.width, fy: (y - svg.y) / svg.height, viewCentre: view.x + view.width / 2 };
        };
        const before = await atPoint();
        assert.ok(before.x - before.viewCentre > 50, 'the visible part is off the window centre');
        await page.click('#zoom-in');
        const after = await atPoint(before);
        assert.ok(Math.abs(after.fx - before.fx) < 0.002 && Math.abs(after.fy - before.fy) < 0.002, JSON.stringify({ before, after }));

        const transform = () => page.locator('#canvas').getAttribute('style');
        const left = await transform();
        await page.selectOption('#drawing', { index: 1 });
        assert.notEqual(await transform(), left);
        await page.selectOption('#drawing', { index: 0 });
        assert.equal(await transform(), left);
        await page.close();
    });

    it('finds an element by name and shows its details, with links to related elements', async () => {
        const { page } = await load(browser, path.join(out, 'AcmeCloudMove.html'));
        await page.fill('#search', 'distrib');
        const result = page.locator('#results button.link').first();
        assert.match(await result.textContent() ?? '', /distributor/i);
        await result.click();
        assert.equal(await page.locator('#canvas [data-cxe-element="Distributor"].cxe-selected').count(), 1);
        const details = page.locator('#details');
        assert.match(await details.locator('h2').textContent() ?? '', /distributor/i);
        for (const heading of ['Seeks', 'Receives', 'Gives', 'Diagnostics']) {
            assert.ok((await details.locator('h3').allTextContents()).includes(heading), heading);
        }
        // A related element in the panel selects it.
        const related = details.locator('h3:text-is("Gives") + ul button.link').first();
        const name = await related.getAttribute('title');
        await related.click();
        assert.match(await details.locator('.meta').first().textContent() ?? '', new RegExp(`value object ${name} `));
        await page.close();
    });

    it('shows the details of a clicked node', async () => {
        const { page } = await load(browser, path.join(out, 'AcmeCloudMove.html'));
        await page.click('#zoom-out');
        await page.click('#fit');
        await page.locator('#canvas [data-cxe-element="Reseller"]').click();
        assert.match(await page.locator('#details .meta').first().textContent() ?? '', /^partner Reseller · actors-and-values\.cxe:\d+$/);
        await page.close();
    });

    it('selects the element the address names, and names the selected one in the address', async () => {
        const { page, errors } = await load(browser, `${path.join(out, 'AcmeCloudMove.html')}#Integrator`);
        assert.match(await page.locator('#details .meta').first().textContent() ?? '', /^partner Integrator · /);
        assert.equal(await page.locator('#canvas [data-cxe-element="Integrator"].cxe-selected').count(), 1);
        await page.locator('#canvas [data-cxe-element="Reseller"]').dispatchEvent('click');
        assert.match(page.url(), /#Reseller$/);
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('shows what a clicked edge connects', async () => {
        const { page } = await load(browser, path.join(out, 'AcmeCloudMove.html'));
        const edge = page.locator('#canvas [data-cxe-edge]').first();
        const [id, title] = [await edge.getAttribute('data-cxe-edge'), await edge.locator('title').textContent()];
        await edge.locator('path').first().dispatchEvent('click');
        assert.equal(await page.locator('#details .doc').textContent(), title);
        assert.equal(await page.locator('#canvas [data-cxe-edge].cxe-selected').getAttribute('data-cxe-edge'), id);
        const connects = await page.locator('#details h3:text-is("Connects") + ul button.link').evaluateAll(links => links.map(link => link.getAttribute('title')));
        assert.ok(connects.length >= 2 && connects.every(name => id!.includes(name!)), `${id}: ${connects.join(', ')}`);
        await page.locator('#details button.link').first().click();
        assert.match(await page.locator('#details .meta').first().textContent() ?? '', new RegExp(` ${connects[0]} · `));
        await page.close();
    });

    it('keeps hostile model text as text: no script runs, every text shows as written', async () => {
        const html = readFileSync(path.join(out, 'Hostile.html'), 'utf8');
        assert.doesNotMatch(html, /<script>alert|<img src=x|<\/template>"|<b>bold/);
        const { page, errors, requests } = await load(browser, path.join(out, 'Hostile.html'));
        assert.deepEqual(errors, []);
        assert.deepEqual(requests, []);
        assert.equal(await page.title(), 'Title </title><script>alert(1)</script>');
        assert.equal(await page.locator('script').count(), 3, 'only the page\'s own data block and two scripts');
        assert.equal(await page.locator('img:not(.cxe-minimap img)').count(), 0);
        await page.fill('#search', 'Buyer');
        await page.keyboard.press('Enter');
        assert.equal(await page.locator('#details h2').textContent(), 'Buyer </svg><script>alert(3)</script>');
        assert.ok((await page.locator('#details').textContent())?.includes("“need <b>bold</b> &amp; 'single'”"));
        await page.locator('#details button.link[title="Bread"]').first().click();
        assert.equal(await page.locator('#details h2').textContent(), 'Bread </template>');
        await page.fill('#search', 'Baker');
        await page.keyboard.press('Enter');
        const baker = await page.locator('#details').textContent() ?? '';
        assert.ok(baker.includes('Baker \' <!-- ]]>'), baker);
        assert.ok(baker.includes('Doc </script><img src=x onerror=alert(2)> & "quotes" \'single\''), baker);
        await page.locator('#details button.link[title="Sale"]').first().click();
        assert.match(await page.locator('#details').textContent() ?? '', /error unresolved-reference line 7: /);
        await page.close();
    });
});
