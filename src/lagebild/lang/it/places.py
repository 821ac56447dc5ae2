"""Place-spotting hints for Italian: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"a", "in", "da", "di", "presso", "vicino", "verso"})

# Words that join names in a list ("X, Y and Z"): names listed together are mostly of one kind.
LIST_WORDS = frozenset({"e", "ed", "o"})

NOT_PLACES = frozenset(
    """gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
    lunedì martedì mercoledì giovedì venerdì sabato domenica dio polizia governo presidente
    nord sud est ovest centro centrale
    """.split()
)

DEMONYMS = {"american": "US", "russ": "RU", "ucrain": "UA", "tedesc": "DE", "frances": "FR", "italian": "IT"}

# Common nouns for the capital: a reference to the capital of the country in context
# ("the capital", "die Hauptstadt", "العاصمة"), never a town of that name.
CAPITAL_WORDS = frozenset("capitale".split())
# Determiners the capital noun takes ("the capital"); without one it is an adjective ("capital gains").
CAPITAL_BEFORE = frozenset("la sua questa".split())

# Words for an administrative region: next to a name they say the region is meant, not its
# namesake city ("Valparaíso Region", "محافظة الخرطوم").
REGION_WORDS = frozenset("provincia regione stato dipartimento oblast governatorato distretto".split())

# Articles: a single capitalised word after one is a common noun ("la Santé") unless it is a
# country, a region or a big city ("la France", "the Bronx").
ARTICLES = frozenset("il lo la i gli le l un una".split())
