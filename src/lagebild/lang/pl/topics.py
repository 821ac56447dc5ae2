"""Polish cue words of article topics, for the relevance judgement (lagebild.events.relevance)."""

# fmt: off
OFF_TOPIC: dict[str, tuple[str, ...]] = {
    "sports": ("piłk* nożn*", "ekstraklas*", "liga mistrzów", "mistrzostw*", "mundial*", "olimpi*",
               "napastnik*", "bramkarz*", "trener*", "gol*", "bramk*", "rzut karny", "przerw*", "półfinał*",
               "finał*", "sezon*", "turniej*", "stadion*", "tenis*", "siatkówk*", "medal*", "mecz*", "kibic*"),
    "business": ("akcj* spółki", "akcjonariusz*", "inwestor*", "giełd*", "przychod*", "zysk*", "kwartał*",
                 "dywidend*", "udział w rynku", "wojn* cenow*", "ceny", "cen", "promocj*", "rabat*", "supermarket*",
                 "dyskont*", "sieć handlow*", "klient*", "konsument*", "prezes zarządu", "inflacj*",
                 "stopy procentowe", "ekonomiści", "analitycy"),
    "weather": ("pogod*", "prognoz*", "synoptyk*", "imgw", "temperatur*", "stopni", "deszcz*", "opad*",
                "śnieg*", "upał*", "burz*", "wichur*", "huragan*", "porywy wiatru", "susz*"),
    "culture": ("film*", "kino", "aktor*", "aktork*", "album*", "piosenkar*", "koncert*", "festiwal*",
                "muze*", "wystaw*", "powieść", "powieści", "teatr*", "premier* filmu", "oper*", "orkiestr*", "serial*"),
    "science": ("naukowc*", "badacz*", "badani*", "gatun*", "teleskop*", "astronom*", "galaktyk*", "planet*",
                "asteroid*", "skamieniałoś*", "dinozaur*", "laboratori*"),
    "lifestyle": ("przepis*", "kuchni*", "szef kuchni", "restaurac*", "mod*", "wakacj*", "urlop*", "podróż*",
                  "diet*", "fitness", "celebry*", "ślub*", "ogród*", "porady"),
}

EVENT_NEWS: tuple[str, ...] = (
    "policj*", "policjant*", "żołnierz*", "wojsk*", "armi*", "bojownik*", "terror*", "protestując*",
    "demonstrant*", "aktywiś*", "rząd*", "ministerstw*", "minist*", "prezydent*", "parlament*", "sejm*",
    "opozycj*", "wybor*", "reżim*", "sankcj*", "ambasad*", "dyplomat*", "rozejm*", "zakładni*", "cywil*",
    "uchodźc*", "wojn*", "zatrzyman*", "aresztowan*", "sąd*", "prokurat*", "władze", "ostrzał*", "zginęł*",
    "zabit*", "rann*",
    # Crime news: violence and its investigation, however local the story.
    "zabójstw*", "morderstw*", "strzelanin*", "zastrzel*", "podejrzan*", "nożem", "napad*",
    # Labour action is protest news, however much business talk surrounds a strike.
    "strajk*", "związk* zawodow*",
)
