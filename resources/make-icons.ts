/**
 * Renders resources/icon.svg into the icons electron-builder packs: icons/<N>x<N>.png for Linux, icon.png
 * (512 px) and icon.ico (16–256 px, PNG-compressed entries, as Windows Vista and later read them) for
 * Windows. Run after changing the SVG: `npx tsx resources/make-icons.ts` (needs Debian's Chromium).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = import.meta.dirname;
const svg = fs.readFileSync(path.join(here, 'icon.svg'), 'utf8');
const LINUX = [16, 24, 32, 48, 64, 128, 256, 512];
const WINDOWS = [16, 24, 32, 48, 64, 128, 256];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
async function render(size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

const pngs = new Map<number, Buffer>();
for (const size of new Set([...LINUX, ...WINDOWS])) pngs.set(size, await render(size));
await browser.close();

fs.mkdirSync(path.join(here, 'icons'), { recursive: true });
for (const size of LINUX) fs.writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), pngs.get(size)!);
fs.writeFileSync(path.join(here, 'icon.png'), pngs.get(512)!);

// ICO: a 6-byte header, one 16-byte entry per size, then the PNG images themselves.
const images = WINDOWS.map((size) => pngs.get(size)!);
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // 1 = icon
header.writeUInt16LE(images.length, 4);
let offset = header.length;
WINDOWS.forEach((size, i) => {
  const entry = 6 + 16 * i;
  header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
  header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
  header.writeUInt16LE(1, entry + 4); // colour planes
  header.writeUInt16LE(32, entry + 6); // bits per pixel
  header.writeUInt32LE(images[i]!.length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += images[i]!.length;
});
fs.writeFileSync(path.join(here, 'icon.ico'), Buffer.concat([header, ...images]));
console.log(`icons written to ${path.relative(process.cwd(), here)}`);
