"""Place-spotting hints for German: see lagebild.places.spotter for how each is used."""

# German capitalises every noun: a capitalised word before a name says nothing.
CAPITALISED_NOUNS = True

# Articles: a small place's name right after one is a noun ("die Lage", "der Wald"); only some
# countries and regions take an article ("die Ukraine", "der Donbass").
ARTICLES = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen"}
)

PREPOSITIONS = frozenset({"in", "im", "nach", "aus", "bei", "nahe", "von", "vom", "um", "gegen"})

# Words that join names in a list ("X, Y and Z"): names listed together are mostly of one kind.
LIST_WORDS = frozenset({"und", "oder", "sowie"})

# (ending, replacement) tried on the last word of a name: the genitive "Kasachstans", "Irans".
SUFFIXES = (("s", ""), ("es", ""))

NOT_PLACES = frozenset(
    """januar februar märz april mai juni juli august september oktober november dezember
    montag dienstag mittwoch donnerstag freitag samstag sonntag gott polizei regierung präsident
    universität schule kirche straße nord süd ost west mitte ende
    norden süden osten westen lage""".split()
)

DEMONYMS = {
    "amerikan": "US",
    "russisch": "RU",
    "russe": "RU",
    "russin": "RU",
    "ukrainisch": "UA",
    "ukrainer": "UA",
    "deutsch": "DE",
    "französisch": "FR",
    "britisch": "GB",
    "chinesisch": "CN",
    "türkisch": "TR",
    "iranisch": "IR",
    "irakisch": "IQ",
    "syrisch": "SY",
    "israelisch": "IL",
    "palästinensisch": "PS",
    "afghanisch": "AF",
    "pakistanisch": "PK",
    "indisch": "IN",
    "kasachisch": "KZ",
    "kasache": "KZ",
    "usbekisch": "UZ",
    "kirgisisch": "KG",
    "tadschikisch": "TJ",
    "georgisch": "GE",
    "armenisch": "AM",
    "aserbaidschanisch": "AZ",
    "belarussisch": "BY",
    "polnisch": "PL",
    "österreichisch": "AT",
    "schweizer": "CH",
    "italienisch": "IT",
    "spanisch": "ES",
    "japanisch": "JP",
    "ägyptisch": "EG",
}

# Common nouns for the capital: a reference to the capital of the country in context
# ("the capital", "die Hauptstadt", "العاصمة"), never a town of that name.
CAPITAL_WORDS = frozenset("hauptstadt".split())

# Words for an administrative region: next to a name they say the region is meant, not its
# namesake city ("Valparaíso Region", "محافظة الخرطوم").
REGION_WORDS = frozenset(
    "provinz region bundesland bundesstaat oblast gouvernement bezirk kreis landkreis departement".split()
)
