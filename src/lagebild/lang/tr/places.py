"""Place-spotting hints for Turkish: case endings follow an apostrophe ("Ankara'da"), so the
tokeniser already separates them; see lagebild.places.spotter."""

PREPOSITIONS = frozenset({"yakınında", "yakınlarında"})

# Words that join names in a list ("X, Y and Z"): names listed together are mostly of one kind.
LIST_WORDS = frozenset({"ve", "veya", "ile"})

NOT_PLACES = frozenset(
    """ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
    pazartesi salı çarşamba perşembe cuma cumartesi pazar""".split()
)

DEMONYMS = {"amerikan": "US", "rus": "RU", "ukraynalı": "UA", "alman": "DE", "fransız": "FR", "türk": "TR"}

# Common nouns for the capital: a reference to the capital of the country in context
# ("the capital", "die Hauptstadt", "العاصمة"), never a town of that name.
CAPITAL_WORDS = frozenset("başkent başkenti başkentte başkentinde başkentin".split())

# Words for an administrative region: next to a name they say the region is meant, not its
# namesake city ("Valparaíso Region", "محافظة الخرطوم").
REGION_WORDS = frozenset("ili ilinde eyalet eyaleti bölge bölgesi vilayet vilayeti".split())
