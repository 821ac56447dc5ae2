"""German event triggers, modality cues and page furniture (syntax: lagebild.events.lexicon).

German compounds carry the event in their last part (Truppenabzug, Luftangriff): `*abzug*`
finds them. Separable verbs split in main clauses ("zogen ... ab"); the nouns and participles
(abgezogen) are listed instead of every split form.
"""

# fmt: off
TRIGGERS: dict[str, tuple[str, ...]] = {
    # Phrases that contain a trigger word but are no trigger.
    # An attack in words is a criticism ("scharfer Angriff auf die Regierung"), not violence.
    "NONE": ("raketenabwehr*", "gewaltfrei*", "verbal* angriff*", "angriff* auf die regierung",
             "angriff* auf die opposition", "frontalangriff auf",
             # The victims' names (not) released is police routine, no violence.
             "namen der opfer", "identität der opfer"),
    "AGREE": ("vereinbart*", "*vereinbarung*", "*abkommen*", "unterzeichn*", "einigten sich", "einigung",
              "zugesagt", "sagte zu", "sagten zu", "versprach*", "*vertrag unterzeichnet"),
    "AGREE/ceasefire": ("*waffenruhe*", "*waffenstillstand*", "feuerpause*"),
    "AGREE/settle": ("friedensabkommen*", "friedensvertrag*", "gefangenenaustausch*"),
    "CONSULT": ("gespräch*", "verhandl*", "beratung*", "beriet*", "treffen", "trafen sich", "traf sich",
                "gipfel*", "konferenz*", "telefonat*", "telefonierte*"),
    "CONSULT/visit": ("besuch*", "besucht*", "reiste nach", "staatsbesuch*"),
    "SUPPORT": ("unterstützt*", "begrüßt*", "lobte*", "billigt*", "anerkannt", "anerkennung"),
    "CONCEDE": ("entschuldig*", "begnadig*", "amnestie*", "lockerung*", "lockerte*", "aufgehoben"),
    "COOPERATE": ("zusammenarbeit", "kooperation*", "gemeinsame übung*", "gemeinsames manöver",
                  "ausgeliefert", "auslieferung*"),
    "AID": ("*hilfe geleistet", "hilfslieferung*", "spendet*", "kredit*", "finanzhilfe*"),
    "AID/military": ("waffenliefer*", "militärhilfe*", "lieferte waffen", "militärische unterstützung"),
    "AID/humanitarian": ("humanitäre hilfe", "hilfsgüter*", "hilfskonvoi*"),
    "AID/asylum": ("asyl gewährt", "gewährte asyl"),
    "RETREAT/withdraw": ("zieh* _ ab", "zog* _ ab", "zieh* sich _ zurück", "zog* sich _ zurück", "*abzug*",
                         "*rückzug*", "abgezogen", "zurückgezogen", "zurückziehen",
                         "zieht sich zurück", "ziehen sich zurück", "zogen sich zurück", "zog sich zurück",
                         "ziehen ab", "zogen ab", "zieht ab", "zog ab", "abziehen", "~verlassen", "~verließ*",
                         "räumten", "geräumt", "evakuiert*", "*truppen verlassen", "abreis*", "~reist ab",
                         "~reisen ab"),
    "RETREAT/release": ("freigelassen", "freilassung*", "ließ frei", "ließen frei", "entlassen",
                        # handed over, not taken: "übergab 13 Geiseln an das Rote Kreuz"
                        "übergab* _ _ geisel*", "übergeben _ _ geisel*", "geisel* übergeben", "geisel* freigelassen",
                        "geiseln _ freigelassen", "geisel* freigekommen", "geiseln kamen frei"),
    "RETREAT/disarm": ("entwaffn*", "waffen niedergelegt", "legten die waffen nieder", "kapitul*",
                       "ergaben sich", "ergeben"),
    "RETREAT/resign": ("zurückgetreten", "trat zurück", "traten zurück", "rücktritt*"),
    "RETREAT/cede": ("übergeben", "übergabe*", "kampflos"),
    "REQUEST": ("rief* _ auf", "ruft* _ auf", "forderte*", "fordert", "fordern", "*forderung*",
                "aufforderung*", "rief auf", "riefen auf",
                "appellierte*", "verlangte*", "verlangt", "drängte*", "ersuchte*", "bat um"),
    "ACCUSE/disapprove": ("verurteilte*", "kritisier*", "*kritik", "protestierte gegen", "missbilligt*"),
    "ACCUSE/allege": ("beschuldig*", "vorgeworfen", "vorwurf*", "warf vor", "warfen vor",
                      "macht verantwortlich",
                      "machte verantwortlich", "*behauptung*"),
    # weak: a routine investigation is rarely what the news reports (the crime it follows is)
    "ACCUSE/investigate": ("~ermittl*", "~untersuchung*", "~untersucht"),
    "ACCUSE/sue": ("verklagt*", "klage eingereicht", "anzeige erstattet"),
    "REJECT": ("lehnt* _ ab", "lehnte* ab", "abgelehnt", "ablehnung", "wies zurück", "wiesen zurück",
               "zurückgewiesen",
               "verweigert*", "veto"),
    "THREATEN": ("droht*", "drohung*", "androh*", "ultimatum", "warnte*"),
    "PROTEST/demo": ("*protest", "*proteste", "*protesten", "protestier*", "*demonstration*", "demonstrant*",
                     "demonstrier*", "kundgebung*", "*marsch", "mahnwache*", "sitzblockade*",
                     "gingen auf die straße",
                     "auf die straße gegangen", "versammelten sich"),
    "PROTEST/strike-gen": ("generalstreik*", "*streik", "*streiks", "streikt*", "arbeitsniederlegung*"),
    "PROTEST/strike-hun": ("hungerstreik*",),
    "PROTEST/obstruct": ("blockiert*", "*blockade*", "straßensperre*"),
    "PROTEST/boycott": ("boykott*",),
    "PROTEST/riot": ("unruhen", "krawall*", "ausschreitung*", "randal*", "aufruhr", "plünder*",
                     "steine geworfen", "warfen steine", "gewalttätige proteste"),
    "PROTEST/mob": ("lynch*", "mob", "meute"),
    "SANCTION": ("sanktion*", "embargo*", "brach die beziehungen", "beziehungen abgebrochen", "ausgewiesen",
                 "ausweisung*"),
    "SANCTION/convict": ("verurteilt", "schuldig gesprochen"),
    "SANCTION/cancel": ("abgesagt", "sagte ab", "sagten ab"),
    "MOBILIZE/troops": ("*einsatz", "*einsatzes", "eingesetzt", "entsandt", "entsendet", "*entsendung*",
                        "stationiert*", "verlegt*", "*verlegung*", "mobilisier*", "*mobilmachung*",
                        "aufmarsch*", "zusammengezogen", "*manöver*", "militärübung*", "patrouill*",
                        "rekrutier*", "marschierten ein", "einmarsch*", "verstärkung*", "in marsch gesetzt"),
    "MOBILIZE/police": ("polizeiaufgebot*", "sicherheitsvorkehrungen verschärft", "in alarmbereitschaft",
                        "großaufgebot*"),
    "MOBILIZE/weapons": ("raketentest*", "atomtest*", "testete*"),
    "MOBILIZE/base": ("stützpunkt errichtet", "basis errichtet", "hauptquartier eingerichtet", "~errichtete*"),
    "COERCE/arrest": ("nahm* _ fest", "nehm* _ fest", "verhaft*", "festgenommen", "festnahme*", "nahm* fest",
                      "festgesetzt", "inhaftiert*",
                      "gefangen genommen", "in gewahrsam", "abgeführt", "haftbefehl*"),
    "COERCE/confiscate": ("beschlagnahm*", "konfisz*", "enteign*"),
    "COERCE/restrict": ("ausgangssperre*", "einschränkung*", "abgeriegelt", "grenze geschlossen"),
    "COERCE/ban": ("verboten", "verbot", "verbietet"),
    "COERCE/censor": ("zensur*", "zensiert*", "internet abgeschaltet", "gesperrt"),
    "COERCE/martial-law": ("ausnahmezustand*", "kriegsrecht*", "notstand*"),
    "COERCE/deport": ("abgeschoben", "abschiebung*", "deportiert*"),
    "COERCE/disperse": ("tränengas*", "wasserwerfer*", "gummigeschoss*", "aufgelöst", "zerstreut",
                        "*vorgehen gegen", "niedergeschlagen", "eindämmen"),
    "COERCE/defuse": ("entschärft*", "sichergestellt", "abgefangen", "abgeschossen", "vereitelt"),
    "ASSAULT": ("griff* _ an", "greif* _ an", "*angriff*", "angegriffen", "griffen an", "griff an", "getötet",
                "tötete*", "tot", "tote",
                "toten", "verletzt*", "verwundet*", "opfer", "*anschlag*", "*attacke*", "attackiert*",
                "ermordet*", "*mord*", "massaker*", "gewalt"),
    "ASSAULT/firearms": ("erschossen", "schüsse*", "geschossen", "feuerten", "beschossen", "schusswechsel*",
                         "heckenschütze*", "scharfschütze*", "todesschütze*"),
    "ASSAULT/clash": ("*kämpfe*", "gekämpft", "kämpften", "gefecht*", "zusammenstöß*", "zusammenstoß*",
                      "*offensive", "besiegt", "zurückgeschlagen", "*schlacht*"),
    "ASSAULT/heavy-weapons": ("*beschuss", "artillerie*", "granatwerfer*", "*rakete*", "raketen*",
                              "bombardier*", "mörser*"),
    "ASSAULT/aerial": ("luftangriff*", "luftschl*", "drohnenangriff*", "kampfjet*", "kampfflugzeug*",
                       "bombenangriff*", "luftwaffe"),
    "ASSAULT/explosives": ("*bombe*", "*explosion*", "explodiert*", "sprengsatz*", "sprengfalle*",
                           "*mine", "*minen", "detonation*", "gesprengt", "sprengstoff*"),
    "ASSAULT/suicide-attack": ("selbstmordanschlag*", "selbstmordattentat*", "selbstmordattentäter*",
                               "sprengte sich", "sprengstoffgürtel*"),
    "ASSAULT/grenade": ("handgranate*",),
    "ASSAULT/chemical": ("chemiewaffe*", "giftgas*", "chemischen waffen", "chlorgas*", "sarin"),
    # Hostages named are often being freed or exchanged: only taking them is an abduction.
    "ASSAULT/abduct": ("entführ*", "verschleppt*", "~geisel*", "geiselnahme*", "als geisel*",
                       "geiseln genommen", "verschwunden"),
    "ASSAULT/sexual": ("vergewaltig*", "sexuelle gewalt", "sexuell missbraucht", "sexuelle übergriff*"),
    "ASSAULT/beat": ("geschlagen", "verprügelt", "misshandelt"),
    "ASSAULT/primitive": ("erstochen", "messerangriff*", "niedergestochen", "angezündet"),
    "ASSAULT/torture": ("gefoltert", "folter*"),
    "ASSAULT/execute": ("hingerichtet", "hinrichtung*"),
    "ASSAULT/assassinate": ("attentat*", "ermordung*"),
    "ASSAULT/destroy": ("niedergebrannt", "in brand gesetzt", "zerstört", "verwüstet", "brandstift*",
                        "abgebrannt", "gebrandschatzt"),
    "ASSAULT/retake": ("zurückerobert", "rückeroberung*", "befreit", "eroberten zurück"),
    "ASSAULT/occupy": ("erobert*", "eingenommen", "einzunehmen", "einnahme*", "kontrolle übernommen",
                       "besetzt*", "überrannt", "stürmten", "gestürmt"),
}

MODE_HINTS: dict[str, tuple[str, ...]] = {
    "ASSAULT/suicide-attack": ("selbstmord*",),
    "ASSAULT/chemical": ("chemie*", "giftgas*", "chlor*"),
    "ASSAULT/aerial": ("luft*", "drohne*", "kampfjet*", "kampfflugzeug*", "hubschrauber*", "flugzeug*"),
    "ASSAULT/grenade": ("*granate*",),
    "ASSAULT/explosives": ("*bombe*", "sprengsatz*", "sprengstoff*", "*mine"),
    "ASSAULT/heavy-weapons": ("artillerie*", "*rakete*", "mörser*", "*beschuss"),
    "ASSAULT/firearms": ("schüsse*", "schusswaffe*", "gewehr*", "pistole*"),
    "ASSAULT/clash": ("soldaten", "truppen", "armee", "milizen", "rebellen", "kämpfer", "militante*"),
}

MODE_OVERRIDES: dict[str, tuple[str, ...]] = {
    "ASSAULT/suicide-attack": ("selbstmordanschlag*", "selbstmordattentat*", "sprengte sich"),
    "ASSAULT/chemical": ("chemiewaffe*", "giftgas*"),
    "ASSAULT/aerial": ("luftangriff*", "luftschl*", "drohnenangriff*", "kampfjet*", "kampfflugzeug*"),
    "ASSAULT/grenade": ("handgranate*",),
}

# Accidents and disasters: "killed" or "injured" beside them is no violence.
ACCIDENT: tuple[str, ...] = ("unfall*", "unglück*", "*unfall", "überschwemmung*", "hochwasser", "erdbeben*",
                             "erdrutsch*", "sturm*", "*sturm", "ertrunken", "eingestürzt", "einsturz",
                             "entgleis*", "massenpanik", "brand ausgebrochen", "waldbr*", "lawine*")
NEGATION: tuple[str, ...] = ("nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie",
                             "niemals",
                             "weder", "dementiert*", "bestritt*", "nicht mehr")
NEGATION_AFTER: tuple[str, ...] = ("nicht", "nie", "zu verhindern", "verhindert", "vereitelt")
FUTURE: tuple[str, ...] = ("wird", "werden", "soll", "sollen", "plant", "planen", "geplant", "will", "wollen",
                           "beabsichtigt", "droht", "drohen", "morgen", "kommende* woche", "nächste* woche",
                           "angekündigt", "kündigte an", "kündigten an", "vorgesehen", "bevorstehend*",
                           "bereit zu", "vor zu", "bereitet*", "bereiten", "vorbereit*", "angedroht", "drohte mit",
                           "droht mit", "kündigt an", "kündigen an", "will", "wollen", "strebt", "strebe", "streben",
                           "anstreb*")
HYPOTHETICAL: tuple[str, ...] = ("falls", "wenn", "sofern", "könnte", "könnten", "würde", "würden",
                                 "möglich*",
                                 "eventuell", "vielleicht", "befürcht*", "gefahr eine*", "risiko", "ob",
                                 "in der hoffnung", "um zu")
REPORTING: tuple[str, ...] = ("sagte", "sagten", "erklärte*", "berichtet*", "teilte* mit", "meldete*",
                              "betonte*", "zufolge", "laut", "hieß es", "schrieb", "fuhr fort", "bestätigte*")
BOILERPLATE: tuple[str, ...] = ("check also", "lesen sie auch", "lesen sie mehr", "mehr zum thema",
                                "das könnte sie auch interessieren", "auch interessant", "weitere artikel",
                                "verwandte artikel", "ähnliche artikel", "about admin", "über den autor",
                                "related", "read more", "teilen", "kommentare", "schlagwörter", "anzeige",
                                "mehr dazu", "siehe auch", "empfehlungen", "meistgelesen")
SKIP_LINES: tuple[str, ...] = ("titelbild:", "foto:", "bild:", "quelle:", "bildquelle", "symbolbild",
                               "fotos:", "grafik:", "video:", "©", "copyright", "photo:", "image:",
                               "folgen sie uns", "abonnieren")
NOT_LOCATION: tuple[str, ...] = ("erfahrung*", "wie in", "wie damals in", "ähnlich wie", "im vergleich",
                                 "geboren in", "mit sitz in", "früher in",
                                 "zuvor in", "damals in")
ORIGIN: tuple[str, ...] = ("aus", "stammt aus", "stammen aus")
PASSIVE: tuple[str, ...] = ("wurde", "wurden", "worden", "ist", "sind")
AGENT_MARKERS: tuple[str, ...] = ("von", "durch", "seitens")
OF_MARKERS: tuple[str, ...] = ("der", "des", "von")
# fmt: on

# A happening named after these is the object of what the sentence tells (characterised, ended,
# answered, remembered), not reported by it.
REFERENCE: tuple[str, ...] = (
    "nannte",
    "nennt",
    "nannten",
    "bezeichnete*",
    "bezeichnet",
    "beenden",
    "beendet",
    "beendigung",
    "ende der",
    "ende des",
    "ende von",
    "einstellung der",
    "einstellung des",
    "stopp der",
    "stopp des",
    "als reaktion auf",
    "als antwort auf",
    "vergeltung für",
    "rache für",
    "jahrestag*",
    "gedenk*",
)
