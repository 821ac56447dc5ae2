"""Spanish casualty words (see lagebild.events.casualties)."""

# fmt: off
NUMBERS = {
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15,
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "cien": 100, "ambos": 2,
}
VAGUE = ("decenas", "cientos", "centenares", "miles", "varios", "varias", "numerosos", "muchos")
NOBODY = ("ningún", "ninguna", "nadie", "ninguno")
KILLED = (
    r"muert[oa]s?", r"murieron", r"murió", r"fallecid[oa]s?", r"fallecieron", r"falleció",
    r"asesinad[oa]s?", r"matando", r"mataron", r"mató", r"víctimas",
)
INJURED = (r"herid[oa]s?", r"hiriendo", r"lesionad[oa]s?")
AUXILIARIES = ("fueron", "fue", "han", "ha", "sido", "resultaron", "resultó", "están", "está")
SINGULAR_AUXILIARIES = ("fue", "ha", "resultó", "está")
JOINERS = ("y",)
MINIMUM = ("al", "menos", "más", "de", "unos", "unas", "cerca", "casi")
ADVERBS = ("gravemente", "levemente", "mortalmente")
STOP = ("en", "el", "la", "los", "las", "del", "según", "tras", "por", "para", "con")
ONE_PERSON = ("él", "ella", "hombre", "mujer", "niño", "niña", "joven", "policía", "soldado")
# Relative pronouns: a harm word after them has another subject.
RELATIVE = ("que", "quien", "quienes", "cual")
# Killing nouns counted with their victims: "la muerte de dos policías", "el asesinato de Ana Ruiz".
KILL_NOUNS = ("muerte", "asesinato", "homicidio")
OF = ("de",)
DIED_ONE = ("murió", "falleció", "asesinado", "asesinada", "fallecido", "fallecida")
DETERMINERS = ("el", "la", "los", "las", "su", "sus")
PEOPLE = ("personas", "gente", "niños", "hombres", "mujeres", "civiles")
NOT_PEOPLE = ("veces", "balas", "años", "meses", "días", "horas", "por", "euros")
NEGATION = ("no",)
PREPOSITIONS = ("en", "a", "sobre", "cerca")
# fmt: on
# "la cifra de muertos ascendió a 30": the figure follows the phrase.
TOLL_BEFORE = ("cifra de", "número de", "balance de")
