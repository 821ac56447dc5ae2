"""Place-spotting hints for Spanish: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"en", "a", "de", "desde", "hacia", "cerca", "junto"})

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
