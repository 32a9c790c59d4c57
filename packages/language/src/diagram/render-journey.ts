import type * as ast from '../generated/ast.js';
import { COLORS, KIND_STYLES } from './diagram-style.js';
import { centredText, escapeXml, num, svgDocument } from './svg-utils.js';
import { wrapText } from './text-metrics.js';
import { countOf } from '../util/words.js';

const NEUTRAL_SCORE = 3;
const SCORE_COLORS = ['#c62828', '#ef6c00', '#9e9d24', '#2e7d32', '#1b5e20'];
const SCORE_WORDS = ['painful', 'poor', 'neutral', 'good', 'delightful'];

interface JourneyStep {
    readonly name: string;
    readonly label: string;
    readonly touchpoint: string;
    readonly score?: number;
}

/** The journey's steps; a step still being typed (no name yet) is left out. */
function stepsOf(journey: ast.Journey): JourneyStep[] {
    return journey.steps.filter(step => Boolean(step.name)).map(step => ({
        name: step.name,
        label: step.label ?? step.name,
        touchpoint: step.touchpoint?.ref?.label ?? step.touchpoint?.ref?.name ?? step.touchpoint?.$refText ?? '?',
        score: step.score,
    }));
}

function clampScore(score: number | undefined): number {
    return score === undefined ? NEUTRAL_SCORE : Math.min(5, Math.max(1, score));
}

/** A Mermaid `journey`: one section per run of steps at the same touchpoint. */
export function renderJourneyMermaid(journey: ast.Journey): string {
    const customer = journey.customer?.ref?.label ?? journey.customer?.$refText ?? 'Customer';
    const lines = ['journey', `  title ${journeyText(journey.label ?? journey.name)}`];
    let section: string | undefined;
    for (const step of stepsOf(journey)) {
        if (step.touchpoint !== section) {
            section = step.touchpoint;
            lines.push(`  section ${journeyText(section)}`);
        }
        const label = step.score === undefined ? `${step.label} (unscored)` : step.label;
        lines.push(`    ${journeyText(label)}: ${clampScore(step.score)}: ${journeyText(customer)}`);
    }
    return lines.join('\n') + '\n';
}

/** Journey lines are split on ':' and ',' and end at '#' or ';': those characters are replaced. */
function journeyText(text: string): string {
    return text.replace(/[\r\n]+/g, ' ').replace(/:/g, '﹕').replace(/,/g, '‚').replace(/[#;]/g, ' ').replace(/[<>&"]/g, ' ').trim() || '-';
}

// Six steps fit a 700 px panel with the smallest text (11 px) at 9 px or more.
const STEP_WIDTH = 130;
const MARGIN = 24;
const TITLE_HEIGHT = 56;
const CURVE_TOP = TITLE_HEIGHT + 20;
const CURVE_HEIGHT = 120;
const CARD_TOP = CURVE_TOP + CURVE_HEIGHT + 30;
/** A step's name gets three lines: it is what the map is read for (two cut most names mid-phrase). */
const STEP_NAME_LINES = 3;
const CARD_HEIGHT = 112;

/** An SVG journey map: the steps in order with their touchpoints, and the score curve above them. */
export function renderJourneySvg(journey: ast.Journey): string {
    const steps = stepsOf(journey);
    const customer = journey.customer?.ref?.label ?? journey.customer?.$refText ?? '';
    const width = MARGIN * 2 + Math.max(1, steps.length) * STEP_WIDTH;
    const height = CARD_TOP + CARD_HEIGHT + MARGIN + 20;
    const centreX = (i: number) => MARGIN + i * STEP_WIDTH + STEP_WIDTH / 2;
    const scoreY = (score: number) => CURVE_TOP + ((5 - score) / 4) * CURVE_HEIGHT;
    const title = journey.label ?? journey.name;
    const body: string[] = [
        `<text x="${MARGIN}" y="30" font-size="18" font-weight="bold" fill="${COLORS.title}">${escapeXml(title)}</text>`,
        `<text x="${MARGIN}" y="48" font-size="12" fill="${COLORS.muted}">${escapeXml(`Journey of ${customer} · ${countOf(steps.length, 'step')} · score 1 (painful) to 5 (delightful)`)}</text>`,
        ...[1, 3, 5].flatMap(score => [
            `<line x1="${MARGIN}" x2="${width - MARGIN}" y1="${num(scoreY(score))}" y2="${num(scoreY(score))}" stroke="${COLORS.border}" stroke-dasharray="3 4"/>`,
            // The score each guide line stands for, in the margin: which line is 5 and which is 1 is otherwise a guess.
            `<text x="${MARGIN - 6}" y="${num(scoreY(score) + 4)}" font-size="11" text-anchor="end" fill="${COLORS.muted}">${score}</text>`,
        ]),
    ];
    if (steps.length > 1) {
        const points = steps.map((step, i) => `${num(centreX(i))},${num(scoreY(clampScore(step.score)))}`).join(' ');
        body.push(`<polyline points="${points}" fill="none" stroke="${COLORS.flow}" stroke-width="2"/>`);
    }
    steps.forEach((step, i) => {
        const score = clampScore(step.score);
        const color = step.score === undefined ? COLORS.muted : SCORE_COLORS[score - 1];
        const x = centreX(i);
        const words = step.score === undefined ? 'unscored' : `${step.score} · ${SCORE_WORDS[score - 1]}`;
        body.push(
            `<g data-cxe-element="${escapeXml(step.name)}">`,
            `<title>${escapeXml(`${step.label}: ${words}, at ${step.touchpoint}`)}</title>`,
            `<circle cx="${num(x)}" cy="${num(scoreY(score))}" r="9" fill="${color}" stroke="${COLORS.background}" stroke-width="2"/>`,
            `<rect x="${num(x - STEP_WIDTH / 2 + 8)}" y="${CARD_TOP}" width="${STEP_WIDTH - 16}" height="${CARD_HEIGHT}" rx="8" fill="${KIND_STYLES.customer.fill}" stroke="${KIND_STYLES.customer.stroke}"/>`,
            `<rect x="${num(x - STEP_WIDTH / 2 + 8)}" y="${CARD_TOP}" width="${STEP_WIDTH - 16}" height="6" rx="3" fill="${color}"/>`,
            centredText(wrapText(step.label, STEP_WIDTH - 32, 13, STEP_NAME_LINES, true), x, CARD_TOP + 30, 13, 16, ` font-weight="bold" fill="${KIND_STYLES.customer.text}"`),
            centredText(wrapText(`at ${step.touchpoint}`, STEP_WIDTH - 32, 11, 2), x, CARD_TOP + 82, 11, 14, ` fill="${COLORS.muted}"`),
            centredText([words], x, CARD_TOP + CARD_HEIGHT + 14, 11, 14, ` fill="${color}"`),
            '</g>',
        );
    });
    return svgDocument(width, height, title, `Customer journey map: ${title}, for ${customer}.`, body);
}
