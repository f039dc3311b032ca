import { expect, type Browser, type Page } from '@playwright/test';
import { de } from '../../src/renderer/src/i18n/de';
import { en } from '../../src/renderer/src/i18n/english';
import { leavesOf } from '../support/catalogue-leaves';

/** A page whose browser reports German as the OS language, as a German desktop does. */
export async function germanPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1100, height: 760 },
  });
  return context.newPage();
}

/**
 * The English catalogue's phrases that a German screen must not show: every English text of two
 * words or more that its translation changes. Shorter ones ("Hubs", "OK") are the same in both.
 */
const ENGLISH_PHRASES: readonly string[] = (() => {
  const german = leavesOf(de);
  return [...leavesOf(en)]
    .filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' &&
        /\s/.test(entry[1].trim()) &&
        german.get(entry[0]) !== entry[1],
    )
    .map(([, text]) => text.trim());
})();

/**
 * No English left on the screen: its text, and the labels a screen reader speaks (aria-label,
 * title, placeholder, alt). Left out, as data rather than interface: what main or a server wrote
 * (marked `lang="en"`) and the configuration's profile names in the picker. `allowed` lists more
 * such text (a profile's description, say).
 */
export async function expectNoEnglish(page: Page, allowed: readonly string[] = []): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const shown = await page.evaluate(() => {
    const isData = (element: Element | null) =>
      element?.closest('[lang="en"], #profile-picker') != null;
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !isData(parent) && parent.checkVisibility()) texts.push(node.textContent ?? '');
    }
    const labels = [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')]
      .filter((element) => !isData(element))
      .flatMap((element) =>
        ['aria-label', 'title', 'placeholder', 'alt'].map(
          (name) => element.getAttribute(name) ?? '',
        ),
      );
    return [...texts, ...labels].join('\n');
  });
  const visible = allowed.reduce((text, part) => text.split(part).join(''), shown);
  expect(ENGLISH_PHRASES.filter((phrase) => visible.includes(phrase))).toEqual([]);
}
