// Prints pages of the node to A4 PDF files as an office would (the browser's print, its print stylesheet), signed in
// as the given user, and prints one line of JSON: each page's HTTP status and the PDF file written.
// Usage: node print.mjs <base-url> <username> <password> <out-dir> <name>=<path> ...
import { chromium } from 'playwright-core';

const [base, username, password, out, ...pages] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.JIXIAO_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const result = {};
try {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(base + '/login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type="submit"]')]);
  for (const spec of pages) {
    const at = spec.indexOf('=');
    const name = spec.slice(0, at);
    const path = spec.slice(at + 1);
    const response = await page.goto(base + path);
    const file = out + '/' + name + '.pdf';
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    result[name] = { status: response.status(), file };
  }
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
