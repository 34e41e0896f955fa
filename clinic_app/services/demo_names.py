"""Invented name parts per nationality for the demo data, written in each language's script.

Combinations of these parts are fictional persons. Where a name is usually written in two
scripts, a part is ``"native|latin"``: both spellings are recorded, one as an alias.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Order(StrEnum):
    GIVEN_FIRST = "given_first"
    FAMILY_FIRST = "family_first"  # Vietnamese and Chinese usage


@dataclass(frozen=True)
class NameSet:
    """Name parts of one nationality. ``native_preferred``: the native-script spelling is the
    main name and the Latin one an alias (Cyrillic); otherwise the reverse (Thai, Han)."""

    country: str  # ISO 3166-1 alpha-2
    language: str  # BCP 47 tag of the first language
    script: str  # ISO 15924 of the native spelling
    female: tuple[str, ...]
    male: tuple[str, ...]
    family: tuple[str, ...]
    order: Order = Order.GIVEN_FIRST
    alias_script: str = ""  # script of the second spelling, when parts are "native|latin"
    native_preferred: bool = False
    female_middle: str = ""  # e.g. Vietnamese "Thị"
    male_middle: str = ""


NAME_SETS: dict[str, NameSet] = {
    "RO": NameSet(
        "RO",
        "ro",
        "Latn",
        female=(
            "Ioana",
            "Mădălina",
            "Ștefania",
            "Andreea",
            "Florentina",
            "Alexandra",
            "Bianca",
            "Larisa",
            "Roxana",
            "Cătălina",
            "Denisa",
            "Nicoleta",
            "Ramona",
            "Gabriela",
        ),
        male=("Ionuț", "Marian", "Florin", "Costel", "Vasile", "Adrian", "Gheorghe", "Răzvan"),
        family=(
            "Popescu",
            "Dumitrescu",
            "Stănescu",
            "Țurcanu",
            "Mureșan",
            "Bălan",
            "Constantin",
            "Ungureanu",
            "Lăcătuș",
            "Căpraru",
            "Ciobanu",
            "Rădulescu",
            "Vlădoianu",
            "Enache",
        ),
    ),
    "BG": NameSet(
        "BG",
        "bg",
        "Latn",
        female=(
            "Desislava|Десислава",
            "Radka|Радка",
            "Tsvetelina|Цветелина",
            "Milena|Милена",
            "Yordanka|Йорданка",
            "Gergana|Гергана",
            "Petya|Петя",
            "Stanislava|Станислава",
        ),
        male=("Dimitar|Димитър", "Kiril|Кирил", "Stoyan|Стоян", "Lyubomir|Любомир"),
        family=(
            "Petrova|Петрова",
            "Georgieva|Георгиева",
            "Stoyanova|Стоянова",
            "Kirova|Кирова",
            "Angelova|Ангелова",
            "Hristova|Христова",
            "Dimova|Димова",
            "Yankova|Янкова",
        ),
        alias_script="Cyrl",
    ),
    "HU": NameSet(
        "HU",
        "hu",
        "Latn",
        female=("Eszter", "Réka", "Zsófia", "Ágnes", "Tímea", "Krisztina", "Boglárka", "Enikő"),
        male=("Gábor", "László", "Zoltán", "Bence", "Dániel", "Attila"),
        family=(
            "Kovács",
            "Szabó",
            "Horváth",
            "Oláh",
            "Lakatos",
            "Balogh",
            "Farkas",
            "Rácz",
            "Sárközi",
            "Bódi",
        ),
    ),
    "UA": NameSet(
        "UA",
        "uk",
        "Cyrl",
        female=(
            "Олена|Olena",
            "Ірина|Iryna",
            "Оксана|Oksana",
            "Юлія|Yuliia",
            "Тетяна|Tetiana",
            "Наталія|Nataliia",
            "Катерина|Kateryna",
            "Вікторія|Viktoriia",
            "Галина|Halyna",
            "Софія|Sofiia",
            "Людмила|Liudmyla",
        ),
        male=("Андрій|Andrii", "Олександр|Oleksandr", "Богдан|Bohdan", "Тарас|Taras"),
        family=(
            "Коваленко|Kovalenko",
            "Шевчук|Shevchuk",
            "Бондаренко|Bondarenko",
            "Ткаченко|Tkachenko",
            "Мельник|Melnyk",
            "Кравчук|Kravchuk",
            "Савчук|Savchuk",
            "Литвиненко|Lytvynenko",
            "Гнатюк|Hnatiuk",
            "Поліщук|Polishchuk",
        ),
        alias_script="Latn",
        native_preferred=True,
    ),
    "RU": NameSet(
        "RU",
        "ru",
        "Cyrl",
        female=(
            "Анастасия|Anastasiya",
            "Екатерина|Yekaterina",
            "Светлана|Svetlana",
            "Ольга|Olga",
            "Марина|Marina",
            "Дарья|Darya",
            "Ксения|Kseniya",
        ),
        male=("Дмитрий|Dmitriy", "Сергей|Sergey", "Алексей|Aleksey"),
        family=(
            "Смирнова|Smirnova",
            "Кузнецова|Kuznetsova",
            "Волкова|Volkova",
            "Соколова|Sokolova",
            "Морозова|Morozova",
            "Лебедева|Lebedeva",
        ),
        alias_script="Latn",
        native_preferred=True,
    ),
    "TH": NameSet(
        "TH",
        "th",
        "Latn",
        female=(
            "Siriporn|ศิริพร",
            "Kanokwan|กนกวรรณ",
            "Ratana|รัตนา",
            "Malee|มาลี",
            "Pornthip|พรทิพย์",
            "Sukanya|สุกัญญา",
            "Wanida|วนิดา",
            "Nongnuch|นงนุช",
            "Jintana|จินตนา",
            "Duangjai|ดวงใจ",
        ),
        male=("Somchai|สมชาย", "Anan|อนันต์", "Prasert|ประเสริฐ"),
        family=(
            "Chaiyasit|ชัยสิทธิ์",
            "Srisuk|ศรีสุข",
            "Boonmee|บุญมี",
            "Thongdee|ทองดี",
            "Kaewmanee|แก้วมณี",
            "Sukjai|สุขใจ",
            "Phromma|พรหมมา",
            "Rattanaporn|รัตนาภรณ์",
        ),
        alias_script="Thai",
    ),
    "VN": NameSet(
        "VN",
        "vi",
        "Latn",
        female=("Hương", "Lan", "Ngọc Anh", "Thảo", "Hằng", "Phương", "Trang", "Mai", "Huyền"),
        male=("Minh", "Tuấn", "Đức", "Hùng", "Quang"),
        family=("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ"),
        order=Order.FAMILY_FIRST,
        female_middle="Thị",
        male_middle="Văn",
    ),
    "CN": NameSet(
        "CN",
        "zh",
        "Latn",
        female=("Mei|梅", "Xiaoling|晓玲", "Li Na|丽娜", "Hui|慧", "Yan|燕", "Jing|静"),
        male=("Wei|伟", "Jun|军", "Qiang|强"),
        family=("Li|李", "Wang|王", "Zhang|张", "Liu|刘", "Chen|陈", "Zhao|赵"),
        order=Order.FAMILY_FIRST,
        alias_script="Hans",
    ),
    "NG": NameSet(
        "NG",
        "en",
        "Latn",
        female=(
            "Blessing",
            "Precious",
            "Joy",
            "Favour",
            "Gift",
            "Osas",
            "Efosa",
            "Ngozi",
            "Chioma",
            "Funmilayo",
            "Adaeze",
            "Omoye",
            "Peace",
            "Esohe",
        ),
        male=("Osaro", "Emeka", "Chinedu", "Tunde", "Ikenna"),
        family=(
            "Okafor",
            "Igbinedion",
            "Osagie",
            "Eze",
            "Adebayo",
            "Omoregie",
            "Nwosu",
            "Ehigiator",
            "Okonkwo",
            "Aigbe",
            "Uwaifo",
            "Ogbeide",
        ),
    ),
    "UG": NameSet(
        "UG",
        "en",
        "Latn",
        female=("Nakato", "Achieng", "Namubiru", "Nansubuga", "Atim", "Akello", "Nabirye"),
        male=("Okello", "Mugisha", "Ssemakula"),
        family=("Nalwoga", "Kyomuhendo", "Auma", "Namatovu", "Tumusiime", "Ochieng", "Kato"),
    ),
    "PH": NameSet(
        "PH",
        "tl",
        "Latn",
        female=("Maria Cristina", "Jocelyn", "Rowena", "Marites", "Analyn", "Jennylyn"),
        male=("Rodel", "Jomar", "Arnel"),
        family=("Santos", "Reyes", "dela Cruz", "Bautista", "Villanueva", "Mangubat", "Dizon"),
    ),
    "AL": NameSet(
        "AL",
        "sq",
        "Latn",
        female=("Elira", "Ërmira", "Anisa", "Blerta", "Dorina", "Xhensila", "Klodiana"),
        male=("Arbër", "Gëzim", "Ilir", "Dritan"),
        family=("Hoxha", "Çela", "Shehu", "Dervishi", "Gjoka", "Bërdufi", "Kërçiku"),
    ),
    "BR": NameSet(
        "BR",
        "pt",
        "Latn",
        female=("Ana Paula", "Luíza", "Fernanda", "Cláudia", "Jéssica", "Thaís", "Patrícia"),
        male=("João", "Márcio", "Rogério"),
        family=("Conceição", "Pereira", "Gonçalves", "Araújo", "Sousa", "Magalhães", "Brandão"),
    ),
    "DK": NameSet(
        "DK",
        "da",
        "Latn",
        female=("Mette", "Sørine", "Camilla", "Line", "Maja"),
        male=("Søren", "Mikkel", "Jonas"),
        family=("Sørensen", "Møller", "Kjær", "Østergaard", "Bech"),
    ),
    "ER": NameSet(
        "ER",
        "ti",
        "Ethi",
        female=("ሰላም|Selam", "ሃና|Hanna", "ሳባ|Saba", "ኤልሳ|Elsa", "ሉዋም|Luwam", "ፍዮሪ|Fiori"),
        male=("ዳዊት|Dawit", "ተስፋይ|Tesfay", "ዮናስ|Yonas"),
        family=("ተኽለ|Tekle", "ገብረ|Gebre", "ሃይለ|Haile", "ብርሃነ|Berhane", "ኪዳነ|Kidane"),
        alias_script="Latn",
        native_preferred=True,
    ),
    "ET": NameSet(
        "ET",
        "am",
        "Ethi",
        female=("አበባ|Abeba", "ትዕግስት|Tigist", "መሰረት|Meseret", "ሕይወት|Hiwot"),
        male=("አበበ|Abebe", "ብርሃኑ|Birhanu"),
        family=("በቀለ|Bekele", "ታደሰ|Tadesse", "ወልደ|Wolde", "አለሙ|Alemu"),
        alias_script="Latn",
        native_preferred=True,
    ),
    "SY": NameSet(
        "SY",
        "ar",
        "Arab",
        female=("فاطمة|Fatima", "مريم|Maryam", "نور|Nour", "ليلى|Layla", "رنا|Rana"),
        male=("محمد|Mohammed", "أحمد|Ahmad", "يوسف|Yousef", "خالد|Khaled"),
        family=("عبد الله|Abdullah", "حداد|Haddad", "خوري|Khoury", "العلي|Al-Ali", "حمدان|Hamdan"),
        alias_script="Latn",
        native_preferred=True,
    ),
    "NP": NameSet(
        "NP",
        "ne",
        "Deva",
        female=("सीता|Sita", "गीता|Gita", "सरिता|Sarita", "माया|Maya"),
        male=("राम|Ram", "हरि|Hari"),
        family=("शर्मा|Sharma", "थापा|Thapa", "गुरुङ|Gurung", "तामाङ|Tamang"),
        alias_script="Latn",
        native_preferred=True,
    ),
    "BD": NameSet(
        "BD",
        "bn",
        "Beng",
        female=("রহিমা|Rahima", "সুমি|Sumi", "নাসরিন|Nasrin", "ফারহানা|Farhana"),
        male=("রহিম|Rahim", "করিম|Karim"),
        family=("উদ্দিন|Uddin", "আক্তার|Akter", "হোসেন|Hossain", "বেগম|Begum"),
        alias_script="Latn",
        native_preferred=True,
    ),
    "KR": NameSet(
        "KR",
        "ko",
        "Hang",
        female=("지현|Ji-hyun", "서연|Seo-yeon", "민지|Min-ji"),
        male=("민준|Min-jun",),
        family=("김|Kim", "이|Lee", "박|Park", "최|Choi"),
        order=Order.FAMILY_FIRST,
        alias_script="Latn",
        native_preferred=True,
    ),
    "TW": NameSet(
        "TW",
        "zh-hant",
        "Hant",
        female=("美玲|Mei-ling", "淑芬|Shu-fen", "雅婷|Ya-ting"),
        male=("志明|Chih-ming", "家豪|Chia-hao"),
        family=("陳|Chen", "林|Lin", "黃|Huang", "張|Chang"),
        order=Order.FAMILY_FIRST,
        alias_script="Latn",
        native_preferred=True,
    ),
    "GR": NameSet(
        "GR",
        "el",
        "Grek",
        female=("Ελένη|Eleni", "Μαρία|Maria", "Δήμητρα|Dimitra"),
        male=("Γιώργος|Giorgos", "Νίκος|Nikos"),
        family=("Νικολάου|Nikolaou", "Γεωργίου|Georgiou", "Οικονόμου|Oikonomou"),
        alias_script="Latn",
        native_preferred=True,
    ),
}

# Relative frequency of nationalities among the fictional persons (roughly the published
# pattern: Nigeria, Romania and Thailand first, then Uganda, Ukraine, Vietnam and others).
NATIONALITY_WEIGHTS: dict[str, int] = {
    "NG": 22, "RO": 16, "TH": 12, "UG": 7, "UA": 7, "VN": 6, "BG": 6, "HU": 5, "CN": 4,
    "PH": 4, "AL": 3, "BR": 3, "RU": 2, "DK": 3,
    "ER": 4, "ET": 2, "SY": 2, "NP": 1, "BD": 1, "KR": 1, "TW": 1, "GR": 1,
}  # fmt: skip

# Extra languages by nationality, after the first language (for PersonLanguage rows).
SECOND_LANGUAGES: dict[str, tuple[str, ...]] = {
    "NG": ("bin", "yo", "ig"),
    "UG": ("lg",),
    "UA": ("ru",),
    "BG": ("rom",),
    "RO": ("rom",),
    "HU": ("rom",),
    "PH": ("en",),
}

# Invented Danish names for staff, guardians and partners' contacts.
STAFF_NAMES: tuple[str, ...] = (
    "Anne Holm Kirkegaard", "Birgitte Lund Dahl", "Camilla Vestergaard", "Dorthe Friis",
    "Eva Lindholm", "Freja Damsgaard", "Gitte Bjerre", "Hanne Skov Mortensen",
    "Ida Krogh", "Jens Aagaard", "Karen Brøndum", "Lise Thorsager", "Maria Kvist",
    "Nanna Overgaard", "Pernille Høj", "Rikke Nørgaard", "Signe Bøgh", "Tove Lykke",
)  # fmt: skip

GUARDIAN_NAMES: tuple[str, ...] = (
    "Ane Mølgaard", "Bent Ravnsholt", "Charlotte Buus", "Dines Grønbech", "Elsebeth Toft",
    "Flemming Ahlgren", "Grethe Lindvig", "Henrik Smed", "Inger Bach Lauridsen",
)  # fmt: skip
