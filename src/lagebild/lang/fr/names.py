"""French name shapes (see lagebild.actors.names): organisation heads, name particles."""

# fmt: off
ORG_HEADS = (
    "Parti", "Union", "Association", "Conseil", "Comité", "Commission", "Ministère", "Université",
    "Banque", "Société", "Groupe", "Institut", "Fondation", "Agence", "Front", "Mouvement", "Cour",
    "Tribunal", "Fédération", "Confédération", "SA", "SAS", "Rassemblement", "Office", "Syndicat",
)
ORG_CONNECTORS = ("de", "des", "du", "la", "pour", "et", "d")
NAME_PARTICLES = ("de", "du", "des", "la", "le", "van", "von", "al", "el", "ben", "bin")
# fmt: on
