"""German date words for lagebild.time (see lagebild.time.lexicon for what each name means)."""

MONTHS = {
    "januar": 1, "jänner": 1, "jan.": 1, "januars": 1, "februar": 2, "feber": 2, "feb.": 2, "februars": 2,
    "märz": 3, "mär.": 3, "märzes": 3, "april": 4, "apr.": 4, "aprils": 4, "mai": 5, "mais": 5,
    "juni": 6, "jun.": 6, "junis": 6, "juli": 7, "jul.": 7, "julis": 7, "august": 8, "aug.": 8,
    "augusts": 8, "september": 9, "sept.": 9, "sep.": 9, "septembers": 9, "oktober": 10, "okt.": 10,
    "oktobers": 10, "november": 11, "nov.": 11, "novembers": 11, "dezember": 12, "dez.": 12,
    "dezembers": 12,
}  # fmt: skip
AMBIGUOUS_MONTHS = frozenset({"august", "mai", "april"})  # also first names
WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6, "montags": None, "dienstags": None,
}  # fmt: skip
WEEKDAYS = {k: v for k, v in WEEKDAYS.items() if v is not None}
WEEKDAYS_PLURAL = {"montags": 0, "dienstags": 1, "mittwochs": 2, "donnerstags": 3, "freitags": 4,
                   "samstags": 5, "sonntags": 6}  # fmt: skip
NUMBERS = {
    "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "eines": 1, "zwei": 2, "zweier": 2,
    "drei": 3, "dreier": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
    "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
    "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100,
    "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "einigen": None,
}  # fmt: skip
NUMBERS = {k: v for k, v in NUMBERS.items() if v is not None}
FEW = frozenset({"einige", "einigen", "einiger", "mehrere", "mehreren", "mehrerer", "wenige", "wenigen",
                 "ein paar", "einem paar", "viele", "vielen", "etlichen"})  # fmt: skip
ORDINALS = {
    "ersten": 1, "erste": 1, "erstes": 1, "zweiten": 2, "zweite": 2, "dritten": 3, "dritte": 3,
    "vierten": 4, "vierte": 4, "fünften": 5, "sechsten": 6, "siebten": 7, "achten": 8, "neunten": 9,
    "zehnten": 10, "letzten": -1, "letzte": -1,
}  # fmt: skip
UNITS = {
    "jahr": "Y", "jahre": "Y", "jahren": "Y", "jahres": "Y", "jahrs": "Y", "monat": "M", "monate": "M",
    "monaten": "M", "monats": "M", "woche": "W", "wochen": "W", "tag": "D", "tage": "D", "tagen": "D",
    "tages": "D", "tags": "D", "stunde": "H", "stunden": "H", "minute": "MIN", "minuten": "MIN",
    "jahrzehnt": "DE", "jahrzehnte": "DE", "jahrzehnten": "DE", "jahrzehnts": "DE",
    "jahrhundert": "CE", "jahrhunderte": "CE", "jahrhunderten": "CE", "jahrhunderts": "CE",
    "quartal": "Q", "quartale": "Q", "quartals": "Q", "wochenende": "WE", "wochenendes": "WE",
    "halbjahr": "H1", "halbjahres": "H1",
}  # fmt: skip
DEICTIC_DAYS = {
    "heute": 0, "gestern": -1, "morgen": 1, "vorgestern": -2, "übermorgen": 2, "heutigen tag": 0,
    "heute abend": (0, "EV"), "heute morgen": (0, "MO"), "heute nacht": (0, "NI"), "heute früh": (0, "MO"),
    "gestern abend": (-1, "EV"), "gestern morgen": (-1, "MO"), "gestern nacht": (-1, "NI"),
    "gestern früh": (-1, "MO"), "morgen früh": (1, "MO"), "morgen abend": (1, "EV"),
    "gestern nachmittag": (-1, "AF"), "heute nachmittag": (0, "AF"), "gestern mittag": (-1, "MI"),
}  # fmt: skip
DAY_PARTS = {"morgen": "MO", "vormittag": "MO", "mittag": "MI", "nachmittag": "AF", "abend": "EV",
             "nacht": "NI", "morgens": "MO", "abends": "EV", "nachts": "NI"}  # fmt: skip
SEASONS = {"frühjahr": "SP", "frühling": "SP", "frühjahrs": "SP", "sommer": "SU",
           "herbst": "FA", "herbstes": "FA", "winter": "WI"}  # fmt: skip
_ENDINGS = ("", "e", "en", "er", "es", "em")
LAST = frozenset(
    w + e for w in ("letzt", "vergangen", "vorig", "zurückliegend", "vorherig") for e in _ENDINGS
)
NEXT = frozenset(w + e for w in ("nächst", "kommend", "folgend", "darauffolgend", "anschließend",
                                 "bevorstehend") for e in _ENDINGS)  # fmt: skip
THIS = frozenset(
    {
        "diese",
        "dieser",
        "dieses",
        "diesen",
        "diesem",
        "laufenden",
        "laufende",
        "laufendes",
        "aktuellen",
        "heurigen",
    }
)
DEICTIC_UNITS = {"heuer": ("Y", 0)}  # fmt: skip
SAME = frozenset({"selben", "gleichen", "demselben", "desselben", "jenem", "jenen", "jenes"})
PAST_DURATION = frozenset(w + e for w in ("letzt", "vergangen") for e in ("en",))
AGO_AFTER = ()
AGO_BEFORE = ("vor",)
IN_FUTURE = ("in",)
IN_FUTURE_AFTER = ()
EARLIER = ("zuvor", "vorher", "früher", "davor")
LATER = ("später", "danach", "darauf")
# Not "nach": "nach zwei Jahren Haft" is a stretch of time, the date it ends is rarely meant.
LATER_BEFORE = ()
ANAPHORIC = {
    "am folgenden tag": ("D", 1), "am nächsten tag": ("D", 1), "tags darauf": ("D", 1),
    "am tag darauf": ("D", 1), "am darauffolgenden tag": ("D", 1), "am vortag": ("D", -1),
    "am tag zuvor": ("D", -1), "tags zuvor": ("D", -1), "am selben tag": ("D", 0),
    "am gleichen tag": ("D", 0), "am folgetag": ("D", 1), "folgetag": ("D", 1), "vortag": ("D", -1),
    "im folgenden jahr": ("Y", 1), "im jahr darauf": ("Y", 1), "im darauffolgenden jahr": ("Y", 1),
    "im selben jahr": ("Y", 0), "im gleichen jahr": ("Y", 0), "im vorjahr": ("Y", -1), "vorjahr": ("Y", -1),
    "vorjahres": ("Y", -1), "im folgejahr": ("Y", 1), "folgejahr": ("Y", 1), "im folgenden monat": ("M", 1),
    "im selben monat": ("M", 0), "in der folgenden woche": ("W", 1), "in der nacht darauf": ("D", 1),
    "des folgenden tages": ("D", 1), "des folgenden jahres": ("Y", 1), "desselben jahres": ("Y", 0),
    "des gleichen jahres": ("Y", 0), "des jahres": ("Y", 0), "jahresende": ("Y", 0), "jahresbeginn": ("Y", 0),
    "jahresanfang": ("Y", 0), "jahresmitte": ("Y", 0), "zu diesem zeitpunkt": ("D", 0), "an diesem tag": ("D", 0), "in diesem jahr": ("Y", 0),
}  # fmt: skip
REFS = {
    "jetzt": "PRESENT_REF", "derzeit": "PRESENT_REF", "zurzeit": "PRESENT_REF", "gegenwärtig": "PRESENT_REF",
    "momentan": "PRESENT_REF", "heutzutage": "PRESENT_REF", "aktuell": "PRESENT_REF",
    "kürzlich": "PAST_REF", "vor kurzem": "PAST_REF", "jüngst": "PAST_REF", "neulich": "PAST_REF",
    "in zukunft": "FUTURE_REF", "bald": "FUTURE_REF", "in der zukunft": "FUTURE_REF",
}  # fmt: skip
MODIFIERS = {
    "anfang": "START", "beginn": "START", "zu beginn": "START", "zu beginn des": "START",
    "anfang des": "START", "frühjahr": None, "ende": "END", "ende des": "END", "mitte": "MID",
    "mitte des": "MID", "gegen ende": "END", "etwa": "APPROX", "ungefähr": "APPROX", "circa": "APPROX",
    "ca.": "APPROX", "rund": "APPROX", "knapp": "LESS_THAN", "fast": "LESS_THAN", "mehr als": "MORE_THAN",
    "über": "MORE_THAN", "weniger als": "LESS_THAN", "mindestens": "EQUAL_OR_MORE", "bis zu": "EQUAL_OR_LESS",
    "gut": "APPROX", "fast genau": None, "spätestens": "END", "frühestens": "START",
}  # fmt: skip
MODIFIERS = {k: v for k, v in MODIFIERS.items() if v is not None}
SET_PREFIX = frozenset({"jeden", "jede", "jedes", "jedem", "alle", "pro"})
SET_WORDS = {"täglich": "P1D", "wöchentlich": "P1W", "monatlich": "P1M", "jährlich": "P1Y",
             "stündlich": "PT1H", "alljährlich": "P1Y", "tagtäglich": "P1D"}  # fmt: skip
YEAR_PREP = frozenset({"im", "in", "seit", "bis", "von", "vom", "ab", "um", "jahr", "jahre", "jahres",
                       "und", "oder", "zwischen", "nach", "vor", "anfang", "ende", "mitte", "frühjahr",
                       "sommer", "herbst", "winter", "des", "zum", "bis zum", "seit dem"})  # fmt: skip
YEAR_NOUN = ("jahr", "jahre", "jahres", "jahrs", "geschäftsjahr")
YEAR_SUFFIX = ()
DAY_SUFFIX = r"\."
DAY_MONTH_LINK = ()
MONTH_YEAR_LINK = ()
RANGE = ("bis", "-", "–", "und", "bis zum", "oder")
MONTH_FIRST = False
NUMERIC_ORDER = "dmy"
FUTURE_CUES = frozenset({"wird", "werden", "wirst", "werde", "soll", "sollen", "geplant", "morgen"})
PAST_CUES = frozenset({"war", "waren", "wurde", "wurden", "hatte", "hatten", "worden"})
TIME_PATTERNS = (
    r"(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?\s*Uhr",
    r"(?P<noon>mittags|mitternacht)",
)
DECADE_PATTERNS = (
    r"(?:den\s+|die\s+)?(?P<y>1\d\d0|20\d0)er(?:[\s-]+Jahre[n]?)?",
    r"(?:den\s+|die\s+)?(?P<yy>[1-9]0)er(?:[\s-]+Jahre[n]?)",
)
CENTURY_PATTERNS = (r"(?P<c>\d{1,2})\.\s*Jahrhundert(?:s|e|en)?", r"(?P<cw>\w+)\s+Jahrhundert(?:s|e|en)?")
# "morgen" is tomorrow; "Morgen" mid-sentence is the morning.
LOWER_CASE_DEICTIC = frozenset({"morgen"})
# A deictic word right after one of these is a noun ("am Morgen" is the morning, not tomorrow).
DEICTIC_BLOCKERS = frozenset(
    {"am", "den", "jeden", "guten", "der", "des", "dem", "vom", "frühen", "am frühen"}
)
# "einen Monat", "eine Woche" are durations as they stand; "ein Jahr" mostly in "ein Jahr später".
ARTICLES = frozenset({"ein", "einem", "einer", "eines"})
DURATION_PREP = frozenset({"für", "seit", "über", "binnen", "innerhalb", "nach", "während", "knapp", "fast",
                           "etwa", "rund", "mehr", "als", "letzten", "vergangenen", "nächsten"})  # fmt: skip
VAGUE_DURATIONS = {"tage": "D", "tagen": "D", "wochen": "W", "monate": "M", "monaten": "M", "jahre": "Y",
                   "jahren": "Y", "jahrzehnte": "DE", "jahrzehnten": "DE", "stunden": "H"}  # fmt: skip
YEAR_BC = ("v. chr.", "vor christus", "v.chr.", "vor chr.", "v. u. z.", "v.u.z.")
# Nouns are capitalised: "1500 Soldaten" is a count, "1812 marschierte" a year.
NOUNS_CAPITALISED = True
PUBLISHED_CUES = ("veröffentlicht", "aktualisiert", "stand", "erstellt", "zuletzt aktualisiert")
DAYPART_LINK = ("des", "vom")
AGE_AFTER = ("alt", "alte", "alten", "alter", "altes", "jung")
AGE_BEFORE = ("im alter von", "alter von")
EXTENT_STRIP = ("am", "im", "zu", "in", "an", "vom")

# An event the sentence announces takes the coming weekday: "called a strike on Tuesday".
ANNOUNCE_CUES = frozenset(
    "kündigte kündigten angekündigt ankündigen kündigt kündigen rief riefen ruft rufen aufgerufen plant planen geplant drohte drohten droht drohen".split()
)
PLANNED_EVENTS = frozenset(
    "streik streiks warnstreik warnstreiks protest proteste demonstration demonstrationen demo kundgebung kundgebungen blockade blockaden abstimmung wahl wahlen treffen gipfel gespräche generalstreik".split()
)
# House numbers of street addresses, on the text as written: never years.
ADDRESS_BEFORE = (
    r"[\w-]*(?i:straße|strasse|str\.|weg|allee|platz|gasse|damm|ring|ufer|chaussee)\s+",
    r"(?:Straße|Strasse|Weg|Allee|Platz|Gasse)\s+(?:[A-ZÄÖÜ][\w.-]*\s+){1,3}",
)

# A date after these words opens a period that runs on ("since 2013"): it dates no event.
SINCE = frozenset({"seit", "seitdem"})
# A bare year after these is said in passing ("bis 1915 mehr als 40 Divisionen", "ab 1941
# ausgearbeitete Pläne", "die Deklaration von Paris von 1856"): the narrative stays where it was.
YEAR_ASIDE = frozenset({"bis", "ab", "von", "vom", "seit"})
