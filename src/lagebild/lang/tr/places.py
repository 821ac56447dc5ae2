"""Place-spotting hints for Turkish: case endings follow an apostrophe ("Ankara'da"), so the
tokeniser already separates them; see lagebild.places.spotter."""

PREPOSITIONS = frozenset({"yakınında", "yakınlarında"})

NOT_PLACES = frozenset(
    """ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
    pazartesi salı çarşamba perşembe cuma cumartesi pazar""".split()
)

DEMONYMS = {"amerikan": "US", "rus": "RU", "ukraynalı": "UA", "alman": "DE", "fransız": "FR", "türk": "TR"}
