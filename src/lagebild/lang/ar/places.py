"""Place-spotting hints for Arabic: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"في", "من", "إلى", "الى", "قرب", "شمال", "جنوب", "شرق", "غرب"})

# Clitics written onto the next word: "و" and, "ب" in, "ل" for, "ف" so, "ك" like
# ("بالقاهرة", "وغزة"); "لل" stands for ل + ال.
PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب")

DEMONYMS = {
    "الأمريكي": "US",
    "الامريكي": "US",
    "الروسي": "RU",
    "الأوكراني": "UA",
    "الألماني": "DE",
    "الفرنسي": "FR",
    "البريطاني": "GB",
    "الصيني": "CN",
    "التركي": "TR",
    "الإيراني": "IR",
    "العراقي": "IQ",
    "السوري": "SY",
    "الإسرائيلي": "IL",
    "الفلسطيني": "PS",
    "المصري": "EG",
    "السعودي": "SA",
    "اليمني": "YE",
    "اللبناني": "LB",
    "الليبي": "LY",
    "السوداني": "SD",
}
