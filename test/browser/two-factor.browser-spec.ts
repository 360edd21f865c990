import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, waitForPageExpression, watchOffHostRequests, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, newSite, type TestMember } from '../support/factories';

/** What an authenticator app would show for `secret`, `offset` steps from now. */
function code(secret: string, offset = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offset * 30_000 });
}

describe('two-factor in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let member: TestMember;
  const offHost: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR, smtp: false });
    b = await launchBrowser();
    await newSite(t);
    member = await newMember(t, { username: 'lighthouse' });
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: `Account menu for ${member.user.username}` }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
  }

  async function signInWithPassword(page: Page): Promise<void> {
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Username or email address').fill(member.user.username);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Two-factor code' }).waitFor();
    // Keyboard users land in the code field.
    expect(await page.evaluate<string | null>('document.activeElement?.getAttribute("autocomplete") ?? null')).toBe('one-time-code');
  }

  it('enrols with a QR code drawn in the page, signs in with a code and with a recovery code, and turns it off', async () => {
    const page = watchOffHostRequests(await signIn(b, t.baseUrl, member.user.username), t.baseUrl, offHost);
    await page.goto(`${t.baseUrl}/settings/two-factor`);
    await page.getByText('Two-factor authentication is off.').waitFor();

    await page.getByLabel('Your password').fill('not my password');
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    await page.getByText('That password is not right.').waitFor();
    await page.getByLabel('Your password').fill(member.password);
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();

    // The QR code is drawn on a canvas by the page itself (qrcode, loaded on demand): dark modules on white.
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    await waitForPageExpression(
      page,
      `(() => {
      const canvas = document.querySelector('canvas.qr-code');
      const data = canvas && canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      return Boolean(data) && data.some((value, index) => index % 4 !== 3 && value < 50);
    })()`,
    );
    const secret = (await page.getByTestId('two-factor-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // Module by module, the drawing is the QR code of the otpauth address an authenticator app expects.
    const address = new TOTP({ issuer: 'Harbour', label: member.user.username, secret: Secret.fromBase32(secret) }).toString();
    const expected = QRCode.create(address, { errorCorrectionLevel: 'M' }).modules;
    const drawn = await page.evaluate<string>(`(() => {
      const canvas = document.querySelector('canvas.qr-code');
      const size = ${expected.size}, scale = canvas.width / (size + 4);
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let bits = '';
      for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) {
        const x = Math.floor((col + 2.5) * scale), y = Math.floor((row + 2.5) * scale);
        bits += pixels[(y * canvas.width + x) * 4] < 128 ? '1' : '0';
      }
      return bits;
    })()`);
    expect(drawn).toBe(Array.from(expected.data, (dark) => (dark ? '1' : '0')).join(''));
    // On a phone the set-up fits the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.setViewportSize({ width: 1024, height: 800 });

    await page.getByLabel('Six-digit code from the app').fill(code(secret, 5));
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await page.getByText('That code is not right.', { exact: false }).waitFor();
    await page.getByLabel('Six-digit code from the app').fill(code(secret));
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    const recoveryCodes = await codes.allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('Your recovery codes');
    await page.getByRole('button', { name: 'I have saved my codes' }).click();
    await page.getByText('Two-factor authentication is on.').first().waitFor();

    // Sign-in now asks for a code; the step used to confirm is spent, so the app's next code is used.
    await signOut(page);
    await signInWithPassword(page);
    await page.getByLabel('Six-digit code').fill(code(secret, 5));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That code did not work.', { exact: false }).waitFor();
    await page.getByLabel('Six-digit code').fill(code(secret, 1));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`You are signed in as ${member.user.username}.`).waitFor();

    // A lost phone: a recovery code works, however it is typed (that each works once is the e2e suite's).
    await signOut(page);
    await signInWithPassword(page);
    await page.getByRole('button', { name: 'Lost your phone? Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!.toUpperCase());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`You are signed in as ${member.user.username}.`).waitFor();

    // Turning it off takes the password and a code; a recovery code does (the phone may be the thing lost).
    await page.goto(`${t.baseUrl}/settings/two-factor`);
    await page.getByLabel('Your password').fill(member.password);
    await page.getByLabel('Code from the app, or a recovery code').fill(recoveryCodes[1]!);
    await page.getByRole('button', { name: 'Turn off two-factor authentication' }).click();
    await page.getByText('Two-factor authentication is off.').first().waitFor();
    await page.context().close();
    await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(200);
    expect(offHost).toEqual([]);
  });
});
