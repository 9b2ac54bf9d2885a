import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the members domain, by code (see ./index.ts). */
export const MEMBERS_REFUSALS = {
  'member.not_found': {
    ru: 'Нет члена профсоюза с ИИН {iin}',
    kk: 'ЖСН {iin} бар кәсіподақ мүшесі жоқ',
    en: 'No member with IIN {iin}',
  },
  'member.not_active': {
    ru: 'ИИН {iin} не числится действующим членом профсоюза',
    kk: 'ЖСН {iin} кәсіподақтың қазіргі мүшесі ретінде тіркелмеген',
    en: 'IIN {iin} is not an active member',
  },
  // corrections
  'member.nothing_to_correct': {
    ru: 'В исправлении нет изменений: все указанные данные уже такие',
    kk: 'Түзетуде өзгеріс жоқ: көрсетілген деректердің бәрі бұрыннан сондай',
    en: 'The correction changes nothing: every value given is already stored',
  },
  'member.iin_taken': {
    ru: 'ИИН {iin} уже принадлежит другому человеку в реестре ({name})',
    kk: 'ЖСН {iin} тізілімде басқа адамға тиесілі ({name})',
    en: 'IIN {iin} already belongs to another person in the register ({name})',
  },
  'member.nothing_to_annul': {
    ru: 'У ИИН {iin} нет события членства, которое можно аннулировать',
    kk: 'ЖСН {iin} бойынша күшін жоюға болатын мүшелік оқиғасы жоқ',
    en: 'IIN {iin} has no membership event left to annul',
  },
  'member.annul_org_closed': {
    ru: 'Аннулирование вернуло бы члена профсоюза в закрытую ППО {org}; сначала откройте её заново',
    kk: 'Күшін жою мүшені жабылған {org} БКҰ-ға қайтарар еді; алдымен оны қайта ашыңыз',
    en: 'Annulling would put the member back into closed PPO {org}; reopen it first',
  },
} satisfies Record<string, Sentence>;

/** Labels of the members domain's fields, by the contract's field name. */
export const MEMBERS_FIELDS = {
  birthDate: { ru: 'Дата рождения', kk: 'Туған күні', en: 'Birth date' },
  applicationDate: { ru: 'Дата заявления', kk: 'Өтініш күні', en: 'Application date' },
  admittedOn: { ru: 'Дата вступления', kk: 'Кәсіподаққа кірген күні', en: 'Admission date' },
  exitedOn: { ru: 'Дата выхода', kk: 'Шыққан күні', en: 'Exit date' },
  transferredOn: { ru: 'Дата перевода', kk: 'Ауыстыру күні', en: 'Transfer date' },
  issuedOn: { ru: 'Дата выдачи билета', kk: 'Билет берілген күні', en: 'Card issue date' },
  'decision.date': { ru: 'Дата решения', kk: 'Шешім күні', en: 'Decision date' },
  // the member's data as the correction form and the history of changes name it
  surname: { ru: 'Фамилия', kk: 'Тегі', en: 'Surname' },
  givenName: { ru: 'Имя', kk: 'Аты', en: 'Given name' },
  patronymic: { ru: 'Отчество', kk: 'Әкесінің аты', en: 'Patronymic' },
  iin: { ru: 'ИИН', kk: 'ЖСН', en: 'IIN' },
  sex: { ru: 'Пол', kk: 'Жынысы', en: 'Sex' },
  position: { ru: 'Должность', kk: 'Лауазымы', en: 'Position' },
  category: { ru: 'Категория', kk: 'Санаты', en: 'Category' },
  phone: { ru: 'Телефон', kk: 'Телефон', en: 'Phone' },
  cardNo: { ru: '№ членского билета', kk: 'Мүшелік билет №', en: 'Membership card no.' },
  status: { ru: 'Статус', kk: 'Мәртебесі', en: 'Status' },
  orgCode: { ru: 'ППО', kk: 'БКҰ', en: 'PPO' },
  joinedOn: { ru: 'Дата вступления', kk: 'Кәсіподаққа кірген күні', en: 'Admission date' },
  reason: { ru: 'Причина', kk: 'Себебі', en: 'Reason' },
  decisionBody: { ru: 'Орган, принявший решение', kk: 'Шешім қабылдаған орган', en: 'Decision body' },
  decisionNo: { ru: '№ протокола', kk: 'Хаттама №', en: 'Minutes no.' },
  counterpartOrg: { ru: 'Другая ППО', kk: 'Басқа БКҰ', en: 'Other PPO' },
  counterpartBranch: { ru: 'Другой филиал', kk: 'Басқа филиал', en: 'Other branch' },
} satisfies Record<string, FieldLabel>;
