/** Display formats shared by the core's printouts and the renderer: KZT with spaces, dates dd.mm.yyyy. */

/** `1275954300` → `12 759 543,00` (ordinary spaces, as the union's tables print). */
export function formatTiyn(tiyn: number): string {
  const sign = tiyn < 0 ? '-' : '';
  const abs = Math.abs(tiyn);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')}`;
}

/** `2024-05-13` → `13.05.2024`; anything else is shown as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export function formatPercent(ratio: number | null): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(1).replace('.', ',')} %`;
}
