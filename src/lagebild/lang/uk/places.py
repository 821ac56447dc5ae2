"""Place-spotting hints for Ukrainian: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"в", "у", "з", "із", "зі", "на", "під", "біля", "поблизу", "до", "від", "по"})

# Words that join names in a list ("X, Y and Z"): names listed together are mostly of one kind.
LIST_WORDS = frozenset({"і", "й", "та", "або"})

# (ending, replacement) on the last word; Ukrainian also alternates і/о/е in the last syllable
# ("Києві" -> "Київ", "Львова" -> "Львів", "Харкові" -> "Харків").
SUFFIXES = (
    ("і", ""),
    ("а", ""),
    ("у", ""),
    ("ом", ""),
    ("ем", ""),
    ("і", "а"),
    ("и", "а"),
    ("у", "а"),
    ("ою", "а"),
    ("ї", "я"),
    ("ію", "ія"),
    ("ією", "ія"),
    ("і", "я"),
    ("ю", "я"),
    ("ею", "я"),
    ("єві", "їв"),
    ("єва", "їв"),
    ("євом", "їв"),
    ("єву", "їв"),
    ("ові", "ів"),
    ("ова", "ів"),
    ("ову", "ів"),
    ("овом", "ів"),
    ("еві", "ів"),
    ("ева", "ів"),
    ("ах", "и"),
    ("ам", "и"),
    ("ами", "и"),
    ("ів", "и"),
)

# (ending, replacement) on the first word of a longer name, an adjective that declines with it:
# "у Нагірному Карабаху" -> "Нагірний Карабах".
ADJECTIVE_SUFFIXES = (
    ("ому", "ий"),
    ("ого", "ий"),
    ("им", "ий"),
    ("ім", "ій"),
    ("ої", "а"),
    ("ій", "а"),
    ("у", "а"),
)

NOT_PLACES = frozenset(
    """січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень
    понеділок вівторок середа четвер пʼятниця субота неділя бог""".split()
)

DEMONYMS = {
    "американськ": "US",
    "російськ": "RU",
    "українськ": "UA",
    "німецьк": "DE",
    "французьк": "FR",
    "британськ": "GB",
    "китайськ": "CN",
    "турецьк": "TR",
    "іранськ": "IR",
    "сирійськ": "SY",
    "ізраїльськ": "IL",
    "казахстанськ": "KZ",
    "казахськ": "KZ",
    "білоруськ": "BY",
    "польськ": "PL",
    "грузинськ": "GE",
    "вірменськ": "AM",
    "азербайджанськ": "AZ",
}

# Common nouns for the capital: a reference to the capital of the country in context
# ("the capital", "die Hauptstadt", "العاصمة"), never a town of that name.
CAPITAL_WORDS = frozenset("столиця столиці столицю столицею".split())

# Words for an administrative region: next to a name they say the region is meant, not its
# namesake city ("Valparaíso Region", "محافظة الخرطوم").
REGION_WORDS = frozenset("область області областю провінція провінції регіон регіону район району".split())
