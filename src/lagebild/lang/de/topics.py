"""German cue words of article topics, for the relevance judgement (lagebild.events.relevance)."""

# fmt: off
OFF_TOPIC: dict[str, tuple[str, ...]] = {
    "sports": ("fußball*", "*liga", "bundesliga*", "champions league", "weltmeisterschaft", "wm-*", "em-*",
               "olympi*", "stürmer*", "mittelfeld*", "torwart*", "torhüter*", "trainer*",
               "*treffer", "elfmeter*", "halbzeit", "abpfiff", "anpfiff", "*finale", "halbfinale*", "saison",
               "spieltag*", "tabelle*", "tabellenführer*", "stadion", "meisterschaft*", "turnier*", "tennis",
               "handball*", "basketball*", "eishockey", "formel 1", "medaille*", "heimspiel*", "auswärts*",
               "abstieg*", "aufstieg*", "derby"),
    "business": ("aktie*", "aktionär*", "anleger*", "börse*", "dax", "umsatz*", "gewinn*", "quartal*",
                 "dividende*", "marktanteil*", "preiskampf", "preiskrieg", "preise", "rabatt*", "discounter*",
                 "supermarkt*", "einzelhandel*", "händler*", "kunden", "verbraucher*", "konzern*", "vorstandschef*",
                 "geschäftsjahr*", "bilanz*", "zinsen", "leitzins*", "inflation", "ökonomen", "analysten"),
    "weather": ("wetter*", "unwetter*", "vorhersage*", "meteorolog*", "temperatur*", "grad celsius", "regen*",
                "niederschl*", "schnee*", "hitzewelle*", "sturm*", "orkan*", "böen", "gewitter*", "hochwasser*",
                "wetterdienst*", "dwd", "sonnig*", "stromausf*", "dürre"),
    "culture": ("film*", "kino*", "schauspieler*", "album*", "sänger*", "konzert*", "festival*", "museum*",
                "ausstellung*", "roman*", "theater*", "premiere*", "oper", "orchester*", "galerie*", "serie"),
    "science": ("wissenschaftler*", "forscher*", "studie*", "teleskop*", "astronom*", "galaxi*",
                "planet*", "asteroid*", "raumsonde*", "fossil*", "dinosaurier*", "labor*"),
    "accident": ("feuerwehr*", "brand", "*unfall*", "kollision", "ertrunken", "erdrutsch*", "rettungskräfte",
                 "entgleist", "erdbeben", "rettungshubschrauber"),
    "lifestyle": ("rezept*", "kochen", "restaurant*", "mode", "urlaub*", "reise*", "diät*", "fitness",
                  "wellness", "promi*", "hochzeit*", "garten*", "tipps"),
}

EVENT_NEWS: tuple[str, ...] = (
    "polizei*", "polizist*", "soldat*", "truppen", "armee", "militär*", "bundeswehr", "milizen", "rebellen",
    "kämpfer", "terror*", "demonstrant*", "aktivist*", "regierung*", "ministerium", "minister*",
    "präsident*", "parlament*", "opposition*", "wahl*", "regime", "sanktion*", "botschaft", "diplomat*",
    "waffenruhe", "geisel*", "zivilist*", "flüchtling*", "krieg*", "festgenommen", "gericht*",
    "staatsanwalt*", "behörden", "sicherheitskräfte", "luftangriff*", "getötet", "verletzt*",
    # Crime news: violence and its investigation, however local the story.
    "mord", "morde*", "mordes", "ermordet*", "erschossen", "schüsse", "schießerei*", "täter*",
    "tatverdächtig*", "verdächtig*", "messerangriff*", "erstochen", "tötungsdelikt*", "raubüberfall*",
    # Labour action is protest news, however much business talk surrounds a strike.
    "streik*", "gewerkschaft*",
)
