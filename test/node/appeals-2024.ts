/**
 * The union's 2024 appeals table (DOMAIN.md, report 1) as a journal of 4,111 rows: the test imports it and
 * expects the same table back.
 */
export const TABLE_2024 = [
  {
    category: 'wages',
    label: 'По вопросам оплаты труда',
    total: 684,
    closed: 680,
    effect: 12759543,
    onControl: 4,
  },
  { category: 'safety', label: 'По вопросам охраны труда', total: 73, closed: 73, effect: 0, onControl: 0 },
  {
    category: 'legal',
    label: 'По правовым вопросам',
    total: 128,
    closed: 115,
    effect: 3045000,
    onControl: 13,
  },
  {
    category: 'recreation',
    label: 'Санаторно-курортное обслуживание и отдых',
    total: 2921,
    closed: 2921,
    effect: 146082833,
    onControl: 0,
  },
  {
    category: 'aid',
    label: 'Оказание материальной помощи',
    total: 305,
    closed: 305,
    effect: 19365940,
    onControl: 0,
  },
];

const CHANNELS = ['письменно', 'телефон', 'электронная почта', 'WhatsApp', 'личный приём'];

/** Rows of a journal with Russian headers and words, amounts as offices type them. */
export function journal2024(): string[][] {
  const rows: string[][] = [
    [
      'Рег. №',
      'Дата поступления',
      'Форма обращения',
      'Заявитель',
      'Категория',
      'Статус',
      'На контроле',
      'Дата закрытия',
      'Экономический эффект, тг',
    ],
  ];
  let n = 0;
  for (const t of TABLE_2024) {
    const withEffect = t.effect > 0 ? Math.min(t.closed, 50) : 0;
    for (let i = 0; i < t.total; i++) {
      n++;
      const month = (n % 12) + 1;
      const day = (n % 27) + 1;
      const received = `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.2024`;
      const closed = i < t.closed;
      let effect = '';
      if (closed && i < withEffect) {
        const share = Math.floor(t.effect / withEffect) + (i === 0 ? t.effect % withEffect : 0);
        effect = i % 2 === 0 ? share.toLocaleString('ru-RU').replace(/\u00a0/g, ' ') + ',00' : String(share);
      }
      rows.push([
        `2024/${String(n).padStart(4, '0')}`,
        received,
        CHANNELS[n % CHANNELS.length]!,
        `Заявитель ${n}`,
        t.label,
        closed ? 'закрыто' : 'на рассмотрении',
        i < t.onControl ? 'да' : 'нет',
        closed ? `2024-${String(month).padStart(2, '0')}-28` : '',
        effect,
      ]);
    }
  }
  return rows;
}

export function toCsv(rows: string[][], delimiter = ';'): string {
  const quote = (c: string) => (/[";\n,]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}
