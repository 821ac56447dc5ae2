"""German name shapes (see lagebild.actors.names): organisation heads, name particles."""

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
)
ORG_CONNECTORS = ("für", "der", "des", "von", "und")
NAME_PARTICLES = ("von", "van", "der", "de", "zu", "vom", "den", "di", "da", "bin", "al")
# fmt: on
