import type { FieldLabel, Sentence } from './types.ts';

/**
 * Refusals of the exchange domain, by code (see ./index.ts): the package checks in the order headquarters
 * runs them (size, decryption, ZIP directory, signature, manifest, files, rows, sequence), then batches.
 */
export const EXCHANGE_REFUSALS = {
  'package.too_large': {
    ru: 'Файл пакета — {bytes} байт, больше допустимых {max}; такой пакет не читается',
    kk: 'Пакет файлы — {bytes} байт, рұқсат етілген {max} байттан үлкен; мұндай пакет оқылмайды',
    en: 'The package file is {bytes} bytes, more than the allowed {max}; it is not read',
  },
  'package.not_age': {
    ru: 'Файл не является пакетом, зашифрованным age',
    kk: 'Файл age арқылы шифрланған пакет емес',
    en: 'The file is not an age-encrypted package',
  },
  'package.wrong_recipient': {
    ru: 'Пакет зашифрован не для ключа этого Центрального совета (или повреждён его заголовок)',
    kk: 'Пакет осы Орталық кеңестің кілтіне шифрланбаған (немесе оның тақырыбы зақымдалған)',
    en: 'The package is not encrypted to this headquarters key (or its header is damaged)',
  },
  'package.damaged': {
    ru: 'Пакет повреждён или обрезан при передаче; попросите филиал прислать его ещё раз',
    kk: 'Пакет зақымдалған немесе жіберу кезінде қиылған; филиалдан оны қайта жіберуді сұраңыз',
    en: 'The package is damaged or was cut short on the way; ask the branch to send it again',
  },
  'package.bad_zip': {
    ru: 'ZIP-архив внутри пакета повреждён или построен не так, как его пишет программа',
    kk: 'Пакет ішіндегі ZIP мұрағаты зақымдалған немесе бағдарлама жазатындай құрылмаған',
    en: "The package's ZIP is damaged or not built the way the program writes it",
  },
  'package.zip_too_many': {
    ru: 'В ZIP-архиве пакета больше {max} файлов',
    kk: 'Пакеттің ZIP мұрағатында {max} файлдан көп',
    en: "The package's ZIP holds more than {max} files",
  },
  'package.zip_entry_name': {
    ru: 'Недопустимый файл «{name}» в пакете',
    kk: 'Пакетте рұқсат етілмеген «{name}» файлы бар',
    en: 'The package holds a file not allowed there: "{name}"',
  },
  'package.zip_entry_twice': {
    ru: 'Файл «{name}» встречается в пакете дважды',
    kk: '«{name}» файлы пакетте екі рет кездеседі',
    en: 'The file "{name}" appears twice in the package',
  },
  'package.entry_too_large': {
    ru: 'Файл «{name}» в распакованном виде больше допустимых {max} байт',
    kk: '«{name}» файлы ашылған түрде рұқсат етілген {max} байттан үлкен',
    en: 'The file "{name}" unpacks to more than the allowed {max} bytes',
  },
  'package.no_signature': {
    ru: 'В пакете нет подписанного манифеста (manifest.json и manifest.json.minisig)',
    kk: 'Пакетте қол қойылған манифест жоқ (manifest.json және manifest.json.minisig)',
    en: 'The package has no signed manifest (manifest.json and manifest.json.minisig)',
  },
  'package.bad_signature_file': {
    ru: 'Файл подписи manifest.json.minisig — не подпись minisign',
    kk: 'manifest.json.minisig қолтаңба файлы minisign қолтаңбасы емес',
    en: 'The signature file manifest.json.minisig is not a minisign signature',
  },
  'package.unknown_key': {
    ru: 'Пакет подписан ключом {keyId}, который не зарегистрирован в ЦС (пакет называет себя пакетом филиала {claimed}); зарегистрируйте открытый ключ филиала',
    kk: 'Пакетке Орталық кеңесте тіркелмеген {keyId} кілтімен қол қойылған (пакет өзін {claimed} филиалының пакеті деп атайды); филиалдың ашық кілтін тіркеңіз',
    en: 'The package is signed with key {keyId}, which is not registered at headquarters (the package says it is from branch {claimed}); register the branch public key',
  },
  'package.revoked_key': {
    ru: 'Филиал {branch}: ключ {keyId} отозван {revokedAt}',
    kk: '{branch} филиалы: {keyId} кілті {revokedAt} кері қайтарылған',
    en: 'Branch {branch}: key {keyId} was revoked on {revokedAt}',
  },
  'package.bad_signature': {
    ru: 'Филиал {branch}: подпись манифеста не сходится с ключом {keyId} — пакет изменён',
    kk: '{branch} филиалы: манифест қолтаңбасы {keyId} кілтімен сәйкес келмейді — пакет өзгертілген',
    en: "Branch {branch}: the manifest's signature does not verify with key {keyId}; the package was changed",
  },
  'package.bad_manifest': {
    ru: 'Филиал {branch}: manifest.json подписан, но заполнен неверно ({detail})',
    kk: '{branch} филиалы: manifest.json қол қойылған, бірақ дұрыс толтырылмаған ({detail})',
    en: 'Branch {branch}: manifest.json is signed but malformed ({detail})',
  },
  'package.unknown_format': {
    ru: 'Это не пакет aqniet-package (формат «{format}»)',
    kk: 'Бұл aqniet-package пакеті емес («{format}» форматы)',
    en: 'This is not an aqniet-package (format "{format}")',
  },
  'package.format_version': {
    ru: 'Версия формата {version}, программа читает версию {supported}; обновите программу',
    kk: 'Формат нұсқасы {version}, бағдарлама {supported} нұсқасын оқиды; бағдарламаны жаңартыңыз',
    en: 'Format version {version}; this program reads version {supported}: update the program',
  },
  'package.newer_schema': {
    ru: 'Схема данных {schema} новее, чем у этой программы ({supported}); обновите программу',
    kk: '{schema} деректер сұлбасы бұл бағдарламанікінен ({supported}) жаңа; бағдарламаны жаңартыңыз',
    en: "Data schema {schema} is newer than this program's ({supported}): update the program",
  },
  'package.other_branch_key': {
    ru: 'Филиал {branch}: пакет подписан ключом {keyId}, зарегистрированным для филиала {keyBranch}',
    kk: '{branch} филиалы: пакетке {keyBranch} филиалы үшін тіркелген {keyId} кілтімен қол қойылған',
    en: 'Branch {branch}: the package is signed with key {keyId}, registered for branch {keyBranch}',
  },
  'package.file_set': {
    ru: 'Филиал {branch}: лишние файлы: {extra}; недостающие: {missing}',
    kk: '{branch} филиалы: артық файлдар: {extra}; жетіспейтін файлдар: {missing}',
    en: 'Branch {branch}: files not in the manifest: {extra}; missing: {missing}',
  },
  'package.file_too_large': {
    ru: 'Филиал {branch}: {name} по манифесту {bytes} байт — больше допустимых {max}',
    kk: '{branch} филиалы: манифест бойынша {name} — {bytes} байт, рұқсат етілген {max} байттан үлкен',
    en: 'Branch {branch}: by the manifest {name} is {bytes} bytes, more than the allowed {max}',
  },
  'package.too_many_rows': {
    ru: 'Филиал {branch}: в {name} по манифесту {rows} строк — больше допустимых {max}',
    kk: '{branch} филиалы: манифест бойынша {name} ішінде {rows} жол, рұқсат етілген {max} жолдан көп',
    en: 'Branch {branch}: by the manifest {name} has {rows} rows, more than the allowed {max}',
  },
  'package.total_too_large': {
    ru: 'Филиал {branch}: файлы пакета вместе — {bytes} байт, больше допустимых {max}',
    kk: '{branch} филиалы: пакет файлдары бірге {bytes} байт, рұқсат етілген {max} байттан үлкен',
    en: "Branch {branch}: the package's files come to {bytes} bytes together, more than the allowed {max}",
  },
  'package.hash_mismatch': {
    ru: 'Филиал {branch}: файл {name} не тот, что был подписан',
    kk: '{branch} филиалы: {name} файлы қол қойылған файл емес',
    en: 'Branch {branch}: {name} is not the file that was signed',
  },
  'package.line_too_long': {
    ru: 'Филиал {branch}: {name}, строка {line} длиннее {max} байт',
    kk: '{branch} филиалы: {name}, {line}-жол {max} байттан ұзын',
    en: 'Branch {branch}: {name} line {line} is longer than {max} bytes',
  },
  'package.row_count': {
    ru: 'Филиал {branch}: в {name} {rows} строк, в манифесте — {declared}',
    kk: '{branch} филиалы: {name} ішінде {rows} жол, манифестте — {declared}',
    en: 'Branch {branch}: {name} has {rows} rows, the manifest says {declared}',
  },
  'package.bad_rows': {
    ru: 'Филиал {branch}: ошибок в строках пакета — {count}; пакет не принят, ничего не записано',
    kk: '{branch} филиалы: пакет жолдарындағы қателер саны — {count}; пакет қабылданбады, ештеңе жазылмады',
    en: 'Branch {branch}: {count} row problem(s) in the package; it was not accepted and nothing was written',
  },
  'package.stale': {
    ru: 'Филиал {branch}: пакет № {seq} старее последнего принятого (№ {last})',
    kk: '{branch} филиалы: № {seq} пакет соңғы қабылданған пакеттен (№ {last}) ескі',
    en: 'Branch {branch}: package seq {seq} is older than the last accepted (seq {last})',
  },
  'package.conflict': {
    ru: 'Филиал {branch}: другой пакет с № {seq} уже принят — содержимое различается',
    kk: '{branch} филиалы: № {seq} басқа пакет бұрын қабылданған — мазмұны өзгеше',
    en: 'Branch {branch}: another package with seq {seq} was already accepted',
  },
  'package.seq_jump': {
    ru: 'Филиал {branch}: пакет № {seq}, а последний принятый — № {last} (скачок больше {step}); примите его, только если филиал подтвердил этот номер',
    kk: '{branch} филиалы: пакет № {seq}, ал соңғы қабылданғаны — № {last} ({step}-ден артық секіріс); филиал бұл нөмірді растаса ғана қабылдаңыз',
    en: 'Branch {branch}: package seq {seq} while the last accepted is {last} (a jump of more than {step}); accept it only if the branch confirms that number',
  },
  'package.ids_taken': {
    ru: 'Филиал {branch}: запись {table} «{id}» уже есть у филиала {other}; база филиала, похоже, скопирована с чужой — пакет не принят',
    kk: '{branch} филиалы: {table} «{id}» жазбасы {other} филиалында бар; филиал базасы басқа филиалдікінен көшірілген сияқты — пакет қабылданбады',
    en: 'Branch {branch}: the {table} row "{id}" already belongs to branch {other}; the branch\'s register seems copied from another\'s, so the package was not accepted',
  },
  'package.not_a_file': {
    ru: '{file}: такого файла нет или это не файл',
    kk: '{file}: мұндай файл жоқ немесе бұл файл емес',
    en: '{file}: no such file, or not a file',
  },
  'package.unreadable': {
    ru: '{file}: файл не читается',
    kk: '{file}: файл оқылмайды',
    en: '{file}: the file cannot be read',
  },
  'package.internal': {
    ru: '{file}: пакет не принят из-за внутренней ошибки программы; подробности записаны в журнал под номером {logId}, остальные пакеты обработаны',
    kk: '{file}: пакет бағдарламаның ішкі қатесіне байланысты қабылданбады; толығырақ журналға {logId} нөмірімен жазылды, қалған пакеттер өңделді',
    en: '{file}: the package was not accepted because of an internal error (written to the log as {logId}); the other packages were processed',
  },
  'package.clock_skew': {
    ru: 'Часы филиала, похоже, идут неверно: пакет создан {createdAt}, это на {hours} ч. расходится с часами ЦС',
    kk: 'Филиалдың сағаты дұрыс жүрмейтін сияқты: пакет {createdAt} жасалған, бұл Орталық кеңес сағатынан {hours} сағатқа алшақ',
    en: "The branch's clock looks off: the package was created {createdAt}, {hours} h away from headquarters' clock",
  },
  'row.not_a_row': {
    ru: 'строка — не запись таблицы {table} (ожидается объект JSON с простыми значениями)',
    kk: 'жол {table} кестесінің жазбасы емес (қарапайым мәндері бар JSON нысаны күтіледі)',
    en: 'the line is not a row of {table} (expected a JSON object of plain values)',
  },
  'row.required': {
    ru: '{field}: не заполнено',
    kk: '{field}: толтырылмаған',
    en: '{field}: missing',
  },
  'row.not_text': {
    ru: '{field}: «{value}» — ожидается текст',
    kk: '{field}: «{value}» — мәтін күтіледі',
    en: '{field}: "{value}" — text expected',
  },
  'row.too_long': {
    ru: '{field}: длиннее {max} символов',
    kk: '{field}: {max} таңбадан ұзын',
    en: '{field}: longer than {max} characters',
  },
  'row.control_chars': {
    ru: '{field}: «{value}» — управляющие символы или смена направления текста недопустимы',
    kk: '{field}: «{value}» — басқару таңбалары немесе мәтін бағытын ауыстыру рұқсат етілмейді',
    en: '{field}: "{value}" holds control or text-direction characters',
  },
  'row.format': {
    ru: '{field}: «{value}» — неверный формат',
    kk: '{field}: «{value}» — пішімі дұрыс емес',
    en: '{field}: "{value}" is not in the expected form',
  },
  'row.not_integer': {
    ru: '{field}: «{value}» — не целое число',
    kk: '{field}: «{value}» — бүтін сан емес',
    en: '{field}: "{value}" is not a whole number',
  },
  'row.out_of_range': {
    ru: '{field}: {value} — вне допустимого диапазона {min}…{max}',
    kk: '{field}: {value} — рұқсат етілген {min}…{max} аралығынан тыс',
    en: '{field}: {value} is outside {min}…{max}',
  },
  'row.money': {
    ru: '{field}: «{value}» — не сумма в тиынах (целое число от 0 до 10¹⁴)',
    kk: '{field}: «{value}» — тиындағы сома емес (0-ден 10¹⁴-ке дейінгі бүтін сан)',
    en: '{field}: "{value}" is not an amount in tiyn (a whole number from 0 to 10¹⁴)',
  },
  'row.date': {
    ru: '{field}: «{value}» — не дата',
    kk: '{field}: «{value}» — күн емес',
    en: '{field}: "{value}" is not a date',
  },
  'row.date_future': {
    ru: '{field}: {value} — позже сегодняшнего дня ({today})',
    kk: '{field}: {value} — бүгінгі күннен ({today}) кейін',
    en: '{field}: {value} is after today ({today})',
  },
  'row.month': {
    ru: '{field}: «{value}» — не месяц ГГГГ-ММ',
    kk: '{field}: «{value}» — ЖЖЖЖ-АА айы емес',
    en: '{field}: "{value}" is not a month YYYY-MM',
  },
  'row.vocabulary': {
    ru: '{field}: «{value}» — нет в справочнике',
    kk: '{field}: «{value}» — анықтамалықта жоқ',
    en: '{field}: "{value}" is not in the list of allowed values',
  },
  'row.iin': {
    ru: '{field}: ИИН «{value}» неверен',
    kk: '{field}: «{value}» ЖСН дұрыс емес',
    en: '{field}: IIN "{value}" is not valid',
  },
  'row.bin': {
    ru: '{field}: БИН «{value}» неверен',
    kk: '{field}: «{value}» БСН дұрыс емес',
    en: '{field}: BIN "{value}" is not valid',
  },
  'row.iin_mismatch': {
    ru: '{field}: ИИН {value} не сходится с датой рождения или полом',
    kk: '{field}: {value} ЖСН туған күнімен немесе жынысымен сәйкес келмейді',
    en: '{field}: IIN {value} does not agree with the birth date or sex',
  },
  'row.duplicate': {
    ru: '{field}: «{value}» повторяется (уже в строке {other})',
    kk: '{field}: «{value}» қайталанады ({other}-жолда бар)',
    en: '{field}: "{value}" repeats (already in row {other})',
  },
  'row.reference': {
    ru: '{field}: ссылается на отсутствующую запись {target} «{value}»',
    kk: '{field}: жоқ {target} жазбасына сілтейді: «{value}»',
    en: '{field}: refers to a missing {target} row "{value}"',
  },
  'row.before': {
    ru: '{field}: {value} — раньше предыдущей даты ({other})',
    kk: '{field}: {value} — алдыңғы күннен ({other}) ерте',
    en: '{field}: {value} is before the date it follows ({other})',
  },
  'row.history_start': {
    ru: '{field}: история члена профсоюза (ИИН {value}) не начинается с вступления',
    kk: '{field}: кәсіподақ мүшесінің тарихы (ЖСН {value}) кәсіподаққа кіруден басталмайды',
    en: "{field}: the member's history (IIN {value}) does not begin with an admission",
  },
  'row.history_state': {
    ru: '{field}: «{value}», а по истории событий — «{expected}»',
    kk: '{field}: «{value}», ал оқиғалар тарихы бойынша — «{expected}»',
    en: '{field}: "{value}", while the history of events gives "{expected}"',
  },
  'row.shares': {
    ru: '{field}: доли в сумме {value} %, а не 100 %',
    kk: '{field}: үлестердің қосындысы 100 % емес, {value} %',
    en: '{field}: the shares add up to {value} %, not 100 %',
  },
  'register.hq_read_only': {
    ru: 'В базе Центрального совета реестры филиалов только читаются; эти данные вносит филиал',
    kk: 'Орталық кеңестің базасында филиалдардың тізілімдері тек оқылады; бұл деректерді филиал енгізеді',
    en: "At headquarters the branches' registers are read only; the branch enters these data",
  },
  'signed.too_large': {
    ru: 'Файл — {bytes} байт, больше допустимых {max}; это не квитанция и не распоряжение ЦС',
    kk: 'Файл — {bytes} байт, рұқсат етілген {max} байттан үлкен; бұл Орталық кеңестің түбіртегі де, өкімі де емес',
    en: 'The file is {bytes} bytes, more than the allowed {max}: not a receipt or directive of headquarters',
  },
  'signed.no_hq_key': {
    ru: 'Ключ подписи ЦС не зарегистрирован: загрузите открытый ключ Центрального совета (.pub)',
    kk: 'Орталық кеңестің қолтаңба кілті тіркелмеген: Орталық кеңестің ашық кілтін (.pub) жүктеңіз',
    en: "Headquarters' signing key is not registered: load headquarters' public key (.pub)",
  },
  'signed.not_signed_file': {
    ru: 'Это не подписанный файл ЦС (квитанция или распоряжение)',
    kk: 'Бұл Орталық кеңестің қол қойылған файлы емес (түбіртек немесе өкім)',
    en: 'This is not a signed file of headquarters (a receipt or a directive)',
  },
  'signed.wrong_kind': {
    ru: 'Файл другого вида: «{kind}»',
    kk: 'Басқа түрдегі файл: «{kind}»',
    en: 'A file of another kind: "{kind}"',
  },
  'signed.bad_signature': {
    ru: 'Подпись не сходится с ключом ЦС {fingerprint} — файл изменён или подписан не Центральным советом',
    kk: 'Қолтаңба Орталық кеңестің {fingerprint} кілтімен сәйкес келмейді — файл өзгертілген немесе оған Орталық кеңес қол қоймаған',
    en: "The signature does not verify with headquarters' key {fingerprint}: the file was changed or not signed by headquarters",
  },
  'signed.bad_payload': {
    ru: 'Подписанный файл ЦС заполнен неверно ({detail}); обновите программу',
    kk: 'Орталық кеңестің қол қойылған файлы дұрыс толтырылмаған ({detail}); бағдарламаны жаңартыңыз',
    en: 'The signed file of headquarters is malformed ({detail}); update the program',
  },
  'receipt.no_import': {
    ru: 'От филиала {branch} не принято ни одного пакета{seq}',
    kk: '{branch} филиалынан бірде-бір пакет қабылданбаған{seq}',
    en: 'No package{seq} of branch {branch} has been accepted',
  },
  'receipt.other_branch': {
    ru: 'Квитанция выписана филиалу {branch}, а эта база — филиала {own}',
    kk: 'Түбіртек {branch} филиалына жазылған, ал бұл база — {own} филиалының базасы',
    en: 'The receipt is for branch {branch}; this register is branch {own}',
  },
  'receipt.unknown_package': {
    ru: 'Этот филиал не выгружал пакет № {seq} за {period} (или выгрузил другой с тем же номером)',
    kk: 'Бұл филиал {period} кезеңіне № {seq} пакетті жүктемеген (немесе сол нөмірмен басқасын жүктеген)',
    en: 'This branch wrote no package seq {seq} for {period} (or wrote another with that number)',
  },
  'directive.no_rate': {
    ru: 'В базе ЦС нет ставки взносов, действующей с {validFrom}; задайте её в настройках',
    kk: 'Орталық кеңестің базасында {validFrom} бастап қолданылатын жарна мөлшерлемесі жоқ; оны баптауларда орнатыңыз',
    en: 'Headquarters has no dues rate valid from {validFrom}; set it in Settings',
  },
  // Keys (exchange/keys.ts, registry.ts): which register does what with them.
  'keys.not_hq': {
    ru: 'Это делается только в базе Центрального совета: её ключ, ключи филиалов, приём пакетов, квитанции и распоряжения',
    kk: 'Бұл тек Орталық кеңестің базасында жасалады: оның кілті, филиалдардың кілттері, пакеттерді қабылдау, түбіртектер мен өкімдер',
    en: 'Only a headquarters register does this: its own key, branch keys, accepting packages, receipts and directives',
  },
  'keys.is_hq': {
    ru: 'Это делается в базе филиала; база Центрального совета пользуется своими ключами и сама выписывает квитанции и распоряжения',
    kk: 'Бұл филиал базасында жасалады; Орталық кеңестің базасы өз кілттерін пайдаланады, түбіртектер мен өкімдерді өзі жазады',
    en: 'This is done in a branch register; a headquarters register uses its own keys and writes receipts and directives itself',
  },
  'keys.exists': {
    ru: 'У этой базы уже есть такой ключ; новый не создаётся и прежний не заменяется',
    kk: 'Бұл базада мұндай кілт бұрыннан бар; жаңасы жасалмайды, бұрынғысы ауыстырылмайды',
    en: 'This register already has such a key; a new one is not made and the old one is not replaced',
  },
  'keys.missing': {
    ru: 'Ключ не найден: {file}; создайте его (keys init, hq-key init) или восстановите из резервной копии',
    kk: 'Кілт табылмады: {file}; оны жасаңыз (keys init, hq-key init) немесе сақтық көшірмеден қалпына келтіріңіз',
    en: 'No key found: {file}; create it (keys init, hq-key init) or restore it from a backup',
  },
  'keys.sealed': {
    ru: 'Файл {file} защищён хранилищем ключей программы; работайте с ним из программы',
    kk: '{file} файлы бағдарламаның кілттер қоймасымен қорғалған; онымен бағдарламадан жұмыс істеңіз',
    en: "{file} is protected by the desktop app's key store; open it from the app",
  },
  'keys.no_recipient': {
    ru: 'Не задан получатель Центрального совета (age1…)',
    kk: 'Орталық кеңестің алушысы (age1…) берілмеген',
    en: "Headquarters' recipient (age1…) is not set",
  },
  'keys.already_trusted': {
    ru: 'Ключ {keyId} уже зарегистрирован для филиала {branch}',
    kk: '{keyId} кілті {branch} филиалы үшін бұрыннан тіркелген',
    en: 'Key {keyId} is already registered for branch {branch}',
  },
  'keys.not_trusted': {
    ru: 'Для филиала {branch} нет ключа {keyId}',
    kk: '{branch} филиалы үшін {keyId} кілті тіркелмеген',
    en: 'No key {keyId} is registered for branch {branch}',
  },
  'exchange.hq_export': {
    ru: 'Центральный совет не выгружает пакеты',
    kk: 'Орталық кеңес пакеттерді жүктеп шығармайды',
    en: 'Headquarters does not export packages',
  },
  // Two exports of the branch at once (the window and the CLI): both read the same next number; the one
  // that commits first keeps it, the other writes nothing and removes its file.
  'exchange.invalid_recipient': {
    ru: 'Это не получатель age (ожидается строка, начинающаяся с age1)',
    kk: 'Бұл age алушысы емес (age1 деп басталатын жол күтіледі)',
    en: 'Not an age recipient (expected a line starting with age1)',
  },
  'exchange.recipient_mistyped': {
    ru: 'Получатель ЦС набран или скопирован с ошибкой (не сходится контрольная сумма): скопируйте строку age1… из файла ЦС ещё раз целиком',
    kk: 'Орталық кеңес алушысы қате терілген немесе көшірілген (бақылау сомасы сәйкес емес): age1… жолын ОК файлынан қайта толық көшіріңіз',
    en: 'The headquarters recipient was typed or copied with a mistake (its checksum does not match): copy the whole age1… line from headquarters’ file again',
  },
  'exchange.export_raced': {
    ru: 'Одновременно выгружен другой пакет с номером {seq}; выгрузите квартал {period} ещё раз',
    kk: 'Дәл осы уақытта {seq} нөмірлі басқа пакет жазылды; {period} тоқсанын қайта жүктеп шығарыңыз',
    en: 'Another package with number {seq} was exported at the same moment; export {period} again',
  },
} satisfies Record<string, Sentence>;

/** Labels of the exchange domain's fields, by the contract's field name. */
export const EXCHANGE_FIELDS = {
  revokedAt: { ru: 'Дата отзыва', kk: 'Кері қайтарылған күні', en: 'Revocation date' },
} satisfies Record<string, FieldLabel>;
