"""French cue words of article topics, for the relevance judgement (lagebild.events.relevance)."""

# fmt: off
OFF_TOPIC: dict[str, tuple[str, ...]] = {
    "sports": ("football", "ligue 1", "ligue des champions", "coupe du monde", "olympi*", "attaquant*",
               "milieu de terrain", "gardien*", "entraîneur*", "penalty", "mi-temps",
               "saison", "championnat*", "tournoi*", "stade", "tennis", "rugby", "basket*",
               "cyclis*", "tour de france", "médaille*", "classement", "relégation", "derby", "match", "matchs"),
    "business": ("actionnaire*", "investisseur*", "bourse", "cac 40", "chiffre d'affaires",
                 "bénéfice*", "trimestre*", "dividende*", "part de marché", "guerre des prix", "prix",
                 "promotion*", "distributeur*", "supermarché*", "hypermarché*", "enseigne*", "clients",
                 "consommateurs", "pdg", "inflation", "taux d'intérêt", "économistes", "analystes"),
    "weather": ("météo*", "prévision*", "météorolog*", "température*", "degrés", "pluie*", "averse*", "neige*",
                "canicule", "tempête*", "ouragan*", "rafales", "orage*", "vigilance orange", "vigilance rouge",
                "ensoleill*", "coupures de courant", "sécheresse"),
    "culture": ("film*", "cinéma", "acteur*", "actrice*", "album*", "chanteu*", "concert*", "festival*",
                "musée*", "exposition*", "roman*", "théâtre", "opéra", "orchestre*", "série*"),
    "science": ("scientifiques", "chercheurs", "étude*", "espèce*", "télescope*", "astronom*", "galaxie*",
                "planète*", "astéroïde*", "fossile*", "dinosaure*", "laboratoire*"),
    "accident": ("pompiers", "sapeurs-pompiers", "incendie*", "collision", "accident de la route", "noyé*",
                 "glissement de terrain", "secouristes", "déraill*", "séisme"),
    "lifestyle": ("recette*", "cuisine", "chef*", "restaurant*", "vacances", "voyage*", "régime",
                  "fitness", "bien-être", "célébrité*", "mariage*", "jardin*", "conseils"),
}

EVENT_NEWS: tuple[str, ...] = (
    "police*", "policier*", "gendarme*", "soldat*", "troupes", "armée", "militaire*", "milices", "rebelles",
    "terror*", "jihadiste*", "manifestant*", "militant*", "gouvernement", "ministère", "ministre*",
    "président*", "parlement", "assemblée nationale", "opposition", "élection*", "sanctions",
    "ambassade", "diplomat*", "cessez-le-feu", "otage*", "civils", "réfugiés", "guerre", "arrêté*",
    "interpellé*", "tribunal", "procureur*", "autorités", "forces de sécurité", "frappe*", "tué*", "blessé*",
    # Crime news: violence and its investigation, however local the story.
    "meurtre*", "assassinat*", "homicide*", "fusillade*", "coups de feu", "abattu*", "poignard*",
    "suspect*", "braquage*",
    # Labour action is protest news, however much business talk surrounds a strike.
    "grève*", "grévistes", "syndicat*",
)
