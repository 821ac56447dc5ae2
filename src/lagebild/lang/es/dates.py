"""Spanish date words for lagebild.time (see lagebild.time.lexicon for what each name means)."""

MONTHS = {
    "enero": 1, "ene.": 1, "febrero": 2, "feb.": 2, "marzo": 3, "mar.": 3, "abril": 4, "abr.": 4,
    "mayo": 5, "junio": 6, "jun.": 6, "julio": 7, "jul.": 7, "agosto": 8, "ago.": 8, "septiembre": 9,
    "setiembre": 9, "sept.": 9, "sep.": 9, "octubre": 10, "oct.": 10, "noviembre": 11, "nov.": 11,
    "diciembre": 12, "dic.": 12,
}  # fmt: skip
WEEKDAYS = {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4, "sábado": 5,
            "sabado": 5, "domingo": 6}  # fmt: skip
WEEKDAYS_PLURAL = {"todos los lunes": 0, "todos los martes": 1, "todos los miércoles": 2, "todos los jueves": 3,
                   "todos los viernes": 4, "los sábados": 5, "los domingos": 6}  # fmt: skip
NUMBERS = {
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "cien": 100, "una decena de": 10, "un par de": 2,
}  # fmt: skip
FEW = frozenset({"unos", "unas", "varios", "varias", "algunos", "algunas", "unos cuantos", "pocos", "muchos"})
ORDINALS = {"primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3,
            "tercera": 3, "cuarto": 4, "cuarta": 4, "último": -1}  # fmt: skip
UNITS = {
    "año": "Y", "años": "Y", "mes": "M", "meses": "M", "semana": "W", "semanas": "W", "día": "D",
    "días": "D", "jornada": "D", "jornadas": "D", "hora": "H", "horas": "H", "minuto": "MIN",
    "minutos": "MIN", "década": "DE", "décadas": "DE", "siglo": "CE", "siglos": "CE", "trimestre": "Q",
    "trimestres": "Q", "fin de semana": "WE", "semestre": "H1",
}  # fmt: skip
DEICTIC_DAYS = {"hoy": 0, "ayer": -1, "mañana": 1, "anteayer": -2, "antier": -2, "pasado mañana": 2,
                "anoche": (-1, "NI"), "ayer por la tarde": (-1, "AF"), "ayer por la mañana": (-1, "MO"),
                "ayer por la noche": (-1, "NI"), "hoy por la mañana": (0, "MO"), "esta noche": (0, "NI"),
                "esta mañana": (0, "MO"), "esta tarde": (0, "AF")}  # fmt: skip
# "la mañana" is the morning, not tomorrow.
DEICTIC_BLOCKERS = frozenset({"la", "esta", "por", "cada", "de", "una", "toda", "media", "misma"})
DAY_PARTS = {"por la mañana": "MO", "por la tarde": "AF", "por la noche": "NI", "de madrugada": "NI"}
SEASONS = {"primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI"}
LAST = frozenset({"pasado", "pasada", "último", "última", "anterior", "previo", "previa"})
NEXT = frozenset({"próximo", "próxima", "siguiente", "que viene", "entrante"})
THIS = frozenset({"este", "esta", "en curso", "actual"})
SAME = frozenset({"mismo", "misma", "ese mismo", "esa misma"})
AGO_BEFORE = ("hace",)
IN_FUTURE = ("dentro de",)
EARLIER = ("antes",)
LATER = ("después", "más tarde")
ANAPHORIC = {"al día siguiente": ("D", 1), "el día anterior": ("D", -1), "la víspera": ("D", -1),
             "ese mismo día": ("D", 0), "el mismo día": ("D", 0), "ese día": ("D", 0),
             "al año siguiente": ("Y", 1), "ese mismo año": ("Y", 0), "ese año": ("Y", 0)}  # fmt: skip
REFS = {"ahora": "PRESENT_REF", "actualmente": "PRESENT_REF", "en la actualidad": "PRESENT_REF",
        "recientemente": "PAST_REF", "en el futuro": "FUTURE_REF"}  # fmt: skip
MODIFIERS = {"principios de": "START", "a principios de": "START", "comienzos de": "START",
             "a comienzos de": "START", "finales de": "END", "a finales de": "END", "fines de": "END",
             "a fines de": "END", "mediados de": "MID", "a mediados de": "MID", "alrededor de": "APPROX",
             "cerca de": "APPROX", "más de": "MORE_THAN", "casi": "LESS_THAN", "menos de": "LESS_THAN"}  # fmt: skip
SET_PREFIX = frozenset({"cada", "todos los", "todas las", "por"})
SET_WORDS = {"diariamente": "P1D", "semanalmente": "P1W", "mensualmente": "P1M", "anualmente": "P1Y"}
ARTICLES = frozenset({"un", "una"})
DURATION_PREP = frozenset({"durante", "desde", "por", "en", "de", "más", "menos", "casi"})
YEAR_PREP = frozenset({"en", "desde", "hasta", "de", "del", "año", "y", "el"})
YEAR_NOUN = ("el año", "año")
YEAR_BC = ("a. c.", "a.c.", "antes de cristo", "a. de c.")
DAY_SUFFIX = r"(?:º|°)?"
DAY_MONTH_LINK = ("de",)
MONTH_YEAR_LINK = ("de", "del")
RANGE = ("al", "-", "–", "y", "a")
NUMERIC_ORDER = "dmy"
FUTURE_CUES = frozenset({"será", "serán", "va", "van", "previsto", "prevista", "mañana", "celebrará"})
PAST_CUES = frozenset({"fue", "fueron", "era", "eran", "había", "habían"})
TIME_PATTERNS = (r"(?:a\s+)?las\s+(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?(?:\s+horas)?",
                 r"(?P<noon>mediodía|medianoche)")  # fmt: skip
DECADE_PATTERNS = (r"(?:los\s+)?años\s+(?P<y>1\d\d0|20\d0)", r"(?:los\s+)?años\s+(?P<yy>[1-9]0)")
CENTURY_PATTERNS = (r"(?:el\s+)?siglo\s+(?P<c>[IVXL]+|\d{1,2})",)
PUBLISHED_CUES = ("publicado", "actualizado")
DAYPART_LINK = ("del",)
AGE_AFTER = ("de edad",)
AGE_BEFORE = ("a los", "edad de")
EXTENT_STRIP = ("al", "en", "a")

# An event the sentence announces takes the coming weekday: "called a strike on Tuesday".
ANNOUNCE_CUES = frozenset(
    "anunció anunciaron anuncia anuncian convocó convocaron convoca convocan convocado convocada llamó llamaron llama llaman amenaza amenazan amenazó planean planea".split()
)
PLANNED_EVENTS = frozenset(
    "huelga huelgas paro paros protesta protestas marcha marchas manifestación manifestaciones movilización movilizaciones concentración bloqueo bloqueos votación elección elecciones referéndum cumbre reunión".split()
)
# House numbers of street addresses, on the text as written: never years.
ADDRESS_BEFORE = (
    r"(?i:calle|avenida|av\.|avda\.|paseo|carrera|jirón|camino|ruta|pasaje)\s+(?:[A-ZÁÉÍÓÚÑ][\w'’.-]*\s+|de\s+|del\s+|la\s+){0,5}(?:n[°º.]\s*)?",
)

# A date after these words opens a period that runs on ("since 2013"): it dates no event.
SINCE = frozenset({"desde"})
