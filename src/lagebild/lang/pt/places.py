"""Place-spotting hints for Portuguese: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"em", "no", "na", "nos", "nas", "de", "do", "da", "perto", "para"})

# Words that join names in a list ("X, Y and Z"): names listed together are mostly of one kind.
LIST_WORDS = frozenset({"e", "ou"})

NOT_PLACES = frozenset(
    """janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
    domingo polícia governo presidente deus
    norte sul leste oeste centro central
    """.split()
)

DEMONYMS = {
    "american": "US",
    "russ": "RU",
    "ucranian": "UA",
    "alemã": "DE",
    "alemão": "DE",
    "brasileir": "BR",
}

# Common nouns for the capital: a reference to the capital of the country in context
# ("the capital", "die Hauptstadt", "العاصمة"), never a town of that name.
CAPITAL_WORDS = frozenset("capital".split())
# Determiners the capital noun takes ("the capital"); without one it is an adjective ("capital gains").
CAPITAL_BEFORE = frozenset("a sua esta na da".split())

# Words for an administrative region: next to a name they say the region is meant, not its
# namesake city ("Valparaíso Region", "محافظة الخرطوم").
REGION_WORDS = frozenset("província provincia região regiao estado departamento distrito oblast".split())

# Articles: a single capitalised word after one is a common noun ("la Santé") unless it is a
# country, a region or a big city ("la France", "the Bronx").
ARTICLES = frozenset("o a os as um uma".split())
