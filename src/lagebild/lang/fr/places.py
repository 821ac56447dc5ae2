"""Place-spotting hints for French: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"à", "a", "en", "au", "aux", "de", "d", "près", "vers", "dans"})

# Words that join names in a list ("X, Y and Z"): names listed together are mostly of one kind.
LIST_WORDS = frozenset({"et", "ou"})

NOT_PLACES = frozenset(
    """janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    lundi mardi mercredi jeudi vendredi samedi dimanche dieu police gouvernement président
    nord sud est ouest centre central centrale
    """.split()
)

DEMONYMS = {
    "américain": "US",
    "russe": "RU",
    "ukrainien": "UA",
    "allemand": "DE",
    "français": "FR",
    "britannique": "GB",
    "chinois": "CN",
    "turc": "TR",
    "iranien": "IR",
    "irakien": "IQ",
    "syrien": "SY",
    "israélien": "IL",
    "palestinien": "PS",
    "afghan": "AF",
    "pakistanais": "PK",
    "indien": "IN",
    "kazakh": "KZ",
    "malien": "ML",
    "nigérien": "NE",
    "algérien": "DZ",
    "marocain": "MA",
    "tunisien": "TN",
}

# Common nouns for the capital: a reference to the capital of the country in context
# ("the capital", "die Hauptstadt", "العاصمة"), never a town of that name.
CAPITAL_WORDS = frozenset("capitale".split())
# Determiners the capital noun takes ("the capital"); without one it is an adjective ("capital gains").
CAPITAL_BEFORE = frozenset("la sa cette leur l".split())

# Words for an administrative region: next to a name they say the region is meant, not its
# namesake city ("Valparaíso Region", "محافظة الخرطوم").
REGION_WORDS = frozenset(
    "province région region département departement état etat oblast gouvernorat préfecture district".split()
)

# Articles: a single capitalised word after one is a common noun ("la Santé") unless it is a
# country, a region or a big city ("la France", "the Bronx").
ARTICLES = frozenset("le la les l un une".split())
