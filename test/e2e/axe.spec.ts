import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';

/**
 * The axe check itself: it holds the screens to WCAG 2.2 AA and axe's best practices as well as
 * WCAG 2.1, so a page with an unnamed dialog, a positive tabindex, a field labelled only by its
 * title or a cramped small button fails it, and a clean page passes.
 */

test('fails on the WCAG 2.2 and best-practice rules, passes a clean page', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>axe check</title></head>
    <body><main><h1>axe check</h1>
      <div role="dialog"><p>A dialog without a name</p></div>
      <div tabindex="3">First in the Tab order</div>
      <input type="text" title="Only a title">
      <p><button style="width:12px;height:12px;padding:0">a</button><button
        style="width:12px;height:12px;padding:0">b</button></p>
    </main></body></html>`);
  const failure = await expectNoSeriousViolations(page, 'axe check, broken page').then(
    () => '',
    (error: Error) => error.message,
  );
  for (const rule of ['aria-dialog-name', 'tabindex', 'label-title-only', 'target-size'])
    expect(failure, `axe did not report ${rule}`).toContain(` ${rule} at `);

  await page.setContent(`<!doctype html><html lang="en"><head><title>axe check</title></head>
    <body><main><h1>axe check</h1>
      <div role="dialog" aria-label="Named"><p>A named dialog</p></div>
      <label>Named field <input type="text"></label>
      <p><button>Large enough</button></p>
    </main></body></html>`);
  await expectNoSeriousViolations(page, 'axe check, clean page');
});
