"""Place-spotting hints for Polish: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"w", "we", "z", "ze", "do", "na", "pod", "koło", "obok", "od"})

# Words that join names in a list ("X, Y and Z"): names listed together are mostly of one kind.
LIST_WORDS = frozenset({"i", "oraz", "lub", "albo"})

# (ending, replacement) on the last word: "w Warszawie" -> "Warszawa", "z Polski" -> "Polska".
SUFFIXES = (
    ("ie", "a"),
    ("y", "a"),
    ("i", "a"),
    ("ę", "a"),
    ("ą", "a"),
    ("u", ""),
    ("em", ""),
    ("ie", ""),
    ("ki", "ka"),
    ("ce", "ka"),
    ("kę", "ka"),
    ("ów", "y"),
    ("ach", "y"),
)

NOT_PLACES = frozenset(
    """styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień
    poniedziałek wtorek środa czwartek piątek sobota niedziela bóg policja rząd prezydent""".split()
)

DEMONYMS = {"amerykańsk": "US", "rosyjsk": "RU", "ukraińsk": "UA", "niemieck": "DE", "polsk": "PL"}

# Common nouns for the capital: a reference to the capital of the country in context
# ("the capital", "die Hauptstadt", "العاصمة"), never a town of that name.
CAPITAL_WORDS = frozenset("stolica stolicy stolicę stolicą stolicach".split())

# Words for an administrative region: next to a name they say the region is meant, not its
# namesake city ("Valparaíso Region", "محافظة الخرطوم").
REGION_WORDS = frozenset(
    "województwo województwie prowincja prowincji region regionie obwód obwodzie".split()
)
