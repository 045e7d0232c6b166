/**
 * Renders Adaptive Cards in Debian's Chromium and saves a PNG of each, so a person can look
 * at a card as Teams would draw it before calling it done. The renderer is the adaptivecards
 * package (the one Microsoft's own hosts build on), with a host config close to Teams' light
 * theme; the Agents Playground's browser test (npm run test:browser) covers the real client.
 *
 *   npx tsx scripts/screenshot-cards.ts cards.json out-dir
 *
 * cards.json is { "name": <card JSON>, ... }; each becomes out-dir/name.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const HOST_CONFIG = {
  fontFamily: 'Segoe UI, system-ui, sans-serif',
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, attention: { default: '#C4314B' }, good: { default: '#237B4B' }, warning: { default: '#835C00' } } },
    emphasis: { backgroundColor: '#F5F5F5' }, good: { backgroundColor: '#E7F2DA' }, attention: { backgroundColor: '#FCF4F6' }, warning: { backgroundColor: '#FBF6D9' },
  },
  actions: { maxActions: 20, actionsOrientation: 'horizontal', buttonSpacing: 8 },
};

async function main(): Promise<void> {
  const [input, out] = process.argv.slice(2);
  if (!input || !out) throw new Error('usage: tsx scripts/screenshot-cards.ts cards.json out-dir');
  const cards = JSON.parse(readFileSync(input, 'utf8')) as Record<string, unknown>;
  mkdirSync(out, { recursive: true });
  const bundle = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.js'), 'utf8');
  const css = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.css'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const [name, card] of Object.entries(cards)) {
      const page = await browser.newPage({ viewport: { width: 560, height: 400 }, deviceScaleFactor: 1 });
      const html = `<!doctype html><html><head><style>${css} body{margin:0;padding:16px;background:#EBEBEB;font-family:Segoe UI,system-ui,sans-serif}
        #card{background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2);max-width:520px}
        .ac-pushButton{border:1px solid #d1d1d1;border-radius:4px;padding:5px 12px;background:#fff;font-weight:600;margin:2px}
        input,textarea,select{font:inherit;border:1px solid #d1d1d1;border-radius:4px;padding:4px}</style></head>
        <body><div id="card"></div><script>${bundle}</script><script>
        const c = new AdaptiveCards.AdaptiveCard(); c.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(HOST_CONFIG)});
        c.parse(${JSON.stringify(card)}, new AdaptiveCards.SerializationContext());
        const rendered = c.render(); if (rendered) document.getElementById('card').appendChild(rendered); else document.title = 'not rendered';</script></body></html>`;
      const messages: string[] = [];
      page.on('pageerror', (e) => messages.push(e.message));
      await page.setContent(html);
      if (await page.title() === 'not rendered' || messages.length) throw new Error(`${name} did not render: ${messages.join('; ')}`);
      const file = path.join(out, `${name}.png`);
      await page.locator('#card').screenshot({ path: file });
      process.stdout.write(`${file}\n`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
