import { randomUUID } from 'node:crypto';
import {
  STAFF_CATEGORY_KEYS,
  APPEAL_CATEGORY_KEYS,
  APPEAL_CHANNEL_KEYS,
  LEGAL_KIND_KEYS,
} from '../../shared/vocabulary.ts';
import { addDays, addMonths, isoDate, todayIso } from '../dates.ts';
import { insertMany } from '../db/bulk.ts';
import { initRegister, closeRegister } from '../db/init.ts';
import { makeBin, makeIin } from '../ids/iin.ts';
import { formatRegNo } from '../appeals/appeals.ts';
import { memberKeyColumns, type KeyedPerson } from '../members/list-keys.ts';
import {
  APPEAL_SUMMARIES,
  KAZAKH,
  ORG_NAMES,
  POSITIONS,
  RUSSIAN,
  feminineSurname,
  patronymic,
} from './names.ts';

/** A small deterministic generator (mulberry32), so a demo branch is the same on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

export interface DemoOptions {
  members?: number;
  seed?: number;
  orgs?: number;
  appeals?: number;
  years?: number;
  today?: string;
  branchCode?: string;
  branchName?: string;
}

/**
 * A realistic demo branch: ~25 PPOs, members with valid IINs and Kazakh and Russian names, three years of
 * monthly dues with a few gaps (arrears) and quarterly payers, and appeals over all categories.
 */
export async function generateDemo(file: string, options: DemoOptions = {}) {
  const r = rng(options.seed ?? 2024);
  const memberCount = options.members ?? 4000;
  const today = options.today ?? todayIso();
  const thisYear = Number(today.slice(0, 4));
  const years = options.years ?? 3;
  const reg = await initRegister(file, {
    kind: 'branch',
    code: options.branchCode ?? 'KRG',
    name: options.branchName ?? 'Карагандинский областной филиал',
  });
  const now = new Date().toISOString();
  try {
    await reg.db.transaction(async (trx) => {
      const orgs = ORG_NAMES.slice(0, options.orgs ?? 25).map(([short, name], i) => ({
        id: randomUUID(),
        code: `P${String(i + 1).padStart(3, '0')}`,
        name,
        short_name: short,
        bin: makeBin(`${2000 + (i % 20)}-0${1 + (i % 9)}`, 1000 + i * 37),
        sector:
          name.includes('социальн') || name.includes('интернат') || name.includes('реабилит')
            ? 'social'
            : name.includes('колледж')
              ? 'education_medical'
              : 'healthcare',
        address: 'г. Караганда',
        chair_name: `${feminineSurname(r.pick(KAZAKH.surnames))} ${r.pick(KAZAKH.female)}`,
        chair_phone: `+7 7212 ${r.int(400000, 499999)}`,
        headcount: 0,
        registered_on: '2005-01-01',
        status: 'active',
        created_at: now,
        updated_at: now,
      }));
      const members: Array<Record<string, unknown>> = [];
      const events: Array<Record<string, unknown>> = [];
      const perOrg = new Map<string, number>();
      const used = new Set<string>();
      for (let i = 0; i < memberCount; i++) {
        const kazakh = r.next() < 0.65;
        const names = kazakh ? KAZAKH : RUSSIAN;
        const sex = r.next() < 0.78 ? 'female' : 'male';
        const birth = isoDate(r.int(1960, 2004), r.int(1, 12), r.int(1, 28));
        let iin = makeIin(birth, sex, r.int(0, 9999));
        while (used.has(iin)) iin = makeIin(birth, sex, r.int(0, 9999));
        used.add(iin);
        const org = orgs[Math.min(orgs.length - 1, Math.floor(Math.pow(r.next(), 1.4) * orgs.length))]!;
        const category = r.pick([
          'physician',
          'nursing',
          'nursing',
          'nursing',
          'junior',
          'junior',
          'other',
          'student',
          'pensioner',
        ] as const);
        const surname = r.pick(names.surnames);
        const joined = isoDate(
          r.int(Math.max(Number(birth.slice(0, 4)) + 18, 2000), thisYear),
          r.int(1, 12),
          r.int(1, 28),
        );
        const joinedOn = joined > today ? addDays(today, -r.int(1, 300)) : joined;
        const id = randomUUID();
        const exited = r.next() < 0.06 && joinedOn < addDays(today, -60);
        const exitedOn = exited ? addDays(joinedOn, r.int(30, 900)) : null;
        const exitDate = exitedOn && exitedOn < today ? exitedOn : null;
        members.push({
          id,
          iin,
          surname: sex === 'female' ? feminineSurname(surname) : surname,
          given_name: r.pick(names[sex]),
          patronymic: patronymic(r.pick(names.patronymicRoots), sex, kazakh),
          birth_date: birth,
          sex,
          position: r.pick(POSITIONS[category]!),
          category,
          phone: `+7 70${r.int(0, 8)} ${r.int(1000000, 9999999)}`,
          card_no: String(100000 + i),
          org_id: org.id,
          status: exitDate ? 'exited' : 'active',
          joined_on: joinedOn,
          exited_on: exitDate,
          created_at: now,
          updated_at: now,
        });
        const recent = joinedOn >= `${thisYear - years}-01-01`;
        events.push({
          id: randomUUID(),
          member_id: id,
          seq: 1,
          kind: recent ? 'admitted' : 'imported',
          org_id: org.id,
          event_date: joinedOn,
          application_date: recent ? addDays(joinedOn, -r.int(1, 14)) : null,
          decision_body: recent ? 'профком' : null,
          decision_no: recent ? String(r.int(1, 40)) : null,
          decision_date: recent ? joinedOn : null,
          created_at: now,
        });
        if (exitDate) {
          events.push({
            id: randomUUID(),
            member_id: id,
            seq: 2,
            kind: 'exited',
            org_id: org.id,
            event_date: exitDate,
            application_date: addDays(exitDate, -r.int(1, 10)),
            decision_body: 'профком',
            decision_no: String(r.int(1, 40)),
            decision_date: exitDate,
            reason: r.pick(['own_will', 'own_will', 'retirement', 'dismissal']),
            created_at: now,
          });
        } else perOrg.set(org.id, (perOrg.get(org.id) ?? 0) + 1);
      }
      for (const o of orgs) o.headcount = Math.round((perOrg.get(o.id) ?? 0) / (0.7 + r.next() * 0.25) + 5);
      await insertMany(trx, 'orgs', orgs);
      await insertMany(
        trx,
        'members',
        members.map((m) => ({ ...m, ...memberKeyColumns(m as unknown as KeyedPerson) })),
      );
      await insertMany(trx, 'member_events', events);

      // Dues: monthly from most PPOs, quarterly from two, and a few months missing (arrears).
      const remittances: Array<Record<string, unknown>> = [];
      const lastMonth = addMonths(today.slice(0, 7), -1);
      orgs.forEach((o, i) => {
        const quarterly = i % 12 === 5;
        const count = perOrg.get(o.id) ?? 0;
        const avgSalary = 280000 + (i % 7) * 25000;
        for (let m = `${thisYear - years + 1}-01`; m <= lastMonth; m = addMonths(m, 1)) {
          const monthIndex = Number(m.slice(5, 7));
          if (quarterly && monthIndex % 3 !== 1) continue;
          if (r.next() < 0.03) continue;
          const months = quarterly ? 3 : 1;
          const payroll = count * avgSalary * months * 100;
          const received = Math.round((payroll / 100) * (0.9 + r.next() * 0.1));
          remittances.push({
            id: randomUUID(),
            org_id: o.id,
            month: m,
            months_covered: months,
            members_count: count,
            payroll_tiyn: payroll,
            received_tiyn: received,
            // early next month, but never after today (headquarters refuses a date in the future)
            received_on: minDate(`${addMonths(m, 1)}-${String(r.int(5, 20)).padStart(2, '0')}`, today),
            doc_no: `ПП-${m.replace('-', '')}-${o.code}`,
            created_at: now,
            updated_at: now,
          });
        }
      });
      await insertMany(trx, 'dues_remittances', remittances);

      const appeals: Array<Record<string, unknown>> = [];
      const weights = { wages: 684, safety: 73, legal: 128, recreation: 2921, aid: 305, other: 20 };
      const totalWeight = Object.values(weights).reduce((a, b) => a + b, 0);
      const seqByYear = new Map<number, number>();
      for (let i = 0; appeals.length < (options.appeals ?? 600) && i < 100000; i++) {
        let pick = r.next() * totalWeight;
        const category = APPEAL_CATEGORY_KEYS.find((c) => (pick -= weights[c]) < 0) ?? 'other';
        const year = thisYear - years + 1 + r.int(0, years - 1);
        const receivedOn = isoDate(year, r.int(1, 12), r.int(1, 28));
        if (receivedOn > today) continue;
        const seq = (seqByYear.get(year) ?? 0) + 1;
        seqByYear.set(year, seq);
        const closed = r.next() < 0.95 && addDays(receivedOn, 20) < today;
        const member = members[r.int(0, members.length - 1)]!;
        const legal = category === 'legal' && r.next() < 0.4;
        appeals.push({
          id: randomUUID(),
          year,
          reg_no: formatRegNo(year, seq),
          reg_seq: seq,
          received_on: receivedOn,
          channel: r.pick(APPEAL_CHANNEL_KEYS),
          applicant: `${member.surname} ${String(member.given_name).charAt(0)}.`,
          applicant_kind: 'individual',
          member_id: member.id,
          org_id: member.org_id,
          category,
          summary: APPEAL_SUMMARIES[category],
          status: closed ? 'closed' : r.next() < 0.5 ? 'in_progress' : 'registered',
          on_control: r.next() < 0.02 ? 1 : 0,
          closed_on: closed ? addDays(receivedOn, r.int(1, 20)) : null,
          economic_effect_tiyn:
            closed && category !== 'safety' && r.next() < 0.7 ? r.int(5000, 300000) * 100 : null,
          legal_kind: legal ? r.pick(LEGAL_KIND_KEYS) : null,
          legal_sum_tiyn: legal ? r.int(50, 500) * 1000 * 100 : null,
          due_on: addDays(receivedOn, 30),
          created_at: now,
          updated_at: now,
        });
      }
      await insertMany(trx, 'appeals', appeals);
    });
    const count = async (t: string) =>
      Number((await reg.db(t).count<{ n: number }[]>({ n: '*' }))[0]?.n ?? 0);
    return {
      file,
      orgs: await count('orgs'),
      members: await count('members'),
      remittances: await count('dues_remittances'),
      appeals: await count('appeals'),
      staffCategories: STAFF_CATEGORY_KEYS.length,
    };
  } finally {
    await closeRegister(reg);
  }
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
