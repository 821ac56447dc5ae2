"""French date words for lagebild.time (see lagebild.time.lexicon for what each name means)."""

MONTHS = {
    "janvier": 1, "janv.": 1, "février": 2, "fevrier": 2, "févr.": 2, "mars": 3, "avril": 4, "avr.": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil.": 7, "août": 8, "aout": 8, "septembre": 9, "sept.": 9,
    "octobre": 10, "oct.": 10, "novembre": 11, "nov.": 11, "décembre": 12, "decembre": 12, "déc.": 12,
}  # fmt: skip
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
WEEKDAYS_PLURAL = {"tous les lundis": 0, "tous les mardis": 1, "tous les mercredis": 2, "tous les jeudis": 3,
                   "tous les vendredis": 4, "tous les samedis": 5, "tous les dimanches": 6}  # fmt: skip
NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "cent": 100, "une dizaine de": 10, "une quinzaine de": 15,
    "une vingtaine de": 20,
}  # fmt: skip
FEW = frozenset({"quelques", "plusieurs", "de nombreuses", "de nombreux"})
ORDINALS = {"premier": 1, "première": 1, "1er": 1, "deuxième": 2, "second": 2, "seconde": 2,
            "troisième": 3, "quatrième": 4, "dernier": -1}  # fmt: skip
UNITS = {
    "an": "Y", "ans": "Y", "année": "Y", "années": "Y", "mois": "M", "semaine": "W", "semaines": "W",
    "jour": "D", "jours": "D", "journée": "D", "journées": "D", "heure": "H", "heures": "H",
    "minute": "MIN", "minutes": "MIN", "décennie": "DE", "décennies": "DE", "siècle": "CE",
    "siècles": "CE", "trimestre": "Q", "trimestres": "Q", "week-end": "WE", "semestre": "H1",
}  # fmt: skip
DEICTIC_DAYS = {
    "aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "demain": 1, "avant-hier": -2, "après-demain": 2,
    "hier soir": (-1, "EV"), "hier matin": (-1, "MO"), "demain matin": (1, "MO"), "cette nuit": (0, "NI"),
    "hier après-midi": (-1, "AF"), "ce soir": (0, "EV"), "ce matin": (0, "MO"),
}  # fmt: skip
DEICTIC_BLOCKERS = frozenset()
DAY_PARTS = {"matin": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV", "nuit": "NI"}
SEASONS = {"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"}
AMBIGUOUS_MONTHS = frozenset({"été"})  # also "been"
LAST = frozenset({"dernier", "dernière", "derniers", "dernières", "passé", "passée", "précédent",
                  "précédente", "écoulé", "écoulée"})  # fmt: skip
NEXT = frozenset({"prochain", "prochaine", "suivant", "suivante", "à venir"})
THIS = frozenset({"ce", "cet", "cette", "en cours"})
SAME = frozenset({"même"})
AGO_BEFORE = ("il y a",)
IN_FUTURE = ("dans",)
EARLIER = ("plus tôt", "auparavant", "avant")
LATER = ("plus tard", "après")
ANAPHORIC = {"le lendemain": ("D", 1), "la veille": ("D", -1), "le jour même": ("D", 0),
             "le même jour": ("D", 0), "ce jour-là": ("D", 0), "cette année-là": ("Y", 0),
             "l'année suivante": ("Y", 1), "l’année suivante": ("Y", 1), "le surlendemain": ("D", 2)}  # fmt: skip
REFS = {"maintenant": "PRESENT_REF", "actuellement": "PRESENT_REF", "à présent": "PRESENT_REF",
        "en ce moment": "PRESENT_REF", "de nos jours": "PRESENT_REF", "récemment": "PAST_REF",
        "à l'avenir": "FUTURE_REF", "à l’avenir": "FUTURE_REF"}  # fmt: skip
MODIFIERS = {"début": "START", "au début de": "START", "début de": "START", "fin": "END", "à la fin de": "END",
             "fin de": "END", "mi-": "MID", "à la mi-": "MID", "vers": "APPROX", "environ": "APPROX",
             "près de": "APPROX", "plus de": "MORE_THAN", "moins de": "LESS_THAN", "presque": "LESS_THAN"}  # fmt: skip
SET_PREFIX = frozenset({"chaque", "tous les", "toutes les", "par"})
SET_WORDS = {"quotidiennement": "P1D", "chaque jour": "P1D", "chaque année": "P1Y", "annuellement": "P1Y"}
ARTICLES = frozenset({"un", "une"})
DURATION_PREP = frozenset({"pendant", "depuis", "durant", "en", "pour", "plus", "moins", "environ", "près"})
YEAR_PREP = frozenset({"en", "depuis", "dès", "jusqu'en", "de", "avant", "après", "année", "l'année", "et",
                       "début", "fin", "mi"})  # fmt: skip
YEAR_NOUN = ("l'année", "l’année", "année")
YEAR_BC = ("av. j.-c.", "avant jésus-christ", "av. j.-c", "avant notre ère")
DAY_SUFFIX = r"(?:er)?"
RANGE = ("au", "-", "–", "et")
NUMERIC_ORDER = "dmy"
FUTURE_CUES = frozenset({"va", "vont", "sera", "seront", "aura", "auront", "prévu", "prévue", "demain"})
PAST_CUES = frozenset({"était", "étaient", "avait", "avaient", "fut", "furent"})
TIME_PATTERNS = (r"(?P<h>[01]?\d|2[0-3])\s*h\s*(?P<m>[0-5]\d)?(?!\w)", r"(?P<noon>midi|minuit)")
DECADE_PATTERNS = (r"(?:les\s+)?années\s+(?P<y>1\d\d0|20\d0)", r"(?:les\s+)?années\s+(?P<yy>[1-9]0)")
CENTURY_PATTERNS = (r"(?P<c>[IVXL]+|\d{1,2})(?:e|ème|è)\s+siècle",)
PUBLISHED_CUES = ("publié le", "mis à jour le", "publié", "mis à jour")
DAYPART_LINK = ("du",)
AGE_AFTER = ()
AGE_BEFORE = ("âgé de", "âgée de", "âgés de", "âgées de")
EXTENT_STRIP = ("au", "en", "à", "dans")

# An event the sentence announces takes the coming weekday: "called a strike on Tuesday".
ANNOUNCE_CUES = frozenset(
    "annoncé annoncée annonce annoncent appelé appelée appelle appellent appel convoqué convoquée convoquent prévoient prévoit menacent menace menacé".split()
)
PLANNED_EVENTS = frozenset(
    "grève grèves manifestation manifestations mobilisation mobilisations rassemblement rassemblements marche marches journée blocage blocages vote élection élections scrutin référendum sommet réunion".split()
)
# House numbers of street addresses, on the text as written: never years.
ADDRESS_AFTER = (
    r",?\s+(?:bis\s+|ter\s+)?(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route)\b",
)

# A date after these words opens a period that runs on ("since 2013"): it dates no event.
SINCE = frozenset({"depuis"})
