import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../support/browser';

const browser = browserForFile();
const baseUrl = inject('baseUrl');

describe('inbox sign-in', () => {
  it('shows an error for a wrong password, then signs in and shows the signed-in shell', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/inbox`);
    await page.getByLabel('Email').fill('owner@demo.test');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Email or password is incorrect');

    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('Olivia Owner');
    expect(await page.getByRole('navigation', { name: 'Views' }).textContent()).toContain('Unassigned');

    // The session survives a reload (HttpOnly cookie), and sign-out returns to the form.
    await page.reload();
    await page.getByTestId('signed-in-user').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.close();
  });
});
