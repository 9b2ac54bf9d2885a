import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import { call } from '../../electron/core/service.ts';
import { DECISION, tempDir } from './helpers.ts';

const clock = () => new Date('2025-01-15T09:00:00Z');

describe('annulled events travel to headquarters', () => {
  it('HQ accepts the package and its reports treat the annulled event as never having happened', async () => {
    const dir = tempDir();
    const hq = await initRegister(path.join(dir, 'hq.sqlite'), { kind: 'hq', code: 'HQ', name: 'ЦС', clock });
    fs.mkdirSync(path.join(dir, 'KRG'));
    const krg = await initRegister(path.join(dir, 'KRG', 'b.sqlite'), {
      kind: 'branch',
      code: 'KRG',
      name: 'Карагандинский филиал',
      clock,
    });
    try {
      await call(hq, 'hqKey.init', {});
      await call(hq, 'hqKey.exportRecipient', { out: path.join(dir, 'hq.recipient') });
      await call(krg, 'keys.init', {});
      await call(krg, 'hqKey.setRecipient', { recipient: path.join(dir, 'hq.recipient') });
      await call(krg, 'keys.exportPublic', { out: path.join(dir, 'KRG.pub') });
      await call(hq, 'exchange.trust', {
        branch: 'KRG',
        key: path.join(dir, 'KRG.pub'),
        validFrom: '2024-01-01',
      });
      await call(krg, 'orgs.create', { code: 'P001', name: 'ППО', headcount: 10 });
      const admit = (iin: string, surname: string) =>
        call(krg, 'members.admit', {
          orgCode: 'P001',
          surname,
          givenName: 'Анна',
          iin,
          category: 'nursing',
          applicationDate: '2024-02-01',
          decision: DECISION,
        });
      const kept = makeIin('1980-03-04', 'female', 1);
      const wrong = makeIin('1981-05-06', 'female', 2);
      const exited = makeIin('1982-07-08', 'female', 3);
      await admit(kept, 'Ахметова');
      await admit(wrong, 'Бекова');
      await admit(exited, 'Валиева');
      await call(krg, 'members.exit', {
        iin: exited,
        reason: 'dismissal',
        decision: DECISION,
        exitedOn: '2024-06-01',
      });
      await call(krg, 'members.annul', { iin: wrong, reason: 'принята по ошибке' });
      await call(krg, 'members.annul', { iin: exited, reason: 'увольнение отменено' });
      const branchReport = await call(krg, 'reports.membership', { date: '2024-12-31' });
      expect(branchReport.total.members).toBe(2);

      const pkg = await call(krg, 'exchange.export', { quarter: '2024Q4', out: dir });
      const merged = await call(hq, 'exchange.merge', { files: [pkg.file] });
      expect(merged.results.map((r) => [r.status, r.code ?? null])).toEqual([['accepted', null]]);
      const hqReport = await call(hq, 'reports.membership', { date: '2024-12-31', branch: 'KRG' });
      expect(hqReport.total.members).toBe(2);
      expect(hqReport.movement.reduce((s, m) => s + m.admitted, 0)).toBe(2);
      expect(hqReport.movement.reduce((s, m) => s + m.exited, 0)).toBe(0);
    } finally {
      await closeRegister(krg);
      await closeRegister(hq);
    }
  });
});
