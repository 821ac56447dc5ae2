"""Place-spotting hints for Italian: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"a", "in", "da", "di", "presso", "vicino", "verso"})

NOT_PLACES = frozenset(
    """gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
    lunedì martedì mercoledì giovedì venerdì sabato domenica dio polizia governo presidente
    nord sud est ovest centro centrale
    """.split()
)

DEMONYMS = {"american": "US", "russ": "RU", "ucrain": "UA", "tedesc": "DE", "frances": "FR", "italian": "IT"}
