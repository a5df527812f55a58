import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const [base, ...paths] = process.argv.slice(2);
for (const spec of paths) {
  const [path, w] = spec.split('@');
  const p = await b.newPage({ viewport: { width: Number(w || 1280), height: 900 } });
  await p.goto(base + path);
  const name = '/tmp/shot-' + path.replace(/\W+/g, '_') + '-' + (w || 1280) + '.png';
  await p.screenshot({ path: name, fullPage: false });
  console.log(name);
  await p.close();
}
await b.close();
