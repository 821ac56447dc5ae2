"""Place-spotting hints for French: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"à", "a", "en", "au", "aux", "de", "d", "près", "vers", "dans"})

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
