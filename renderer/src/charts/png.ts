import { bytesToBase64 } from '../files.ts';

/**
 * A chart as a picture: the chart's SVG drawn onto a canvas (white background, twice the screen
 * resolution for print) and turned into PNG bytes — to save as a file or to copy for a letter.
 */
export async function chartPng(container: HTMLElement): Promise<Blob> {
  const svg = container.querySelector('.recharts-wrapper > svg.recharts-surface');
  if (!svg) throw new Error('no chart to copy');
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.style.fontFamily = getComputedStyle(container).fontFamily;
  const xml = new XMLSerializer().serializeToString(copy);
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${bytesToBase64(new TextEncoder().encode(xml))}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
  );
}

export async function copyPng(blob: Blob): Promise<void> {
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
}
