"""Place-spotting hints for Spanish: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"en", "a", "de", "desde", "hacia", "cerca", "junto"})

# Words that join names in a list ("X, Y and Z"): names listed together are mostly of one kind.
LIST_WORDS = frozenset({"y", "e", "o", "u"})

NOT_PLACES = frozenset(
    """enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    lunes martes miércoles jueves viernes sábado domingo dios policía gobierno presidente
    norte sur este oeste centro central noreste noroeste sureste suroeste oriente occidente
    """.split()
)

DEMONYMS = {
    "estadounidense": "US",
    "ruso": "RU",
    "rusa": "RU",
    "ucrania": "UA",
    "alemán": "DE",
    "alemana": "DE",
    "francés": "FR",
    "francesa": "FR",
    "británic": "GB",
    "chin": "CN",
    "turc": "TR",
    "iraní": "IR",
    "iraquí": "IQ",
    "siri": "SY",
    "israelí": "IL",
    "palestin": "PS",
    "mexican": "MX",
    "colombian": "CO",
    "venezolan": "VE",
    "argentin": "AR",
    "cuban": "CU",
    "peruan": "PE",
    "chilen": "CL",
}

# Common nouns for the capital: a reference to the capital of the country in context
# ("the capital", "die Hauptstadt", "العاصمة"), never a town of that name.
CAPITAL_WORDS = frozenset("capital".split())
# Determiners the capital noun takes ("the capital"); without one it is an adjective ("capital gains").
CAPITAL_BEFORE = frozenset("la su esta".split())

# Words for an administrative region: next to a name they say the region is meant, not its
# namesake city ("Valparaíso Region", "محافظة الخرطوم").
REGION_WORDS = frozenset(
    "provincia región region departamento estado comuna óblast oblast gobernación distrito".split()
)

# Articles: a single capitalised word after one is a common noun ("la Santé") unless it is a
# country, a region or a big city ("la France", "the Bronx").
ARTICLES = frozenset("el la los las un una".split())
