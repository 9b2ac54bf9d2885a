import type { UiLanguage } from '../../shared/collation.ts';

/**
 * Column headers and sheet names of the spreadsheets, in the UI language. The Russian and Kazakh member
 * headers are the ones the member import recognizes, so an exported list can be edited and imported back.
 */
const LABELS = {
  // sheets
  sheetMembers: ['Члены профсоюза', 'Кәсіподақ мүшелері', 'Members'],
  sheetAppeals: ['Журнал обращений', 'Өтініштер журналы', 'Appeals journal'],
  sheetDues: ['Взносы по месяцам', 'Айлар бойынша жарналар', 'Dues by month'],
  sheetAppealsReport: ['Сведения об обращениях', 'Өтініштер туралы мәліметтер', 'Appeals by category'],
  sheetMembership: ['Численность', 'Мүшелер саны', 'Membership'],
  sheetCategories: ['По категориям', 'Санаттар бойынша', 'By category'],
  sheetMovement: ['Движение', 'Қозғалыс', 'Movement'],
  sheetDuesReport: ['Полнота сбора', 'Жинау толықтығы', 'Dues completeness'],
  sheetLegal: ['МедАдвокат', 'МедАдвокат', 'MedAdvocate'],
  sheetAnnualMembers: ['Численность по филиалам', 'Филиалдар бойынша саны', 'Members by branch'],
  branch: ['Филиал', 'Филиал', 'Branch'],
  orgs: ['ППО', 'БКҰ', 'PPOs'],
  legalKind: ['Вид дела', 'Іс түрі', 'Kind of case'],
  cases: ['Дел', 'Істер', 'Cases'],
  allocated: ['Выделено на адвокатов, ₸', 'Адвокаттарға бөлінді, ₸', 'Allocated for lawyers, KZT'],
  membersHelped: ['Членам оказана помощь', 'Мүшелерге көмек көрсетілді', 'Members helped'],
  // members
  orgCode: ['Код ППО', 'БКҰ коды', 'org_code'],
  surname: ['Фамилия', 'Тегі', 'surname'],
  givenName: ['Имя', 'Аты', 'given_name'],
  patronymic: ['Отчество', 'Әкесінің аты', 'patronymic'],
  iin: ['ИИН', 'ЖСН', 'iin'],
  birthDate: ['Дата рождения', 'Туған күні', 'Birth date'],
  sex: ['Пол', 'Жынысы', 'Sex'],
  position: ['Должность', 'Лауазымы', 'position'],
  category: ['Категория', 'Санаты', 'category'],
  cardNo: ['№ билета', 'Билет №', 'card_no'],
  joinedOn: ['Дата вступления', 'Кірген күні', 'joined_on'],
  phone: ['Телефон', 'Телефон', 'phone'],
  status: ['Статус', 'Мәртебесі', 'Status'],
  exitedOn: ['Дата выбытия', 'Шыққан күні', 'Exited on'],
  // appeals
  regNo: ['Рег. №', 'Тіркеу №', 'Reg. No.'],
  receivedOn: ['Дата поступления', 'Түскен күні', 'Received on'],
  channel: ['Канал', 'Арна', 'Channel'],
  applicant: ['Заявитель', 'Өтініш беруші', 'Applicant'],
  signatories: ['Подписавших', 'Қол қойғандар', 'Signatories'],
  summary: ['Содержание', 'Мазмұны', 'Summary'],
  assignee: ['Исполнитель', 'Орындаушы', 'Assignee'],
  onControl: ['На контроле', 'Бақылауда', 'On control'],
  dueOn: ['Срок', 'Мерзімі', 'Due on'],
  closedOn: ['Дата закрытия', 'Жабылған күні', 'Closed on'],
  outcome: ['Результат', 'Нәтижесі', 'Outcome'],
  effect: ['Экономический эффект, ₸', 'Экономикалық әсер, ₸', 'Economic effect, KZT'],
  yes: ['да', 'иә', 'yes'],
  // reports
  issues: ['Перечень вопросов', 'Мәселелер тізбесі', 'Issues'],
  appealsTotal: ['Всего обращений', 'Барлық өтініштер', 'Total'],
  appealsClosed: ['Всего закрытых', 'Барлығы жабылғаны', 'Closed'],
  total: ['ИТОГО', 'ЖИЫНЫ', 'TOTAL'],
  org: ['ППО', 'БКҰ', 'PPO'],
  orgName: ['Наименование', 'Атауы', 'Name'],
  members: ['Членов', 'Мүшелер', 'Members'],
  headcount: ['Работающих', 'Жұмыскерлер', 'Employees'],
  density: ['Охват', 'Қамту', 'Density'],
  month: ['Месяц', 'Ай', 'Month'],
  admitted: ['Принято', 'Қабылданды', 'Admitted'],
  exited: ['Выбыло', 'Шықты', 'Exited'],
  net: ['Прирост', 'Өсім', 'Net'],
  remittances: ['Поступлений', 'Түсімдер', 'Remittances'],
  received: ['Поступило, ₸', 'Түсті, ₸', 'Received, KZT'],
  expected: ['Начислено по ставке, ₸', 'Мөлшерлеме бойынша, ₸', 'Expected, KZT'],
  completeness: ['Полнота сбора', 'Жинау толықтығы', 'Completeness'],
  sharePpo: ['Доля ППО, ₸', 'БКҰ үлесі, ₸', 'PPO share, KZT'],
  shareBranch: ['Доля филиала, ₸', 'Филиал үлесі, ₸', 'Branch share, KZT'],
  shareCentral: ['Доля ЦС, ₸', 'ОК үлесі, ₸', 'CC share, KZT'],
  yearTotal: ['За год, ₸', 'Жыл бойы, ₸', 'Year, KZT'],
} as const;

export type LabelKey = keyof typeof LABELS;

export function labelsFor(language: UiLanguage): (key: LabelKey) => string {
  const index = language === 'kk' ? 1 : language === 'en' ? 2 : 0;
  return (key) => LABELS[key][index];
}
