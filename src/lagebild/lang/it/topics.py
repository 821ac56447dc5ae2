"""Italian cue words of article topics, for the relevance judgement (lagebild.events.relevance)."""

# fmt: off
OFF_TOPIC: dict[str, tuple[str, ...]] = {
    "sports": ("calcio", "serie a", "champions league", "mondiali", "olimpi*", "attaccante*", "centrocampista*",
               "portiere", "allenatore*", "gol", "rigore", "intervallo", "semifinal*", "finale", "stagione",
               "campionato*", "torneo*", "stadio", "tennis", "basket", "medaglia*", "classifica", "retrocessione",
               "partita*", "derby", "tifosi"),
    "business": ("azioni", "azionist*", "investitor*", "borsa", "piazza affari", "ricavi", "fatturato", "utile",
                 "utili", "trimestre*", "dividend*", "quota di mercato", "guerra dei prezzi", "prezzi", "sconti",
                 "supermercat*", "catena di negozi", "clienti", "consumatori", "amministratore delegato",
                 "inflazione", "tassi di interesse", "economisti", "analisti"),
    "weather": ("meteo", "previsioni", "temperatur*", "gradi", "pioggia", "piogge", "neve", "ondata di calore",
                "tempesta*", "uragano", "raffiche", "maltempo", "allerta meteo", "soleggiato", "siccità"),
    "culture": ("film", "cinema", "attore", "attrice", "album", "cantant*", "concerto*", "festival", "museo",
                "musei", "mostra", "romanzo*", "teatro", "prima assoluta", "opera lirica", "orchestra", "serie tv"),
    "science": ("scienziati", "ricercatori", "studio pubblicato", "specie", "telescopio", "astronom*", "galassi*",
                "pianet*", "asteroide*", "fossil*", "dinosaur*", "laboratorio"),
    "lifestyle": ("ricetta", "ricette", "cucina", "chef", "ristorante*", "moda", "vacanz*", "viaggio", "dieta",
                  "benessere", "vip", "matrimonio", "giardino", "consigli"),
}

EVENT_NEWS: tuple[str, ...] = (
    "polizia", "poliziott*", "carabinieri", "soldat*", "truppe", "esercito", "militar*", "milizi*", "ribelli",
    "terror*", "manifestant*", "attivist*", "governo", "ministero", "ministr*", "president*", "parlamento",
    "opposizione", "elezion*", "regime", "sanzioni", "ambasciata", "diplomatic*", "cessate il fuoco",
    "ostaggi*", "civili", "profughi", "rifugiati", "guerra", "arrestat*", "tribunale", "procura",
    "autorità", "forze di sicurezza", "bombardament*", "mort*", "ferit*",
    # Crime news: violence and its investigation, however local the story.
    "omicidi*", "assassin*", "sparatoria*", "colpi di pistola", "sospettat*", "accoltellat*", "rapina*",
    # Labour action is protest news, however much business talk surrounds a strike.
    "sciopero", "scioperi", "sindacat*",
)
