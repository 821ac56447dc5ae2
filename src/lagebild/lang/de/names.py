"""German name shapes (see lagebild.actors.names): organisation heads and descriptors, the nouns
and verbs that stand next to a person's name, name particles."""

# fmt: off
# Words that make a capitalised phrase an organisation: "Deutsche Bank", "FC Bayern München".
ORG_HEADS = (
    "Partei", "Bank", "AG", "GmbH", "KG", "SE", "e.V.", "Verein", "Verband", "Stiftung", "Institut",
    "Universität", "Hochschule", "Gewerkschaft", "Konzern", "Holding", "Gruppe", "Group", "Union",
    "FC", "SV", "VfB", "VfL", "TSV", "SC", "TSG", "Borussia", "Eintracht", "Werke", "Zeitung",
    "Rundschau", "Allgemeine", "Rat", "Kommission", "Amt", "Ministerium", "Gericht", "Akademie",
    "Klinikum", "Airlines", "Bahn", "Post", "Telekom", "Versicherung", "Sparkasse", "Volksbank",
    "Bundesamt", "Landesamt", "Bundesanstalt", "Behörde", "Agentur", "Instituts", "Verlag",
    "Verlags", "Inc.", "Inc", "Ltd", "Ltd.", "N.V.", "S.A.", "Co.", "School", "College", "Theatre",
    "Theater", "Radio", "Energy", "Board", "Times", "Force", "Orchester", "Museum", "Rundfunk",
    "Laboratory", "Laboratories", "Council", "Federation", "Corporation", "Institute", "University",
    # Newspapers ("Berliner Kurier", "Eichsfelder Tageblatt") and English company words.
    "Kurier", "Tageblatt", "Presse", "Umschau", "Anzeiger", "Bote", "Nachrichten", "Morgenpost",
    "Abendblatt", "Journal", "Tribune", "Herald", "Express", "Commission", "Committee",
    "Association", "Foundation", "Systems", "Microsystems", "Industries", "Holdings", "Airways",
    "Railway", "Railways", "Worldwide", "Solutions", "Technologies", "Pictures", "Records",
    "Entertainment", "Motors", "Partners", "Capital", "Communications", "Networks", "Electronics",
    "Comics", "Studios", "Society",
)
# Heads that also end compounds which are names once a capitalised word stands before them
# ("Hamburger Mieterverein", "Bayerisches Staatsministerium", "Hessischer Rundfunk").
ORG_COMPOUND_HEADS = (
    "partei", "bank", "verein", "verband", "stiftung", "institut", "universität", "hochschule",
    "gewerkschaft", "konzern", "gruppe", "werke", "zeitung", "kommission", "ministerium", "gericht",
    "akademie", "klinikum", "versicherung", "sparkasse", "behörde", "agentur", "verlag", "rundfunk",
    "museum", "orchester", "theater", "kammer", "dienst", "gesellschaft", "schule", "gymnasium",
    "kraftwerk", "verbände", "vereine", "banken", "genossenschaft", "grube", "klinik",
)
# One-word names of federal bodies: "Bundesjustizministerium", "Bundesnachrichtendienst".
ORG_PREFIXES = ("Bundes",)
# Common nouns that introduce an organisation's name without being part of it: "der Konzern
# Siemens", "die Rockband Fold Zandura", "die Versicherung Swiss Life". Matched as the end of
# a compound too ("Chemiekonzern", "Traditionsverein", "Pop-Band").
ORG_DESCRIPTORS = (
    "firma", "unternehmen", "konzern", "hersteller", "herstellern", "gesellschaft", "airline",
    "band", "verein", "klub", "club", "gewerkschaft", "sender", "bankhaus", "label", "versicherung",
    "versicherer", "ligist", "ligisten", "rivale", "rivalen", "konkurrent", "konkurrenten",
    "mannschaft", "team", "magazin", "agentur", "partei", "zeitung", "kette", "marke", "reederei",
    "fluggesellschaft", "verlag", "fraktion", "bündnis", "organisation", "gruppe",
)
# Nouns for people that stand right before a name: "Trainer Klopp", "seine Frau Wally",
# "Oberarzt Dr. Meier", "Fußball-Experte Sammer". Matched as the end of a compound too.
PERSON_NOUNS = (
    "herr", "frau", "dr", "prof", "professor", "professorin", "sohn", "tochter", "vater", "mutter",
    "bruder", "schwester", "onkel", "tante", "neffe", "nichte", "enkel", "enkelin", "cousin",
    "cousine", "ehefrau", "ehemann", "witwe", "freund", "freundin", "halbbruder", "gattin",
    "trainer", "trainerin", "coach", "kapitän", "spieler", "spielerin", "torwart", "keeper",
    "stürmer", "verteidiger", "regisseur", "regisseurin", "sänger", "sängerin", "rapper", "musiker",
    "schauspieler", "schauspielerin", "autor", "autorin", "maler", "architekt", "bischof", "papst",
    "könig", "königin", "kaiser", "kaiserin", "graf", "gräfin", "fürst", "fürstin", "herzog",
    "herzogin", "prinz", "prinzessin", "genosse", "genossin", "arzt", "ärztin", "anwalt", "anwältin",
    "richter", "richterin", "kommissar", "kommissarin", "experte", "expertin", "manager",
    "managerin", "direktor", "direktorin", "sprecher", "sprecherin", "chef", "chefin", "kollege",
    "kollegin", "fahrer", "fahrerin", "pilot", "pilotin", "tester", "heilige", "heiligen",
    "heiliger", "bürgermeister", "bürgermeisterin", "abgeordnete", "abgeordneten", "pfarrer",
    "politiker", "politikerin", "schriftsteller", "schriftstellerin", "komponist", "dichter",
    "philosoph", "theologe", "historiker", "journalist", "journalistin", "unternehmer",
    "gründer", "gründerin", "star", "profi", "legende", "weltmeister", "olympiasieger",
)
# Verbs of saying after which a capitalised word is the speaker: "sagte Rüttgers", "so Barth."
SPEECH_VERBS = (
    "sagte", "sagt", "sagten", "erklärte", "erklärt", "meinte", "meint", "betonte", "betont",
    "berichtete", "berichtet", "schrieb", "schreibt", "so", "fügte", "ergänzte", "warnte",
    "kritisierte", "forderte", "erläuterte", "bestätigte", "erzählt", "erzählte",
)
# Given names in our list that German writes as common nouns or words ("Art", "Mal", "Sommer"):
# they start a person only with a surname and never alone.
COMMON_GIVEN = (
    "Adel", "Admiral", "Alpha", "Angel", "Art", "Baby", "Baron", "Beste", "Bett", "Boss", "Chance",
    "Chip", "Corona", "Delphin", "Delta", "Dock", "Don", "Echo", "Forum", "General", "Genie",
    "Handy", "Job", "Juli", "Juni", "Junior", "Kader", "Karma", "Lady", "Lage", "Link", "Major",
    "Mal", "Marine", "Media", "Melodie", "Mentor", "Mio", "Oma", "Orange", "Page", "Pastor", "Pate",
    "Primus", "Queen", "Rock", "Rose", "Saal", "Safari", "Saga", "Server", "Sie", "Sommer", "Tage",
    "Tal", "Villa", "Vita", "West", "Wille", "King", "Green", "Royal", "Red", "Jet", "Young",
    "Case", "Till", "Santa", "Olympia", "Lane", "Bee", "Kiefer", "Hall", "Mai", "Ion", "Tor", "Mark",
    "Kaiser",
)
# Capitalised words at a sentence's start that are no name ("Beim", "Obwohl").
NOT_NAMES = (
    "beim", "obwohl", "ähnliche", "weiteren", "ihre", "ihren", "ihrem", "ihr", "alle", "darin",
    "euer", "dass", "damit", "dabei", "dafür", "danach", "dann", "doch", "nach", "vor", "seit",
    "während", "wegen", "trotz", "laut", "zudem", "auch", "nur", "noch", "schon", "bereits", "mehr",
    "viele", "einige", "andere", "neue", "neuen", "erst", "zuvor", "gestern", "heute", "morgen",
    "weitere", "weiterer", "weiteres", "mehrere", "jede", "jeder", "jedes", "manche", "solche",
    "anders", "kurz", "hierzu", "hier", "dort", "bald", "oft", "später", "wieder", "ebenso",
    "außerdem", "schließlich", "zunächst", "inzwischen", "jetzt", "nun", "immer", "allerdings",
)
ORG_CONNECTORS = ("für", "der", "des", "von", "und")
# Particles that open the surname part of a name; NAME_INNER only follow one ("von der Leyen").
NAME_PARTICLES = ("von", "van", "de", "zu", "di", "da", "bin", "al", "della", "del", "du")
NAME_INNER = ("der", "den", "dem", "und", "la", "le")
# Particles no German word is spelled as, so they open a surname alone: "erklärt van der Vaart".
SURNAME_OPENERS = ("van", "ten", "ter")
# fmt: on
# A given name or surname alone inside a sentence names a person ("dass Lucy", "mit Schröder"):
# German capitalises
# nouns, so a capital alone says little, but a given name says more than in English ("Will").
LONE_GIVEN_NAMES = True
# Conjunctions that open a clause whose subject a name often is: "dass Madoff den Rest". (Not
# "als", "wie", "da": "als Trainer arbeitete" takes nouns without an article.)
CLAUSE_OPENERS = ("dass", "daß", "ob", "weil", "obwohl", "nachdem")
# Endings of German common nouns ("Politik", "Gewalt" excepted): a word with one after "dass" or
# before a verb of saying is a noun more often than a name.
NOUN_ENDINGS = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "tion",
    "sion",
    "tät",
    "ik",
    "ismus",
    "nis",
    "ment",
    "enz",
    "anz",
    "tum",
    "ling",
    "chen",
    "lein",
    "sorge",
    "kinder",
    "leute",
    "ität",
    "ie",
    "ei",
)
# Words after which a lone given name is a noun or a place: an article or determiner ("seinem
# Tod", "im April", "die Tore") or a preposition of place ("nach Paris", "in Kiel").
LONE_BLOCKERS = (
    "der",
    "die",
    "das",
    "dem",
    "den",
    "des",
    "ein",
    "eine",
    "einer",
    "einem",
    "einen",
    "eines",
    "kein",
    "keine",
    "keinen",
    "keinem",
    "keiner",
    "mein",
    "meine",
    "meinem",
    "meinen",
    "meiner",
    "dein",
    "sein",
    "seine",
    "seinem",
    "seinen",
    "seiner",
    "seines",
    "ihr",
    "ihre",
    "ihrem",
    "ihren",
    "ihrer",
    "ihres",
    "unser",
    "unsere",
    "unserem",
    "unseren",
    "euer",
    "eure",
    "dieser",
    "diese",
    "diesem",
    "diesen",
    "dieses",
    "jeder",
    "jede",
    "jedem",
    "jeden",
    "jedes",
    "am",
    "im",
    "ins",
    "zum",
    "zur",
    "vom",
    "beim",
    "in",
    "nach",
    "aus",
    "bei",
    "zu",
    "um",
    "über",
    "via",
    "gen",
    "vor",
    "hinter",
    "neben",
    "durch",
    "gegen",
    "mehrere",
    "viele",
    "alle",
    "beide",
    "beiden",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "san",
    "santa",
    "são",
    "sankt",
    "st",
)
