// The widget on a phone: an iPhone-sized, touch, 3× viewport. The keyboard is simulated the way iOS
// shows it to a page: the visual viewport shrinks while the layout viewport stays as it was (headless
// Chromium has no on-screen keyboard, so window.visualViewport is replaced by an object the test
// drives, before any page script runs). Also: no text field small enough to make iOS zoom on focus.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../support/browser';

const browser = browserForFile();
const baseUrl = inject('baseUrl');

const IPHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const KEYBOARD = 336; // an iPhone keyboard with its suggestion bar, in CSS pixels

/** A stand-in visualViewport: the page sees `height` shrink and a resize event, as with a real keyboard. */
function fakeVisualViewport() {
  let keyboard = 0;
  const vv = new EventTarget();
  for (const [name, value] of Object.entries({
    height: (): number => innerHeight - keyboard,
    width: (): number => innerWidth,
    offsetTop: (): number => 0,
    offsetLeft: (): number => 0,
    scale: (): number => 1,
  })) {
    Object.defineProperty(vv, name, { get: value });
  }
  Object.defineProperty(window, 'visualViewport', { configurable: true, get: () => vv });
  (window as unknown as { __keyboard: (px: number) => void }).__keyboard = (px) => {
    keyboard = px;
    vv.dispatchEvent(new Event('resize'));
  };
}

describe('the widget on a phone', () => {
  it('keeps the message box above the keyboard, and no field makes iOS zoom', async () => {
    const context = await browser.newContext(IPHONE);
    const page = await context.newPage();
    await page.addInitScript(fakeVisualViewport);
    await page.goto(`${baseUrl}/`);
    await page.getByRole('button', { name: 'Open chat', exact: true }).tap();
    const textbox = page.getByRole('textbox', { name: 'Message' });
    await textbox.waitFor();
    await textbox.tap();

    await page.evaluate((px) => (window as unknown as { __keyboard: (px: number) => void }).__keyboard(px), KEYBOARD);
    const visibleBottom = 844 - KEYBOARD;
    await expect
      .poll(async () => (await textbox.boundingBox())!.y + (await textbox.boundingBox())!.height)
      .toBeLessThanOrEqual(visibleBottom);
    const box = (await textbox.boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    const send = (await page.getByRole('button', { name: 'Send' }).boundingBox())!;
    expect(send.y + send.height).toBeLessThanOrEqual(visibleBottom);
    await page.screenshot({ path: 'test-results/phone-keyboard.png' });

    // The keyboard goes away: the panel takes the whole screen again.
    await page.evaluate(() => (window as unknown as { __keyboard: (px: number) => void }).__keyboard(0));
    await expect.poll(async () => (await textbox.boundingBox())!.y).toBeGreaterThan(visibleBottom);

    // Every text field, including the email field of the anonymous handoff, is at least 16 px.
    await textbox.fill('I want to talk to a person');
    await page.getByRole('button', { name: 'Send' }).tap();
    await page.getByTestId('baton-handoff-choice').waitFor();
    const sizes = await page.evaluate(() => {
      const root = document.querySelector('[data-baton]')!.shadowRoot!;
      return Array.from(root.querySelectorAll('input, textarea, select'), (el) => el).map((el) =>
        parseFloat(getComputedStyle(el).fontSize),
      );
    });
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(16);
    await context.close();
  });
});
