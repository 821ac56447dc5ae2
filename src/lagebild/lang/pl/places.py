"""Place-spotting hints for Polish: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"w", "we", "z", "ze", "do", "na", "pod", "koło", "obok", "od"})

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
