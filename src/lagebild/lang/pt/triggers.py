"""Portuguese event triggers, modality cues and page furniture (syntax: lagebild.events.lexicon)."""

# fmt: off
TRIGGERS: dict[str, tuple[str, ...]] = {
    # Phrases that contain a trigger word but are no trigger.
    "NONE": ("tropa de choque",),
    "AGREE": ("acordo*", "acordaram", "assinaram", "assinou", "assinatura", "pacto", "comprometeu-se",
              "prometeu"),
    "AGREE/ceasefire": ("cessar-fogo", "trégua*", "armistício"),
    "AGREE/settle": ("acordo de paz", "tratado de paz", "troca de prisioneiros"),
    "CONSULT": ("negociaç*", "conversações", "reuniu-se", "reuniram-se", "reunião", "cúpula", "cimeira",
                "diálogo"),
    "CONSULT/visit": ("visitou", "visita oficial", "chegou a"),
    "CONSULT/phone": ("telefonema", "conversa telefónica", "conversa telefônica", "por telefone"),
    "SUPPORT": ("apoiou", "elogiou", "saudou", "respaldou", "reconheceu a independência"),
    "CONCEDE": ("pediu desculpa*", "indultou", "indulto", "anistia", "amnistia", "flexibiliz*"),
    "COOPERATE": ("exercício* conjunto*", "cooperação", "extradit*", "extradição"),
    "AID": ("ajuda financeira", "empréstimo", "doou", "doação"),
    "AID/military": ("ajuda militar", "envio de armas", "fornecimento de armas"),
    "AID/humanitarian": ("ajuda humanitária", "assistência humanitária"),
    "AID/asylum": ("asilo",),
    "RETREAT/withdraw": ("retirada", "retirou-se", "retiraram-se", "retiraram", "recuaram", "recuo",
                         "abandonaram", "deixaram o país", "evacuaram", "evacuação"),
    "RETREAT/release": ("libertou", "libertaram", "libertad*", "libertação", "soltos", "soltou"),
    "RETREAT/disarm": ("desarm*", "entregaram as armas", "renderam-se", "rendição", "capitul*"),
    "RETREAT/resign": ("renunciou", "demitiu-se", "demissão", "renúncia"),
    "RETREAT/cede": ("entregou o controle", "entregou o controlo", "sem combate", "sem resistência"),
    "REQUEST": ("exigiu", "exigiram", "exige", "reivindic*", "pediu", "pediram", "apelou", "instou", "ordenou"),
    "ACCUSE/disapprove": ("conden*", "critic*", "denunci*", "repudi*"),
    "ACCUSE/allege": ("acus*", "culp*"),
    # weak: a routine investigation is rarely what the news reports (the crime it follows is)
    "ACCUSE/investigate": ("~investig*", "~inquérito*"),
    "ACCUSE/sue": ("processou", "ação judicial", "queixa-crime"),
    "REJECT": ("rejeitou", "rejeitaram", "recusou", "recusaram", "vetou", "veto"),
    "THREATEN": ("ameaç*", "ultimato", "advertiu", "alertou"),
    "PROTEST/demo": ("protest*", "manifest*", "passeata*", "marcha*", "concentração", "ato contra",
                     "foram às ruas", "saíram às ruas", "mobilização"),
    "PROTEST/strike-gen": ("greve*", "grevist*", "paralisação"),
    "PROTEST/strike-hun": ("greve de fome",),
    "PROTEST/obstruct": ("bloque*", "barricada*", "interditaram"),
    "PROTEST/boycott": ("boicot*",),
    "PROTEST/riot": ("tumulto*", "distúrbio*", "saque*", "saquea*", "vandal*", "quebra-quebra", "motim"),
    "PROTEST/mob": ("linch*", "multidão enfurecida", "turba"),
    "SANCTION": ("sanç*", "embargo*", "rompeu relações", "expulsou diplomatas"),
    "SANCTION/convict": ("condenado a", "condenada a", "considerado culpado"),
    "SANCTION/cancel": ("cancelou", "cancelamento"),
    "MOBILIZE/troops": ("envio de tropas", "enviou tropas", "mobiliz*", "destacad*", "reforços", "patrulh*",
                        "recrut*", "exercício* militar*", "manobras", "posicionou", "implantação de tropas"),
    "MOBILIZE/police": ("operação de segurança", "reforçou a segurança", "alerta máximo"),
    "MOBILIZE/weapons": ("teste de míssil", "teste nuclear"),
    "MOBILIZE/base": ("instalou uma base", "estabeleceu uma base", "quartel-general"),
    "COERCE/arrest": ("pres*", "prend*", "prisão", "prisões", "detid*", "deteve", "detiveram", "detenção",
                      "captur*",
                      "encarcer*", "apreendid*"),
    "COERCE/confiscate": ("confisc*", "expropri*"),
    "COERCE/restrict": ("restrições", "fechou a fronteira", "confinamento"),
    "COERCE/ban": ("proibi*", "interdit*"),
    "COERCE/censor": ("censur*", "bloqueio da internet"),
    "COERCE/curfew": ("toque de recolher", "recolher obrigatório"),
    "COERCE/martial-law": ("estado de emergência", "estado de sítio", "lei marcial"),
    "COERCE/deport": ("deport*", "expuls*"),
    "COERCE/disperse": ("dispers*", "gás lacrimogêneo", "gás lacrimogéneo", "lacrimogên*",
                        "balas de borracha",
                        "canhão de água", "repressão", "reprimi*"),
    "COERCE/defuse": ("desativ*", "neutraliz*", "apreensão de armas", "apreenderam armas", "intercept*",
                      "abateu um drone", "frustr*"),
    "ASSAULT": ("ataque*", "atac*", "atentado*", "assassin*", "matou", "mataram", "morto*", "mortos",
                "feridos",
                "ferido*", "vítimas", "agressão", "agredi*", "massacre*", "violência", "emboscada*"),
    "ASSAULT/firearms": ("tiroteio*", "disparos", "disparou", "dispararam", "abriram fogo", "baleado*",
                         "a tiro*", "atirador*", "arma* de fogo"),
    "ASSAULT/clash": ("confronto*", "combate*", "enfrentamento*", "ofensiva", "troca de tiros", "batalha*",
                      "repeliram", "contra-ataque*"),
    "ASSAULT/heavy-weapons": ("bombarde*", "artilharia", "obus*", "foguete*", "míssil", "mísseis", "morteiro*"),
    "ASSAULT/aerial": ("ataque* aéreo*", "bombardeio* aéreo*", "drone*", "caças", "aviões de combate",
                       "helicóptero*", "aviação"),
    "ASSAULT/explosives": ("explosão", "explosões", "explodi*", "bomba*", "artefato* explosivo*",
                           "carro-bomba", "mina*", "deton*", "explosivo*"),
    "ASSAULT/suicide-attack": ("suicida*", "atentado suicida", "homem-bomba", "mulher-bomba"),
    "ASSAULT/grenade": ("granada*",),
    "ASSAULT/chemical": ("armas químicas", "arma química", "ataque químico", "cloro", "sarin", "gás tóxico"),
    "ASSAULT/abduct": ("sequestr*", "rapt*", "refé*", "desaparecid*", "desaparecimento forçado"),
    "ASSAULT/sexual": ("estupr*", "violação", "violad*", "abuso sexual", "violência sexual"),
    "ASSAULT/beat": ("espancad*", "espancament*", "agredid*"),
    "ASSAULT/primitive": ("esfaque*", "facada*", "catana*", "machete*", "queimad* viv*", "decapit*"),
    "ASSAULT/torture": ("tortur*",),
    "ASSAULT/execute": ("execut*",),
    "ASSAULT/destroy": ("incendi*", "destru*", "queimaram", "saque*", "demoli*", "vandaliz*"),
    "ASSAULT/retake": ("retomaram", "retomou", "recuper* o controle", "reconquist*", "libertaram a cidade"),
    "ASSAULT/occupy": ("tomaram o controle", "tomou o controle", "assumiram o controlo", "ocup*",
                       "captur* a cidade",
                       "caiu nas mãos"),
}
MODE_HINTS: dict[str, tuple[str, ...]] = {
    "ASSAULT/suicide-attack": ("suicida*",),
    "ASSAULT/chemical": ("químic*",),
    "ASSAULT/aerial": ("aére*", "drone*", "avi*", "helicóptero*"),
    "ASSAULT/grenade": ("granada*",),
    "ASSAULT/explosives": ("bomba*", "explosiv*", "mina*"),
    "ASSAULT/heavy-weapons": ("artilharia", "foguete*", "míssil", "mísseis", "morteiro*"),
    "ASSAULT/firearms": ("bala*", "tiro*", "arma* de fogo"),
    "ASSAULT/clash": ("militares", "soldados", "exército", "rebeldes", "insurgentes", "jihadistas", "forças"),
}
MODE_OVERRIDES: dict[str, tuple[str, ...]] = {
    "ASSAULT/suicide-attack": ("atentado suicida", "homem-bomba"),
    "ASSAULT/chemical": ("arma* química*",),
    "ASSAULT/aerial": ("ataque* aéreo*", "bombardeio* aéreo*"),
    "ASSAULT/grenade": ("granada*",),
}
# Accidents and disasters: "killed" or "injured" beside them is no violence.
ACCIDENT: tuple[str, ...] = ("acidente*", "colisão", "inundaç*", "enchente*", "terremoto*", "sismo*",
                             "deslizamento*", "tempestade*", "afogad*", "desabamento*", "descarril*",
                             "incêndio florestal")
NEGATION: tuple[str, ...] = ("não", "nenhum", "nenhuma", "nunca", "jamais", "nem", "negou", "desmentiu")
NEGATION_AFTER: tuple[str, ...] = ("não houve", "não foram registad*", "não foram registrad*")
FUTURE: tuple[str, ...] = ("vai", "vão", "irá", "irão", "será", "serão", "planeia", "planeja", "pretende",
                           "amanhã", "próxima semana", "previsto*", "prometeu")
HYPOTHETICAL: tuple[str, ...] = ("se", "caso", "poderia", "poderiam", "possível", "possíveis", "eventual*",
                                 "risco", "teme*", "receio*")
REPORTING: tuple[str, ...] = ("disse", "afirmou", "declarou", "informou", "segundo", "de acordo com",
                              "anunciou", "explicou", "confirmou", "acrescentou")
BOILERPLATE: tuple[str, ...] = ("leia também", "leia mais", "veja também", "saiba mais",
                                "notícias relacionadas",
                                "relacionadas", "mais lidas", "comentários", "partilhar", "compartilhar",
                                "publicidade", "check also", "read more")
SKIP_LINES: tuple[str, ...] = ("foto:", "fotografia:", "crédito:", "fonte:", "imagem:", "©", "vídeo:")
NOT_LOCATION: tuple[str, ...] = ("experiência*", "como em", "tal como em", "natural de", "oriundo de",
                                 "com sede em")
ORIGIN: tuple[str, ...] = ("vindo* de", "vinda* de", "proveniente* de", "oriund* de")
PASSIVE: tuple[str, ...] = ("foi", "foram", "sido")
AGENT_MARKERS: tuple[str, ...] = ("por",)
OF_MARKERS: tuple[str, ...] = ("de", "do", "da", "dos", "das")
# fmt: on

# A happening named after these is the object of what the sentence tells (characterised, ended,
# answered, remembered), not reported by it.
REFERENCE: tuple[str, ...] = (
    "classificou",
    "qualificou",
    "chamou de",
    "descreveu",
    "pôr fim",
    "fim da",
    "fim do",
    "fim dos",
    "fim das",
    "cessar",
    "em resposta a",
    "em resposta à",
    "em retaliação",
    "retaliação a",
    "aniversário",
)
