"""Place-spotting hints for Russian: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"в", "во", "из", "на", "под", "около", "возле", "близ", "до", "от", "с", "по"})

# Words that join names in a list ("X, Y and Z"): names listed together are mostly of one kind.
LIST_WORDS = frozenset({"и", "или"})

# (ending, replacement) on the last word: case forms back to the nominative of the gazetteer
# ("Казахстане" -> "Казахстан", "Москве" -> "Москва", "России" -> "Россия", "Киеве" -> "Киев").
SUFFIXES = (
    ("е", ""),
    ("а", ""),
    ("у", ""),
    ("ом", ""),
    ("ем", ""),
    ("ой", ""),
    ("е", "а"),
    ("ы", "а"),
    ("и", "а"),
    ("у", "а"),
    ("ой", "а"),
    ("ою", "а"),
    ("и", "ия"),
    ("ию", "ия"),
    ("ией", "ия"),
    ("ие", "ия"),
    ("е", "я"),
    ("и", "я"),
    ("ю", "я"),
    ("ей", "я"),
    ("и", "ь"),
    ("ью", "ь"),
    ("я", "ь"),
    ("ю", "ь"),
    ("ем", "ь"),
    ("ого", "ий"),
    ("ом", "ий"),
    ("ому", "ий"),
    ("ой", "ая"),
    ("ую", "ая"),
    ("ах", "ы"),
    ("ам", "ы"),
    ("ами", "ы"),
    ("ов", "ы"),
    ("ей", "ы"),
    ("ях", "и"),
)

# (ending, replacement) on the first word of a longer name, an adjective that declines with it:
# "в Нагорном Карабахе" -> "Нагорный Карабах", "в Нижнем Новгороде" -> "Нижний Новгород".
ADJECTIVE_SUFFIXES = (
    ("ом", "ый"),
    ("ого", "ый"),
    ("ому", "ый"),
    ("ым", "ый"),
    ("ом", "ой"),
    ("ого", "ой"),
    ("ем", "ий"),
    ("его", "ий"),
    ("ему", "ий"),
    ("им", "ий"),
    ("ой", "ая"),
    ("ую", "ая"),
    ("ей", "яя"),
)

NOT_PLACES = frozenset(
    """январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
    понедельник вторник среда четверг пятница суббота воскресенье бог""".split()
)

DEMONYMS = {
    "американск": "US",
    "российск": "RU",
    "русск": "RU",
    "украинск": "UA",
    "немецк": "DE",
    "германск": "DE",
    "французск": "FR",
    "британск": "GB",
    "китайск": "CN",
    "турецк": "TR",
    "иранск": "IR",
    "иракск": "IQ",
    "сирийск": "SY",
    "израильск": "IL",
    "палестинск": "PS",
    "афганск": "AF",
    "пакистанск": "PK",
    "индийск": "IN",
    "казахстанск": "KZ",
    "казахск": "KZ",
    "узбекск": "UZ",
    "киргизск": "KG",
    "кыргызск": "KG",
    "таджикск": "TJ",
    "грузинск": "GE",
    "армянск": "AM",
    "азербайджанск": "AZ",
    "белорусск": "BY",
    "польск": "PL",
}

# Common nouns for the capital: a reference to the capital of the country in context
# ("the capital", "die Hauptstadt", "العاصمة"), never a town of that name.
CAPITAL_WORDS = frozenset("столица столицы столице столицу столицей".split())

# Words for an administrative region: next to a name they say the region is meant, not its
# namesake city ("Valparaíso Region", "محافظة الخرطوم").
REGION_WORDS = frozenset(
    "область области областью провинция провинции регион региона регионе край края крае район района районе губернаторство".split()
)
