"""Place-spotting hints for Portuguese: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"em", "no", "na", "nos", "nas", "de", "do", "da", "perto", "para"})

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
