"""German casualty words (see lagebild.events.casualties)."""

# fmt: off
NUMBERS = {
    "ein": 1, "eine": 1, "einer": 1, "einen": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100, "beide": 2, "beiden": 2,
}
VAGUE = ("dutzende", "hunderte", "tausende", "mehrere", "viele", "zahlreiche", "einige")
NOBODY = ("niemand", "keine", "kein", "keiner")
KILLED = (
    r"tote[nr]?", r"getötet", r"tötete[n]?", r"starb(?:en)?", r"verstarb(?:en)?", r"gestorben",
    r"ums", r"todesopfer", r"erschossen", r"erschoss", r"ermordet", r"ermordete[n]?", r"tot",
)
INJURED = (r"verletzte[nr]?", r"verletzt", r"verwundete[nr]?", r"verwundet", r"schwerverletzte[nr]?")
HIT = (r"angeschossen", r"niedergestochen")
AUXILIARIES = ("wurden", "wurde", "sind", "ist", "waren", "war", "worden")
SINGULAR_AUXILIARIES = ("wurde", "ist", "war")
JOINERS = ("und",)
MINIMUM = ("mindestens", "wenigstens", "über", "mehr", "als", "rund", "etwa", "fast", "knapp")
ADVERBS = ("schwer", "leicht", "lebensgefährlich", "tödlich", "dabei", "offenbar", "zudem", "auch")
STOP = ("in", "im", "bei", "beim", "nach", "vor", "von", "der", "die", "das", "den", "dem", "des", "sagte", "mit")
ONE_PERSON = ("er", "sie", "mann", "frau", "junge", "mädchen", "kind", "polizist", "soldat", "opfer")
# Relative pronouns: a harm word after them has another subject.
RELATIVE = ("welche", "welcher", "welches")  # der/die/das are articles too; a comma comes first
# Killing nouns counted with their victims: "der Tod von zwei Männern", "die Ermordung der beiden".
KILL_NOUNS = ("tod", "tötung", "ermordung", "mord")
OF = ("von", "an", "des", "der")
REFLEXIVE = ("sich",)  # "erschoss sich"
TRANSITIVE = ("erschoss", "tötete", "töteten", "ermordete", "ermordeten")
DIED_ONE = ("starb", "verstarb", "umgekommen")  # singular: one dead, named or not
DETERMINERS = ("der", "die", "den", "dem", "des", "seine", "seiner", "ihre", "ihrer", "ihren")
PEOPLE = ("menschen", "personen", "kinder", "leute", "männer", "frauen")
MODIFIED = ("strafe", "drohung", "drohungen", "urteil")
NOT_PEOPLE = ("mal", "schüsse", "jahre", "jahren", "monate", "tage", "stunden", "prozent", "euro", "uhr")
NEGATION = ("nicht",)
PREPOSITIONS = ("in", "im", "an", "am", "auf", "bei", "vor")
# German nouns are capitalised: a capitalised word alone is no sign of a name.
NOUNS_CAPITALISED = True
# fmt: on
# "Die Zahl der Toten stieg auf 21": the figure follows the phrase.
TOLL_BEFORE = ("zahl der", "anzahl der")
