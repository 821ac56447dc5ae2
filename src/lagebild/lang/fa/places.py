"""Place-spotting hints for Persian: see lagebild.places.spotter for how each is used."""

PREPOSITIONS = frozenset({"در", "از", "به", "نزدیک"})

# Words that join names in a list ("X, Y and Z"): names listed together are mostly of one kind.
LIST_WORDS = frozenset({"و", "یا"})

DEMONYMS = {"آمریکایی": "US", "روسی": "RU", "اوکراینی": "UA", "آلمانی": "DE", "ایرانی": "IR", "عراقی": "IQ"}

# Common nouns for the capital: a reference to the capital of the country in context
# ("the capital", "die Hauptstadt", "العاصمة"), never a town of that name.
CAPITAL_WORDS = frozenset("پایتخت".split())

# Words for an administrative region: next to a name they say the region is meant, not its
# namesake city ("Valparaíso Region", "محافظة الخرطوم").
REGION_WORDS = frozenset("استان منطقه ولایت".split())
