"""Polish date words for lagebild.time (see lagebild.time.lexicon for what each name means)."""

MONTHS = {
    "styczeń": 1, "stycznia": 1, "styczniu": 1, "luty": 2, "lutego": 2, "lutym": 2, "marzec": 3, "marca": 3,
    "marcu": 3, "kwiecień": 4, "kwietnia": 4, "kwietniu": 4, "maj": 5, "maja": 5, "maju": 5, "czerwiec": 6,
    "czerwca": 6, "czerwcu": 6, "lipiec": 7, "lipca": 7, "lipcu": 7, "sierpień": 8, "sierpnia": 8,
    "sierpniu": 8, "wrzesień": 9, "września": 9, "wrześniu": 9, "październik": 10, "października": 10,
    "październiku": 10, "listopad": 11, "listopada": 11, "listopadzie": 11, "grudzień": 12, "grudnia": 12,
    "grudniu": 12,
}  # fmt: skip
WEEKDAYS = {"poniedziałek": 0, "poniedziałku": 0, "wtorek": 1, "wtorku": 1, "środa": 2, "środę": 2,
            "środy": 2, "czwartek": 3, "czwartku": 3, "piątek": 4, "piątku": 4, "sobota": 5, "sobotę": 5,
            "soboty": 5, "niedziela": 6, "niedzielę": 6, "niedzieli": 6}  # fmt: skip
NUMBERS = {"jeden": 1, "jedna": 1, "jedno": 1, "jednego": 1, "jedną": 1, "dwa": 2, "dwie": 2, "dwóch": 2,
           "trzy": 3, "trzech": 3, "cztery": 4, "czterech": 4, "pięć": 5, "pięciu": 5, "sześć": 6,
           "sześciu": 6, "siedem": 7, "siedmiu": 7, "osiem": 8, "ośmiu": 8, "dziewięć": 9, "dziewięciu": 9,
           "dziesięć": 10, "dziesięciu": 10, "dwadzieścia": 20, "dwudziestu": 20, "trzydzieści": 30,
           "sto": 100, "półtora": 1.5}  # fmt: skip
FEW = frozenset({"kilka", "kilku", "kilkanaście", "kilkunastu", "wiele", "wielu"})
ORDINALS = {"pierwszym": 1, "pierwszy": 1, "drugim": 2, "drugi": 2, "trzecim": 3, "trzeci": 3,
            "czwartym": 4, "czwarty": 4, "ostatnim": -1}  # fmt: skip
UNITS = {"rok": "Y", "roku": "Y", "lata": "Y", "lat": "Y", "latach": "Y", "miesiąc": "M", "miesiąca": "M",
         "miesiące": "M", "miesięcy": "M", "miesiącu": "M", "tydzień": "W", "tygodnia": "W", "tygodnie": "W",
         "tygodni": "W", "tygodniu": "W", "dzień": "D", "dnia": "D", "dni": "D", "doba": "D", "doby": "D",
         "godzina": "H", "godziny": "H", "godzin": "H", "godzinę": "H", "minuta": "MIN", "minuty": "MIN",
         "minut": "MIN", "minutę": "MIN", "dekada": "DE", "dekady": "DE", "wiek": "CE", "wieku": "CE",
         "kwartał": "Q", "kwartale": "Q", "weekend": "WE", "półrocze": "H1", "pół roku": ("M", 6)}  # fmt: skip
DEICTIC_DAYS = {"dziś": 0, "dzisiaj": 0, "wczoraj": -1, "jutro": 1, "przedwczoraj": -2, "pojutrze": 2,
                "wczoraj wieczorem": (-1, "EV"), "dziś rano": (0, "MO"), "wczoraj rano": (-1, "MO"),
                "dzisiaj rano": (0, "MO"), "tej nocy": (0, "NI"), "zeszłej nocy": (-1, "NI")}  # fmt: skip
DAY_PARTS = {"rano": "MO", "rankiem": "MO", "po południu": "AF", "wieczorem": "EV", "w nocy": "NI",
             "nocą": "NI"}  # fmt: skip
SEASONS = {"wiosna": "SP", "wiosną": "SP", "lato": "SU", "latem": "SU", "jesień": "FA", "jesienią": "FA",
           "zima": "WI", "zimą": "WI"}  # fmt: skip


def _adj(stems: tuple[str, ...]) -> frozenset[str]:
    endings = ("y", "i", "ego", "ym", "im", "ej", "ą", "a", "e", "ych", "ich")
    return frozenset(s + e for s in stems for e in endings)


LAST = _adj(("zeszł", "ubiegł", "poprzedn", "ostatn", "minion"))
NEXT = _adj(("przyszł", "następn", "kolejn", "nadchodząc", "najbliższ"))
THIS = frozenset({"ten", "tego", "tym", "tej", "tę", "ta", "bieżący", "bieżącego", "bieżącym", "obecnym"})
SAME = frozenset({"tego samego", "tym samym", "tej samej"})
AGO_AFTER = ("temu",)
IN_FUTURE = ("za",)
EARLIER = ("wcześniej",)
LATER = ("później", "potem")
ANAPHORIC = {"następnego dnia": ("D", 1), "dzień później": ("D", 1), "dzień wcześniej": ("D", -1),
             "poprzedniego dnia": ("D", -1), "tego samego dnia": ("D", 0), "tego dnia": ("D", 0),
             "w tym samym roku": ("Y", 0), "rok później": ("Y", 1)}  # fmt: skip
REFS = {"teraz": "PRESENT_REF", "obecnie": "PRESENT_REF", "niedawno": "PAST_REF", "ostatnio": "PAST_REF",
        "w przyszłości": "FUTURE_REF"}  # fmt: skip
MODIFIERS = {"na początku": "START", "początek": "START", "pod koniec": "END", "koniec": "END",
             "w połowie": "MID", "około": "APPROX", "ok.": "APPROX", "ponad": "MORE_THAN", "prawie": "LESS_THAN",
             "mniej niż": "LESS_THAN"}  # fmt: skip
SET_PREFIX = frozenset({"co", "każdy", "każdego", "każdą"})
SET_WORDS = {"codziennie": "P1D", "corocznie": "P1Y", "co roku": "P1Y", "co tydzień": "P1W"}
YEAR_PREP = frozenset({"w", "od", "do", "z", "roku", "i", "we"})
YEAR_SUFFIX = ("r.", "roku", "rok", "r")
YEAR_BC = ("p.n.e.", "p. n. e.", "przed naszą erą")
DAY_SUFFIX = r"\.?"
RANGE = ("-", "–", "do", "i")
NUMERIC_ORDER = "dmy"
FUTURE_CUES = frozenset({"będzie", "będą", "jutro", "planowany", "planowane", "odbędzie"})
TIME_PATTERNS = (r"o\s+(?:godz\.\s+|godzinie\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))",
                 r"(?P<noon>w południe|o północy)")  # fmt: skip
DECADE_PATTERNS = (r"lat(?:ach|a)?\s+(?P<y>1\d\d0|20\d0)\.?", r"lat(?:ach|a)?\s+(?P<yy>[1-9]0)\.")
CENTURY_PATTERNS = (r"(?P<c>[IVXL]+|\d{1,2})\.?\s+wiek(?:u|a)?",)
PUBLISHED_CUES = ("opublikowano", "aktualizacja", "data publikacji")
AGE_AFTER = ()
AGE_BEFORE = ("w wieku",)
EXTENT_STRIP = ("w", "we", "na")

# An event the sentence announces takes the coming weekday: "called a strike on Tuesday".
ANNOUNCE_CUES = frozenset(
    "zapowiedzieli zapowiedział zapowiedziała ogłosili ogłosił wezwali wezwał zwołali planują".split()
)
PLANNED_EVENTS = frozenset(
    "strajk strajku protest protesty manifestację manifestacja marsz demonstrację wybory referendum szczyt".split()
)
# House numbers of street addresses, on the text as written: never years.
ADDRESS_BEFORE = (r"(?i:ul\.|ulica|ulicy|al\.|aleja|alei|plac|placu)\s+(?:[A-ZĄĆĘŁŃÓŚŹŻ][\w.-]*\s+){1,3}",)

# A date after these words opens a period that runs on ("since 2013"): it dates no event.
SINCE = frozenset({"od"})
