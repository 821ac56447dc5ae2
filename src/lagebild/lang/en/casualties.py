"""English casualty words (see lagebild.events.casualties): counts, harm words, "at least"."""

# fmt: off
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "both": 2, "another": 1,
}
# Counts without a figure: there were casualties, how many is not said.
VAGUE = ("dozens", "scores", "hundreds", "thousands", "several", "many", "numerous", "some", "multiple")
NOBODY = ("no", "nobody", "none", "noone", "not")
# Regular expressions matched against whole words (case-insensitive).
KILLED = (
    r"killed", r"kills?", r"killing", r"dead", r"died", r"dies", r"dying", r"deaths?", r"slain",
    r"murdered", r"lives", r"fatalities", r"bodies", r"succumbed", r"suicide",
    # "a fatal shooting", "a deadly attack": at least one death, one when the article says "a".
    r"fatal", r"deadly",
)
INJURED = (
    r"injured", r"injuring", r"injuries", r"wounded", r"wounding", r"hurt", r"hospitali[sz]ed",
    r"casualties",
)
# Being hit is being wounded, unless a kill word follows ("shot and killed", "shot dead").
HIT = (r"shot", r"stabbed")
HIT_LINKS = ("and", "to")
FATAL = ("fatally", "mortally")
AUXILIARIES = ("was", "were", "been", "be", "is", "are", "have", "has", "had", "got", "get", "being")
SINGULAR_AUXILIARIES = ("was", "is", "has")
JOINERS = ("and", "plus")
MINIMUM = (
    "at", "least", "more", "than", "over", "about", "around", "nearly", "almost", "some", "an",
    "estimated",
)
# Words between an auxiliary and the harm word: "was reportedly found dead".
ADVERBS = (
    "reportedly", "allegedly", "later", "also", "critically", "seriously", "badly", "slightly", "all",
    "else", "found", "pronounced", "declared", "left", "then", "eventually", "instantly",
)
# Words a count's noun phrase never holds: a count before them belongs to something else.
STOP = (
    "said", "says", "in", "on", "at", "for", "by", "with", "after", "before", "who", "that",
    "which", "when", "where", "to", "from", "as", "while", "than", "his", "her", "their",
)
# A singular person right before a harm word is one casualty: "man killed in shooting", "he died".
ONE_PERSON = (
    "he", "she", "man", "woman", "boy", "girl", "teen", "teenager", "child", "toddler", "baby",
    "person", "victim", "officer", "driver", "student", "resident", "father", "mother", "son",
    "daughter", "husband", "wife", "brother", "sister", "suspect", "gunman", "shooter", "soldier",
    "civilian", "policeman", "bystander", "customer", "employee", "worker", "guard", "youth",
    "friend", "girlfriend", "boyfriend", "neighbor", "neighbour", "cousin", "grandmother",
    "grandfather", "uncle", "aunt", "infant", "motorist", "pedestrian", "journalist", "reporter",
    "protester", "passenger", "patient", "inmate", "deputy", "trooper", "sergeant", "clerk",
)
# Relative pronouns: a harm word after them has another subject.
RELATIVE = ("that", "which", "who", "whose")
# Killing and shooting nouns that count only with their victims ("the murder of Ana Ruiz", "a
# double homicide"): alone, "the shooting" says nothing of how many were hit.
KILL_NOUNS = ("murder", "murders", "homicide", "homicides", "slaying", "slayings", "killings")
HIT_NOUNS = ("shooting", "shootings", "stabbing", "stabbings")
OF = ("of",)
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MURDER_SUICIDE = ("murder-suicide",)
REFLEXIVE = ("himself", "herself", "self")
ONE_DEATH = ("suicide",)
# Plural harm nouns: never one person ("a friend found the bodies", "the family with whom she lives").
PLURAL_NOUNS = ("lives", "fatalities", "bodies", "deaths", "casualties")
# "two teens died in separate incidents", "in 33 separate shooting incidents": a toll over several
# happenings, none of them alone ("in a separate attack" has a toll of its own).
SEPARATE = (r"\b(?:separate|unrelated|different)\s+(?:\w+\s+)?(?:incidents|shootings|attacks|cases)\b",)
# "turned the gun on himself": the one who killed took his own life (one more dead).
WEAPONS = ("gun", "weapon", "rifle", "shotgun", "handgun", "pistol", "firearm")
TURNED_ON = ("on",)
# "the death toll rose to five", "the death toll stands at 12": the figure follows.
TOLL_AFTER = ("toll",)
ONE_NOUN = ("death", "killing", "slaying", "fatal", "deadly")  # singular: "a shooting death" is one dead  # "committed suicide", "an apparent suicide": the one who did it
# Whose subject is the dead, named or not: "Ana Ruiz died", "police found Ruiz dead".
DIED = ("died", "dies", "dead")
DETERMINERS = ("the", "his", "her", "their", "its", "our", "my", "this", "that")
# Nouns a harm word only qualifies: no one's death is told.
MODIFIED = (
    "penalty", "toll", "threat", "threats", "sentence", "row", "certificate", "squad", "wish",
    "weapon", "weapons", "force", "investigation",
)
PEOPLE = ("people", "children", "men", "women", "persons", "kids", "police", "family")
NOT_PEOPLE = (
    "times", "rounds", "shots", "bullets", "years", "months", "weeks", "days", "hours", "minutes",
    "year", "month", "week", "day", "result", "number", "series", "block", "p.m", "a.m", "pm",
    "miles", "blocks", "feet", "percent", "dollars", "y.o", "yo", "yrs",
)
NEGATION = ("not", "never")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
)
PREPOSITIONS = ("in", "on", "at", "inside", "into", "near", "outside", "from", "behind")
# Kill verbs whose victims follow as their object: "killing his wife and two children".
TRANSITIVE = (
    "killed", "killing", "kills", "kill", "murdered", "murdering", "shot", "stabbed", "wounded",
    "wounding", "injuring", "injured",
)
# fmt: on
