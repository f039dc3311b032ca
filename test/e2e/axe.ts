import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * What "no serious violations" is held to: the WCAG 2.0, 2.1 and 2.2 A and AA rules and axe's
 * best practices (dialog names, tabindex, title-only labels, landmarks…). Not AAA.
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeOptions {
  /** Only this part of the page (a CSS selector), when the rest was checked elsewhere. */
  readonly within?: string;
  /** Only these rules (e.g. ['color-contrast'] after a theme change). */
  readonly rules?: readonly string[];
}

/** axe's "Fix any of the following: …" without the heading: the measured facts, on one line. */
const whatFailed = (summary: string | undefined): string =>
  (summary ?? '')
    .split('\n')
    .filter((line) => line.startsWith(' '))
    .map((line) => line.trim())
    .join('; ');

/**
 * Runs axe on what the page shows now and fails on any serious or critical violation, listing
 * each as rule id, the elements it hit and what to do. Moderate and minor findings are counted
 * in the test's annotations (and printed) without failing, so they stay visible.
 */
export async function expectNoSeriousViolations(
  page: Page,
  label: string,
  options: AxeOptions = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (options.within) builder = builder.include(options.within);
  if (options.rules) builder = builder.withRules([...options.rules]);
  const { violations } = await builder.analyze();

  const blocking = violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  const lesser = violations.filter((violation) => !BLOCKING.has(violation.impact ?? ''));
  if (lesser.length > 0) {
    const summary = lesser
      .map(
        (violation) =>
          `${violation.impact ?? 'unknown'} ${violation.id} ×${violation.nodes.length}`,
      )
      .join(', ');
    test.info().annotations.push({ type: 'axe', description: `${label}: ${summary}` });
    console.log(`axe ${label}: ${summary}`);
  }
  expect(
    blocking.flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.impact} ${violation.id} at ${node.target.join(' ')}: ${violation.help}` +
          ` (${whatFailed(node.failureSummary)})`,
      ),
    ),
    `axe found serious violations on ${label}`,
  ).toEqual([]);
}
