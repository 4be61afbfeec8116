"""Vocabulary for the benchmark corpus generator.

Every language has the same 42 concepts in the same order (see CONCEPTS), written as real
words in the language's own script. Titles are built from concept lists, so a title has the
"same" words in every language; running prose is composed from random concept sequences.
The sentences are word salad, but every word is real and every script is the real one, which
is what matters for parsing, Unicode handling and size.
"""

from __future__ import annotations

import unicodedata

CONCEPTS = [
    "government", "ministry", "citizens", "open", "data", "budget", "public", "information",
    "access", "transparency", "accountability", "participation", "procurement", "contracts",
    "register", "platform", "digital", "services", "local", "national", "civil society",
    "report", "annual", "law", "reform", "publish", "improve", "strengthen", "monitor",
    "implement", "develop", "health", "education", "justice", "women", "youth", "parliament",
    "court", "and", "for", "new", "all",
]

# Function words (and, for) are used sparingly by the sentence composer.
FUNCTION_WORDS = (38, 39)

_RAW = {
    "en": "government|ministry|citizens|open|data|budget|public|information|access|transparency|"
          "accountability|participation|procurement|contracts|register|platform|digital|services|"
          "local|national|civil society|report|annual|law|reform|publish|improve|strengthen|"
          "monitor|implement|develop|health|education|justice|women|youth|parliament|court|and|"
          "for|new|all",
    "es": "gobierno|ministerio|ciudadanía|abierto|datos|presupuesto|público|información|acceso|"
          "transparencia|rendición de cuentas|participación|contratación|contratos|registro|"
          "plataforma|digital|servicios|local|nacional|sociedad civil|informe|anual|ley|reforma|"
          "publicar|mejorar|fortalecer|monitorear|implementar|desarrollar|salud|educación|"
          "justicia|mujeres|juventud|parlamento|tribunal|y|para|nuevo|todos",
    "fr": "gouvernement|ministère|citoyens|ouvert|données|budget|public|information|accès|"
          "transparence|redevabilité|participation|marchés publics|contrats|registre|plateforme|"
          "numérique|services|local|national|société civile|rapport|annuel|loi|réforme|publier|"
          "améliorer|renforcer|suivre|mettre en œuvre|développer|santé|éducation|justice|femmes|"
          "jeunesse|parlement|tribunal|et|pour|nouveau|tous",
    "pt": "governo|ministério|cidadãos|aberto|dados|orçamento|público|informação|acesso|"
          "transparência|prestação de contas|participação|compras públicas|contratos|registro|"
          "plataforma|digital|serviços|local|nacional|sociedade civil|relatório|anual|lei|reforma|"
          "publicar|melhorar|fortalecer|monitorar|implementar|desenvolver|saúde|educação|justiça|"
          "mulheres|juventude|parlamento|tribunal|e|para|novo|todos",
    "id": "pemerintah|kementerian|warga|terbuka|data|anggaran|publik|informasi|akses|transparansi|"
          "akuntabilitas|partisipasi|pengadaan|kontrak|registri|platform|digital|layanan|daerah|"
          "nasional|masyarakat sipil|laporan|tahunan|undang-undang|reformasi|menerbitkan|"
          "meningkatkan|memperkuat|memantau|melaksanakan|mengembangkan|kesehatan|pendidikan|"
          "keadilan|perempuan|pemuda|parlemen|pengadilan|dan|untuk|baru|semua",
    "sw": "serikali|wizara|wananchi|wazi|takwimu|bajeti|umma|taarifa|upatikanaji|uwazi|"
          "uwajibikaji|ushiriki|ununuzi|mikataba|rejista|jukwaa|kidijitali|huduma|mitaa|kitaifa|"
          "asasi za kiraia|ripoti|kila mwaka|sheria|mageuzi|kuchapisha|kuboresha|kuimarisha|"
          "kufuatilia|kutekeleza|kuendeleza|afya|elimu|haki|wanawake|vijana|bunge|mahakama|na|"
          "kwa|mpya|wote",
    "ar": "الحكومة|الوزارة|المواطنون|المفتوحة|البيانات|الميزانية|العامة|المعلومات|الوصول|الشفافية|"
          "المساءلة|المشاركة|المشتريات|العقود|السجل|المنصة|الرقمية|الخدمات|المحلية|الوطنية|"
          "المجتمع المدني|التقرير|السنوي|القانون|الإصلاح|نشر|تحسين|تعزيز|رصد|تنفيذ|تطوير|الصحة|"
          "التعليم|العدالة|النساء|الشباب|البرلمان|المحكمة|و|من أجل|الجديد|جميع",
    "ru": "правительство|министерство|граждане|открытые|данные|бюджет|публичный|информация|доступ|"
          "прозрачность|подотчётность|участие|закупки|контракты|реестр|платформа|цифровой|услуги|"
          "местный|национальный|гражданское общество|отчёт|ежегодный|закон|реформа|опубликовать|"
          "улучшить|укрепить|отслеживать|внедрить|развивать|здравоохранение|образование|"
          "правосудие|женщины|молодёжь|парламент|суд|и|для|новый|все",
    "uk": "уряд|міністерство|громадяни|відкриті|дані|бюджет|публічний|інформація|доступ|"
          "прозорість|підзвітність|участь|закупівлі|договори|реєстр|платформа|цифровий|послуги|"
          "місцевий|національний|громадянське суспільство|звіт|щорічний|закон|реформа|"
          "оприлюднити|покращити|зміцнити|відстежувати|впровадити|розвивати|охорона здоров’я|"
          "освіта|правосуддя|жінки|молодь|парламент|суд|і|для|новий|усі",
    "ka": "მთავრობა|სამინისტრო|მოქალაქეები|ღია|მონაცემები|ბიუჯეტი|საჯარო|ინფორმაცია|"
          "ხელმისაწვდომობა|გამჭვირვალობა|ანგარიშვალდებულება|მონაწილეობა|შესყიდვები|"
          "ხელშეკრულებები|რეესტრი|პლატფორმა|ციფრული|სერვისები|ადგილობრივი|ეროვნული|"
          "სამოქალაქო საზოგადოება|ანგარიში|წლიური|კანონი|რეფორმა|გამოქვეყნება|გაუმჯობესება|"
          "გაძლიერება|მონიტორინგი|განხორციელება|განვითარება|ჯანდაცვა|განათლება|მართლმსაჯულება|"
          "ქალები|ახალგაზრდები|პარლამენტი|სასამართლო|და|მიზნით|ახალი|ყველა",
    "hy": "կառավարություն|նախարարություն|քաղաքացիներ|բաց|տվյալներ|բյուջե|հանրային|"
          "տեղեկատվություն|մատչելիություն|թափանցիկություն|հաշվետվողականություն|մասնակցություն|"
          "գնումներ|պայմանագրեր|ռեեստր|հարթակ|թվային|ծառայություններ|տեղական|ազգային|"
          "քաղաքացիական հասարակություն|զեկույց|տարեկան|օրենք|բարեփոխում|հրապարակել|բարելավել|"
          "ամրապնդել|վերահսկել|իրականացնել|զարգացնել|առողջապահություն|կրթություն|"
          "արդարադատություն|կանայք|երիտասարդներ|խորհրդարան|դատարան|և|համար|նոր|բոլոր",
    "hi": "सरकार|मंत्रालय|नागरिक|खुला|डेटा|बजट|सार्वजनिक|सूचना|पहुँच|पारदर्शिता|जवाबदेही|भागीदारी|"
          "खरीद|अनुबंध|रजिस्टर|मंच|डिजिटल|सेवाएँ|स्थानीय|राष्ट्रीय|नागरिक समाज|रिपोर्ट|वार्षिक|"
          "कानून|सुधार|प्रकाशित करना|सुधारना|मज़बूत करना|निगरानी|लागू करना|विकसित करना|स्वास्थ्य|"
          "शिक्षा|न्याय|महिलाएँ|युवा|संसद|न्यायालय|और|के लिए|नया|सभी",
    "bn": "সরকার|মন্ত্রণালয়|নাগরিক|উন্মুক্ত|উপাত্ত|বাজেট|সরকারি|তথ্য|প্রবেশাধিকার|স্বচ্ছতা|"
          "জবাবদিহিতা|অংশগ্রহণ|ক্রয়|চুক্তি|নিবন্ধন|প্ল্যাটফর্ম|ডিজিটাল|সেবা|স্থানীয়|জাতীয়|"
          "সুশীল সমাজ|প্রতিবেদন|বার্ষিক|আইন|সংস্কার|প্রকাশ|উন্নত করা|শক্তিশালী করা|পর্যবেক্ষণ|"
          "বাস্তবায়ন|উন্নয়ন|স্বাস্থ্য|শিক্ষা|বিচার|নারী|যুবসমাজ|সংসদ|আদালত|এবং|জন্য|নতুন|সকল",
    "th": "รัฐบาล|กระทรวง|ประชาชน|เปิด|ข้อมูล|งบประมาณ|สาธารณะ|สารสนเทศ|การเข้าถึง|ความโปร่งใส|"
          "ความรับผิดชอบ|การมีส่วนร่วม|การจัดซื้อจัดจ้าง|สัญญา|ทะเบียน|แพลตฟอร์ม|ดิจิทัล|บริการ|"
          "ท้องถิ่น|แห่งชาติ|ภาคประชาสังคม|รายงาน|ประจำปี|กฎหมาย|การปฏิรูป|เผยแพร่|ปรับปรุง|"
          "เสริมสร้าง|ติดตาม|ดำเนินการ|พัฒนา|สาธารณสุข|การศึกษา|ความยุติธรรม|สตรี|เยาวชน|รัฐสภา|"
          "ศาล|และ|เพื่อ|ใหม่|ทั้งหมด",
    "ko": "정부|부처|시민|개방|데이터|예산|공공|정보|접근|투명성|책임성|참여|조달|계약|등록부|"
          "플랫폼|디지털|서비스|지방|국가|시민사회|보고서|연례|법률|개혁|공개|개선|강화|모니터링|"
          "이행|개발|보건|교육|사법|여성|청년|국회|법원|및|위한|새로운|모든",
    "ja": "政府|省|市民|公開|データ|予算|公共|情報|アクセス|透明性|説明責任|参加|調達|契約|登録簿|"
          "プラットフォーム|デジタル|サービス|地方|国|市民社会|報告書|年次|法律|改革|公表|改善|強化|"
          "監視|実施|開発|保健|教育|司法|女性|若者|国会|裁判所|と|ための|新しい|すべて",
    "zh": "政府|部|公民|开放|数据|预算|公共|信息|获取|透明|问责|参与|采购|合同|登记册|平台|数字|"
          "服务|地方|国家|公民社会|报告|年度|法律|改革|公布|改善|加强|监测|实施|发展|卫生|教育|"
          "司法|妇女|青年|议会|法院|和|为了|新|所有",
    "el": "κυβέρνηση|υπουργείο|πολίτες|ανοικτά|δεδομένα|προϋπολογισμός|δημόσιο|πληροφορίες|"
          "πρόσβαση|διαφάνεια|λογοδοσία|συμμετοχή|προμήθειες|συμβάσεις|μητρώο|πλατφόρμα|ψηφιακή|"
          "υπηρεσίες|τοπική|εθνική|κοινωνία πολιτών|έκθεση|ετήσια|νόμος|μεταρρύθμιση|δημοσίευση|"
          "βελτίωση|ενίσχυση|παρακολούθηση|εφαρμογή|ανάπτυξη|υγεία|παιδεία|δικαιοσύνη|γυναίκες|"
          "νέοι|βουλή|δικαστήριο|και|για|νέο|όλοι",
    "he": "ממשלה|משרד|אזרחים|פתוח|נתונים|תקציב|ציבורי|מידע|נגישות|שקיפות|אחריותיות|השתתפות|רכש|"
          "חוזים|מרשם|פלטפורמה|דיגיטלי|שירותים|מקומי|לאומי|חברה אזרחית|דוח|שנתי|חוק|רפורמה|פרסום|"
          "שיפור|חיזוק|מעקב|יישום|פיתוח|בריאות|חינוך|צדק|נשים|צעירים|כנסת|בית משפט|וגם|עבור|חדש|כל",
    "mn": "засгийн газар|яам|иргэд|нээлттэй|өгөгдөл|төсөв|нийтийн|мэдээлэл|хүртээмж|"
          "ил тод байдал|хариуцлага|оролцоо|худалдан авалт|гэрээ|бүртгэл|платформ|цахим|"
          "үйлчилгээ|орон нутгийн|үндэсний|иргэний нийгэм|тайлан|жилийн|хууль|шинэчлэл|нийтлэх|"
          "сайжруулах|бэхжүүлэх|хянах|хэрэгжүүлэх|хөгжүүлэх|эрүүл мэнд|боловсрол|шүүх эрх мэдэл|"
          "эмэгтэйчүүд|залуучууд|парламент|шүүх|ба|төлөө|шинэ|бүх",
}

#: concept words per language, NFC-normalised (some Indic letters are not NFC as typed).
WORDS: dict[str, list[str]] = {
    lang: [unicodedata.normalize("NFC", w) for w in raw.split("|")] for lang, raw in _RAW.items()
}
for _lang, _words in WORDS.items():
    assert len(_words) == len(CONCEPTS), (_lang, len(_words))

# How sentences are written: word separator, sentence end, clause separator, and whether the
# script has letter case (Georgian Mkhedruli must not be upper-cased: that gives Mtavruli).
STYLE: dict[str, tuple[str, str, str, bool]] = {
    "en": (" ", ".", ", ", True), "es": (" ", ".", ", ", True), "fr": (" ", ".", ", ", True),
    "pt": (" ", ".", ", ", True), "id": (" ", ".", ", ", True), "sw": (" ", ".", ", ", True),
    "ar": (" ", ".", "، ", False), "ru": (" ", ".", ", ", True), "uk": (" ", ".", ", ", True),
    "ka": (" ", ".", ", ", False), "hy": (" ", "։", ", ", True), "hi": (" ", "।", ", ", False),
    "bn": (" ", "।", ", ", False), "th": ("", "", " ", False), "ko": (" ", ".", ", ", False),
    "ja": ("", "。", "、", False), "zh": ("", "。", "，", False), "el": (" ", ".", ", ", True),
    "he": (" ", ".", ", ", False), "mn": (" ", ".", ", ", True),
}

#: The non-English languages, ordered so that even a small corpus covers many scripts.
ADMIN_LANGUAGES = [
    "ar", "ru", "ka", "hi", "zh", "es", "th", "fr", "ko", "el",
    "hy", "bn", "ja", "he", "mn", "uk", "pt", "id", "sw",
]

LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese", "id": "Indonesian",
    "sw": "Swahili", "ar": "Arabic", "ru": "Russian", "uk": "Ukrainian", "ka": "Georgian",
    "hy": "Armenian", "hi": "Hindi", "bn": "Bengali", "th": "Thai", "ko": "Korean",
    "ja": "Japanese", "zh": "Chinese", "el": "Greek", "he": "Hebrew", "mn": "Mongolian",
}

# Script of each language, for the syllable table used to write country names.
SCRIPT = {
    "en": "latn", "es": "latn", "fr": "latn", "pt": "latn", "id": "latn", "sw": "latn",
    "ar": "arab", "ru": "cyrl", "uk": "cyrl", "mn": "cyrl", "ka": "geor", "hy": "armn",
    "hi": "deva", "bn": "beng", "th": "thai", "ko": "kore", "ja": "kana", "zh": "hani",
    "el": "grek", "he": "hebr",
}

# Syllables for fictional country names, transliterated into each script.
_SYLLABLES_RAW = [
    # latn  cyrl  grek  geor  armn  arab  hebr  deva  beng  thai  kore  kana  hani
    "ka|ка|κα|კა|կա|كا|קה|का|কা|คา|카|カ|卡",
    "ri|ри|ρι|რი|րի|ري|רי|री|রি|รี|리|リ|里",
    "na|на|να|ნა|նա|نا|נה|ना|না|นา|나|ナ|纳",
    "to|то|το|ტო|տո|تو|טו|तो|তো|โต|토|ト|托",
    "la|ла|λα|ლა|լա|لا|לה|ला|লা|ลา|라|ラ|拉",
    "mo|мо|μο|მო|մո|مو|מו|मो|মো|โม|모|モ|莫",
    "sa|са|σα|სა|սա|سا|סה|सा|সা|ซา|사|サ|萨",
    "do|до|ντο|დო|դո|دو|דו|डो|ডো|โด|도|ド|多",
    "ve|ве|βε|ვე|վե|في|וה|वे|ভে|เว|베|ヴェ|维",
    "ni|ни|νι|ნი|նի|ني|ני|नि|নি|นี|니|ニ|尼",
    "ta|та|τα|თა|թա|تا|טה|ता|তা|ทา|타|タ|塔",
    "ma|ма|μα|მა|մա|ما|מה|मा|মা|มา|마|マ|马",
    "ko|ко|κο|კო|կո|كو|קו|को|কো|โค|코|コ|科",
    "be|бе|μπε|ბე|բե|بي|בה|बे|বে|เบ|베|ベ|贝",
    "lu|лу|λου|ლუ|լու|لو|לו|लु|লু|ลู|루|ル|卢",
]
_SCRIPTS = ["latn", "cyrl", "grek", "geor", "armn", "arab", "hebr", "deva", "beng", "thai",
            "kore", "kana", "hani"]
SYLLABLES = [dict(zip(_SCRIPTS, (unicodedata.normalize("NFC", p) for p in row.split("|")),
                      strict=True))
             for row in _SYLLABLES_RAW]

FIRST_NAMES = [
    "Ana", "Amir", "Lina", "Omar", "Nino", "Giorgi", "Mariam", "Arman", "Priya", "Rahul",
    "Farida", "Karim", "Sofia", "Elena", "Ivan", "Olena", "Taras", "Batbayar", "Saran", "Min-jun",
    "Ji-woo", "Yuki", "Haruto", "Wei", "Li", "Nikos", "Eleni", "Noa", "Yael", "Somchai",
    "Malee", "Lucía", "Mateo", "Camille", "Hugo", "João", "Beatriz", "Dewi", "Budi", "Amani",
]
