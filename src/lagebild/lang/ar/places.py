"""Place-spotting hints for Arabic: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"في", "من", "إلى", "الى", "قرب", "شمال", "جنوب", "شرق", "غرب"})

# Words that join names in a list ("X, Y and Z"): names listed together are mostly of one kind.
LIST_WORDS = frozenset({"و", "أو"})

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

# Common nouns for the capital: a reference to the capital of the country in context
# ("the capital", "die Hauptstadt", "العاصمة"), never a town of that name.
CAPITAL_WORDS = frozenset("العاصمة عاصمة".split())

# Words for an administrative region: next to a name they say the region is meant, not its
# namesake city ("Valparaíso Region", "محافظة الخرطوم").
REGION_WORDS = frozenset("محافظة ولاية إقليم اقليم منطقة مقاطعة".split())

# Common nouns that name places somewhere in the gazetteer ("مدينة" the city -> Ad Douiem in
# Sudan): Arabic has no capitals to tell them apart, so they are never place names alone.
NOT_PLACES = frozenset(
    """مدينة المدينة محافظة المحافظة ولاية الولاية منطقة المنطقة قرية القرية بلدة البلدة إقليم الإقليم
    شمال جنوب شرق غرب وسط الشمال الجنوب الشرق الغرب الوسط الحدود العاصمة عاصمة""".split()
)
