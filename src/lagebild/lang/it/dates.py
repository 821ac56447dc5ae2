"""Italian date words for lagebild.time (see lagebild.time.lexicon for what each name means)."""

MONTHS = {"gennaio": 1, "gen.": 1, "febbraio": 2, "feb.": 2, "marzo": 3, "mar.": 3, "aprile": 4, "apr.": 4,
          "maggio": 5, "mag.": 5, "giugno": 6, "giu.": 6, "luglio": 7, "lug.": 7, "agosto": 8, "ago.": 8,
          "settembre": 9, "set.": 9, "sett.": 9, "ottobre": 10, "ott.": 10, "novembre": 11, "nov.": 11,
          "dicembre": 12, "dic.": 12}  # fmt: skip
WEEKDAYS = {"lunedì": 0, "lunedi": 0, "martedì": 1, "martedi": 1, "mercoledì": 2, "mercoledi": 2,
            "giovedì": 3, "giovedi": 3, "venerdì": 4, "venerdi": 4, "sabato": 5, "domenica": 6}  # fmt: skip
NUMBERS = {"un": 1, "uno": 1, "una": 1, "un'": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
           "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "quindici": 15,
           "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "cento": 100}  # fmt: skip
FEW = frozenset({"alcuni", "alcune", "diversi", "diverse", "qualche", "pochi", "molti"})
ORDINALS = {"primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3, "quarto": 4,
            "quarta": 4, "ultimo": -1}  # fmt: skip
UNITS = {"anno": "Y", "anni": "Y", "mese": "M", "mesi": "M", "settimana": "W", "settimane": "W",
         "giorno": "D", "giorni": "D", "ora": "H", "ore": "H", "minuto": "MIN", "minuti": "MIN",
         "decennio": "DE", "decenni": "DE", "secolo": "CE", "secoli": "CE", "trimestre": "Q",
         "trimestri": "Q", "fine settimana": "WE", "weekend": "WE", "semestre": "H1"}  # fmt: skip
DEICTIC_DAYS = {"oggi": 0, "ieri": -1, "domani": 1, "l'altro ieri": -2, "altroieri": -2, "dopodomani": 2,
                "stamattina": (0, "MO"), "stamani": (0, "MO"), "stasera": (0, "EV"), "stanotte": (0, "NI"),
                "ieri sera": (-1, "EV"), "ieri mattina": (-1, "MO"), "ieri pomeriggio": (-1, "AF"),
                "domani mattina": (1, "MO")}  # fmt: skip
DAY_PARTS = {"mattina": "MO", "mattino": "MO", "pomeriggio": "AF", "sera": "EV", "notte": "NI"}
SEASONS = {"primavera": "SP", "estate": "SU", "autunno": "FA", "inverno": "WI"}
LAST = frozenset({"scorso", "scorsa", "scorsi", "scorse", "passato", "passata", "ultimo", "ultima",
                  "precedente"})  # fmt: skip
NEXT = frozenset({"prossimo", "prossima", "prossimi", "seguente", "successivo", "successiva"})
THIS = frozenset({"questo", "questa", "quest'", "corrente", "in corso"})
SAME = frozenset({"stesso", "stessa"})
AGO_AFTER = ("fa",)
IN_FUTURE = ("tra", "fra")
EARLIER = ("prima",)
LATER = ("dopo", "più tardi")
ANAPHORIC = {"il giorno dopo": ("D", 1), "il giorno seguente": ("D", 1), "l'indomani": ("D", 1),
             "il giorno prima": ("D", -1), "la vigilia": ("D", -1), "lo stesso giorno": ("D", 0),
             "l'anno successivo": ("Y", 1), "l'anno seguente": ("Y", 1), "quel giorno": ("D", 0),
             "quell'anno": ("Y", 0)}  # fmt: skip
REFS = {"adesso": "PRESENT_REF", "attualmente": "PRESENT_REF", "oggigiorno": "PRESENT_REF",
        "recentemente": "PAST_REF", "di recente": "PAST_REF", "in futuro": "FUTURE_REF"}  # fmt: skip
MODIFIERS = {"inizio": "START", "all'inizio di": "START", "inizio di": "START", "fine": "END",
             "alla fine di": "END", "fine di": "END", "metà": "MID", "a metà": "MID", "circa": "APPROX",
             "oltre": "MORE_THAN", "più di": "MORE_THAN", "quasi": "LESS_THAN", "meno di": "LESS_THAN"}  # fmt: skip
SET_PREFIX = frozenset({"ogni"})
SET_WORDS = {"quotidianamente": "P1D", "settimanalmente": "P1W", "mensilmente": "P1M", "annualmente": "P1Y"}
ARTICLES = frozenset({"un", "una", "un'", "uno"})
DURATION_PREP = frozenset({"per", "da", "durante", "in", "entro", "oltre", "circa", "quasi"})
YEAR_PREP = frozenset({"nel", "dal", "al", "fino", "anno", "del", "e", "entro"})
YEAR_NOUN = ("l'anno", "anno")
YEAR_BC = ("a.c.", "a. c.", "avanti cristo")
DAY_SUFFIX = r"(?:º|°)?"
RANGE = ("al", "-", "–", "e")
NUMERIC_ORDER = "dmy"
FUTURE_CUES = frozenset({"sarà", "saranno", "domani", "previsto", "prevista", "andrà"})
TIME_PATTERNS = (r"alle\s+(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?", r"(?P<noon>mezzogiorno|mezzanotte)")
DECADE_PATTERNS = (r"(?:gli\s+)?anni\s+(?P<y>1\d\d0|20\d0)", r"(?:gli\s+)?anni\s+(?P<yy>[1-9]0)")
CENTURY_PATTERNS = (r"(?:il\s+)?(?P<c>[IVXL]+)\s+secolo", r"(?:il\s+)?secolo\s+(?P<c>[IVXL]+)")
PUBLISHED_CUES = ("pubblicato il", "aggiornato il", "pubblicato")
DAYPART_LINK = ("del",)
AGE_AFTER = ("di età",)
AGE_BEFORE = ("età di",)
EXTENT_STRIP = ("nel", "in", "a")

# An event the sentence announces takes the coming weekday: "called a strike on Tuesday".
ANNOUNCE_CUES = frozenset(
    "annunciato annunciata annuncia annunciano indetto indetta proclamato proclamata convocato convocata convoca convocano".split()
)
PLANNED_EVENTS = frozenset(
    "sciopero scioperi protesta proteste manifestazione manifestazioni corteo cortei presidio mobilitazione blocco votazione elezioni referendum vertice".split()
)
# House numbers of street addresses, on the text as written: never years.
ADDRESS_BEFORE = (
    r"(?i:via|viale|piazza|corso|vicolo|largo)\s+(?:[A-Z][\w'’.-]*\s+|de\s+|del\s+|della\s+|di\s+){1,5}",
)

# A date after these words opens a period that runs on ("since 2013"): it dates no event.
SINCE = frozenset({"dal", "dalla", "dall'"})
