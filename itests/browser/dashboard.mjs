// Opens the dashboard in Debian's Chromium as a signed-in user, once with JavaScript and once without, and prints
// what a person would see as one line of JSON for DashboardIT to judge:
//   painted   - per chart drawn, the count of non-transparent pixels of its canvas (a drawn chart is not empty)
//   charts    - chart boxes shown with JavaScript
//   rowsNoJs  - rows of the unit table without JavaScript, and chartsNoJs - chart boxes shown then (none)
// Usage: node dashboard.mjs <base-url> <username> <password> <out-dir>
import { chromium } from 'playwright-core';

const [base, username, password, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.JIXIAO_CHROMIUM || '/usr/bin/chromium',
  // The flags this machine needs: no sandbox as root, and no calls to the outside world.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function signedIn(javaScriptEnabled) {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + '/login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type="submit"]')]);
  const year = new Date().getFullYear();
  await page.goto(base + '/dashboard?year=' + year);
  return page;
}

const result = {};
try {
  const page = await signedIn(true);
  await page.waitForSelector('.chart.drawn canvas', { timeout: 30000 });
  // ECharts draws after its first frame: wait until every drawn chart has paint on its canvas.
  await page.waitForFunction(() => [...document.querySelectorAll('.chart.drawn')].every((box) => {
    const c = box.querySelector('canvas');
    if (!c) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
    return false;
  }), null, { timeout: 30000 });
  result.painted = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.chart.drawn')]
    .map((box) => {
      const c = box.querySelector('canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
      return [box.dataset.chart, n];
    })));
  result.charts = await page.locator('.chart.drawn').count();
  await page.screenshot({ path: out + '/dashboard.png', fullPage: true });

  const plain = await signedIn(false);
  result.rowsNoJs = await plain.locator('table.heat tbody tr').count();
  result.chartsNoJs = await plain.locator('.chart:visible').count();
  result.titleNoJs = await plain.locator('h1').innerText();
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
