"""French casualty words (see lagebild.events.casualties)."""

# fmt: off
NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100,
}
VAGUE = ("dizaines", "centaines", "milliers", "plusieurs", "nombreux", "nombreuses")
NOBODY = ("aucun", "aucune", "personne")
KILLED = (r"morts?", r"mortes?", r"tués?", r"tuées?", r"tuant", r"décédée?s?", r"victimes", r"abattue?s?")
INJURED = (r"blessée?s?", r"blessant")
AUXILIARIES = ("ont", "été", "a", "sont", "est", "avaient", "avait")
SINGULAR_AUXILIARIES = ("a", "est", "avait")
JOINERS = ("et",)
MINIMUM = ("au", "moins", "plus", "de", "près", "environ", "quelque")
ADVERBS = ("grièvement", "légèrement", "gravement", "mortellement")
STOP = ("dans", "à", "en", "le", "la", "les", "du", "des", "selon", "après", "par", "pour")
ONE_PERSON = ("il", "elle", "homme", "femme", "garçon", "fille", "enfant", "policier", "soldat")
# Relative pronouns: a harm word after them has another subject.
RELATIVE = ("qui", "que", "dont")
# Killing nouns counted with their victims: "la mort de deux policiers", "le meurtre d'Ana".
KILL_NOUNS = ("meurtre", "assassinat", "mort")
OF = ("de",)
DIED_ONE = ("décédé", "décédée", "tué", "tuée", "morte")  # singular: one dead, named or not
DETERMINERS = ("le", "la", "les", "son", "sa", "ses", "leur", "leurs", "l")
PEOPLE = ("personnes", "gens", "enfants", "hommes", "femmes", "civils")
MODIFIED = ("pénalité",)
NOT_PEOPLE = ("fois", "balles", "ans", "mois", "jours", "heures", "pour", "euros")
NEGATION = ("pas",)
PREPOSITIONS = ("dans", "à", "en", "sur", "près")
# fmt: on
# "le nombre de morts s'élève à 12", "le bilan est passé à 12 morts" (that one is read as a count).
TOLL_BEFORE = ("nombre de",)
