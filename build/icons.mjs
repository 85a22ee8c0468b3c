// Draws the PNG app icons of public/manifest.webmanifest from SVG with headless Chromium.
// Run once after changing the icon; the PNGs are committed, so builds do not need this.
//
//   node build/icons.mjs        (from the repository root; uses /usr/bin/chromium)
//
// icon-192.png, icon-512.png: public/icon.svg (rounded square, transparent corners).
// icon-maskable-512.png: full-bleed square with the funnel inside the central 80 % circle
// that launchers may cut out.
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const icon = await readFile('public/icon.svg', 'utf8');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">\
<rect width="64" height="64" fill="#0f7b5f"/>\
<path transform="translate(32 32) scale(.75) translate(-32 -34)" d="M12 16h40l-14 17v13l-12 6V33z" fill="#fff"/></svg>`;

const icons = [
  { file: 'public/icon-192.png', svg: icon, size: 192 },
  { file: 'public/icon-512.png', svg: icon, size: 512 },
  { file: 'public/icon-maskable-512.png', svg: maskable, size: 512 },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const { file, svg, size } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<body style="margin:0">${sized}</body>`);
    await writeFile(file, await page.screenshot({ omitBackground: true }));
    await page.close();
    console.log(`icons: ${file} ${size}×${size}`);
  }
} finally {
  await browser.close();
}
