"""Portuguese date words for lagebild.time (see lagebild.time.lexicon for what each name means)."""

MONTHS = {
    "janeiro": 1, "jan.": 1, "fevereiro": 2, "fev.": 2, "março": 3, "marco": 3, "mar.": 3, "abril": 4,
    "abr.": 4, "maio": 5, "junho": 6, "jun.": 6, "julho": 7, "jul.": 7, "agosto": 8, "ago.": 8,
    "setembro": 9, "set.": 9, "outubro": 10, "out.": 10, "novembro": 11, "nov.": 11, "dezembro": 12,
    "dez.": 12,
}  # fmt: skip
# Only the "-feira" forms: "segunda", "terça"... alone are also ordinals ("a segunda vez").
WEEKDAYS = {"segunda-feira": 0, "terça-feira": 1, "quarta-feira": 2, "quinta-feira": 3, "sexta-feira": 4,
            "sábado": 5, "domingo": 6}  # fmt: skip
AMBIGUOUS_MONTHS = frozenset()
NUMBERS = {"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7,
           "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "quinze": 15, "vinte": 20, "trinta": 30,
           "quarenta": 40, "cinquenta": 50, "cem": 100}  # fmt: skip
FEW = frozenset({"alguns", "algumas", "vários", "várias", "poucos", "muitos"})
ORDINALS = {"primeiro": 1, "primeira": 1, "segundo": 2, "terceiro": 3, "quarto": 4, "último": -1}
UNITS = {"ano": "Y", "anos": "Y", "mês": "M", "meses": "M", "semana": "W", "semanas": "W", "dia": "D",
         "dias": "D", "hora": "H", "horas": "H", "minuto": "MIN", "minutos": "MIN", "década": "DE",
         "décadas": "DE", "século": "CE", "séculos": "CE", "trimestre": "Q", "trimestres": "Q",
         "fim de semana": "WE", "semestre": "H1"}  # fmt: skip
DEICTIC_DAYS = {"hoje": 0, "ontem": -1, "amanhã": 1, "anteontem": -2, "depois de amanhã": 2,
                "ontem à noite": (-1, "NI"), "hoje de manhã": (0, "MO"), "esta manhã": (0, "MO"),
                "esta noite": (0, "NI"), "ontem de manhã": (-1, "MO"), "ontem à tarde": (-1, "AF")}  # fmt: skip
DEICTIC_BLOCKERS = frozenset({"de", "a", "pela", "cada"})
DAY_PARTS = {"de manhã": "MO", "à tarde": "AF", "à noite": "NI"}
SEASONS = {"primavera": "SP", "verão": "SU", "outono": "FA", "inverno": "WI"}
LAST = frozenset({"passado", "passada", "último", "última", "anterior"})
NEXT = frozenset({"próximo", "próxima", "seguinte", "que vem"})
THIS = frozenset({"este", "esta", "neste", "nesta", "deste", "desta", "corrente"})
SAME = frozenset({"mesmo", "mesma"})
AGO_BEFORE = ("há",)
AGO_AFTER = ("atrás",)
IN_FUTURE = ("daqui a", "dentro de")
EARLIER = ("antes",)
LATER = ("depois", "mais tarde")
ANAPHORIC = {"no dia seguinte": ("D", 1), "na véspera": ("D", -1), "no mesmo dia": ("D", 0),
             "naquele dia": ("D", 0), "no ano seguinte": ("Y", 1), "naquele ano": ("Y", 0)}  # fmt: skip
REFS = {"agora": "PRESENT_REF", "atualmente": "PRESENT_REF", "recentemente": "PAST_REF",
        "no futuro": "FUTURE_REF"}  # fmt: skip
MODIFIERS = {"início de": "START", "no início de": "START", "começo de": "START", "final de": "END",
             "no final de": "END", "fim de": "END", "meados de": "MID", "em meados de": "MID",
             "cerca de": "APPROX", "mais de": "MORE_THAN", "quase": "LESS_THAN", "menos de": "LESS_THAN"}  # fmt: skip
SET_PREFIX = frozenset({"cada", "todos os", "todas as", "por"})
SET_WORDS = {"diariamente": "P1D", "semanalmente": "P1W", "mensalmente": "P1M", "anualmente": "P1Y"}
ARTICLES = frozenset({"um", "uma"})
DURATION_PREP = frozenset({"durante", "por", "em", "há", "mais", "menos", "quase"})
YEAR_PREP = frozenset({"em", "desde", "até", "de", "do", "ano", "e"})
YEAR_NOUN = ("o ano", "ano")
YEAR_BC = ("a.c.", "a. c.", "antes de cristo")
DAY_SUFFIX = r"(?:º|°)?"
DAY_MONTH_LINK = ("de",)
MONTH_YEAR_LINK = ("de",)
RANGE = ("a", "-", "–", "e")
NUMERIC_ORDER = "dmy"
FUTURE_CUES = frozenset({"vai", "vão", "será", "serão", "amanhã", "previsto", "prevista"})
TIME_PATTERNS = (r"(?:às|as)\s+(?P<h>[01]?\d|2[0-3])(?:[h:](?P<m>[0-5]\d))?(?:\s*h(?:oras)?)?",
                 r"(?P<h>[01]?\d|2[0-3])h(?P<m>[0-5]\d)?(?!\w)", r"(?P<noon>meio-dia|meia-noite)")  # fmt: skip
DECADE_PATTERNS = (r"(?:os\s+)?anos\s+(?P<y>1\d\d0|20\d0)", r"(?:os\s+)?anos\s+(?P<yy>[1-9]0)")
CENTURY_PATTERNS = (r"(?:o\s+)?século\s+(?P<c>[IVXL]+|\d{1,2})",)
PUBLISHED_CUES = ("publicado em", "atualizado em", "publicado")
DAYPART_LINK = ("do", "de")
AGE_AFTER = ("de idade",)
AGE_BEFORE = ("idade de", "aos")
EXTENT_STRIP = ("no", "na", "em")

# An event the sentence announces takes the coming weekday: "called a strike on Tuesday".
ANNOUNCE_CUES = frozenset(
    "anunciou anunciaram anuncia anunciam convocou convocaram convoca convocam marcaram marcou ameaçam ameaçou".split()
)
PLANNED_EVENTS = frozenset(
    "greve greves paralisação protesto protestos marcha marchas manifestação manifestações ato atos bloqueio votação eleição eleições referendo cúpula".split()
)
# House numbers of street addresses, on the text as written: never years.
ADDRESS_BEFORE = (
    r"(?i:rua|avenida|av\.|travessa|praça|estrada|alameda)\s+(?:[A-ZÁÉÍÓÚÂÊÔÃÕÇ][\w'’.-]*\s+|de\s+|da\s+|do\s+|dos\s+){1,5},?\s*(?:n[°º.]\s*)?",
)

# A date after these words opens a period that runs on ("since 2013"): it dates no event.
SINCE = frozenset({"desde"})
