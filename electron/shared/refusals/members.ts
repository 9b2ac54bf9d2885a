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
  'member.already_active': {
    ru: 'ИИН {iin} уже числится действующим членом профсоюза ({name}, ППО {org})',
    kk: 'ЖСН {iin} бойынша адам кәсіподақ мүшесі болып тұр ({name}, БКҰ {org})',
    en: 'IIN {iin} is already an active member ({name}, PPO {org})',
  },
  'member.invalid_iin': {
    ru: '{field}: {iin} — неверный ИИН (нужны 12 цифр с правильными датой рождения, полом и контрольным разрядом)',
    kk: '{field}: {iin} — қате ЖСН (туған күні, жынысы және бақылау разряды дұрыс 12 цифр қажет)',
    en: '{field}: {iin} is not a valid IIN (12 digits with a real birth date, sex and check digit)',
  },
  'member.iin_birth_date_mismatch': {
    ru: 'ИИН {iin} соответствует дате рождения {iinBirthDate}, а не {birthDate}',
    kk: 'ЖСН {iin} {birthDate} емес, {iinBirthDate} туған күніне сәйкес келеді',
    en: 'IIN {iin} encodes birth date {iinBirthDate}, not {birthDate}',
  },
  'member.iin_sex_mismatch': {
    ru: 'ИИН {iin} указывает на другой пол, чем указан в форме',
    kk: 'ЖСН {iin} формада көрсетілгеннен басқа жынысты көрсетеді',
    en: 'IIN {iin} encodes the other sex than the one entered',
  },
  'member.iin_birth_in_future': {
    ru: 'ИИН {iin} указывает дату рождения {birthDate}, которая ещё не наступила',
    kk: 'ЖСН {iin} әлі келмеген туған күнді ({birthDate}) көрсетеді',
    en: 'IIN {iin} encodes the birth date {birthDate}, which is in the future',
  },
  'member.too_young': {
    ru: 'На {date} человеку с ИИН {iin} нет 14 лет (дата рождения {birthDate}); принять его в профсоюз нельзя',
    kk: '{date} күні ЖСН {iin} адамға 14 жас толмаған (туған күні {birthDate}); оны кәсіподаққа қабылдауға болмайды',
    en: 'on {date} the person with IIN {iin} is not yet 14 (born {birthDate}); they cannot be admitted',
  },
  'member.minor_needs_confirmation': {
    ru: 'На {date} человеку с ИИН {iin} нет 16 лет (дата рождения {birthDate}); приём несовершеннолетнего нужно подтвердить явно (отметка «Подтверждаю приём несовершеннолетнего», в командной строке --confirm-minor)',
    kk: '{date} күні ЖСН {iin} адамға 16 жас толмаған (туған күні {birthDate}); кәмелетке толмаған адамды қабылдауды анық растау керек («Кәмелетке толмағанды қабылдауды растаймын» белгісі, пәрмен жолында --confirm-minor)',
    en: 'on {date} the person with IIN {iin} is not yet 16 (born {birthDate}); admitting a minor needs an explicit confirmation (the "I confirm admitting a minor" box, --confirm-minor on the command line)',
  },
  'member.event_out_of_order': {
    ru: '{field} ({date}) не может быть раньше предыдущего события в истории члена профсоюза ({previousDate})',
    kk: '{field} ({date}) кәсіподақ мүшесі тарихындағы алдыңғы оқиғадан ({previousDate}) бұрын болмауы керек',
    en: "{field} ({date}) cannot be before the previous event in the member's history ({previousDate})",
  },
  'member.decision_before_application': {
    ru: 'Дата решения ({decisionDate}) не может быть раньше даты заявления ({applicationDate})',
    kk: 'Шешім күні ({decisionDate}) өтініш күнінен ({applicationDate}) бұрын болмауы керек',
    en: 'the decision ({decisionDate}) cannot precede the application ({applicationDate})',
  },
  'member.admitted_before_birth': {
    ru: '{field} ({date}) раньше даты рождения {birthDate}',
    kk: '{field} ({date}) туған күннен ({birthDate}) бұрын',
    en: '{field} ({date}) is before the birth date {birthDate}',
  },
  'member.import_transfer': {
    ru: 'ИИН {iin} уже состоит в ППО {org}; перевод оформляется отдельно для каждого члена',
    kk: 'ЖСН {iin} {org} БКҰ-да тұр; ауыстыру әр мүше үшін жеке ресімделеді',
    en: 'IIN {iin} is an active member of PPO {org}; transfers are recorded one by one',
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
  fullName: { ru: 'ФИО', kk: 'Аты-жөні', en: 'Full name' },
  'decision.body': { ru: 'Орган, принявший решение', kk: 'Шешім қабылдаған орган', en: 'Decision body' },
  'decision.number': { ru: '№ протокола', kk: 'Хаттама №', en: 'Minutes No.' },
} satisfies Record<string, FieldLabel>;
