"""Portuguese cue words of article topics, for the relevance judgement (lagebild.events.relevance)."""

# fmt: off
OFF_TOPIC: dict[str, tuple[str, ...]] = {
    "sports": ("futebol", "brasileirão", "campeonato*", "copa do mundo", "olímpic*", "atacante*", "goleiro*",
               "guarda-redes", "treinador*", "técnico do", "gol", "gols", "golo*", "pênalti*", "intervalo",
               "semifinal*", "temporada", "torneio*", "estádio*", "tênis", "basquete", "medalha*", "rebaixamento",
               "clássico", "partida*"),
    "business": ("ações da", "acionista*", "investidor*", "bolsa", "ibovespa", "receita*", "lucro*",
                 "trimestre*", "dividendo*", "participação de mercado", "guerra de preços", "preços",
                 "desconto*", "supermercado*", "varejista*", "clientes", "consumidores", "inflação",
                 "taxa de juros", "selic", "economistas", "analistas"),
    "weather": ("previsão do tempo", "meteorolog*", "temperatura*", "graus", "chuva*", "neve", "onda de calor",
                "tempestade*", "furacão", "ventos", "rajadas", "ensolarado", "estiagem", "seca"),
    "culture": ("filme*", "cinema", "ator", "atriz", "álbum*", "cantor*", "show*", "festival*", "museu*",
                "exposição*", "romance*", "teatro", "estreia*", "ópera", "orquestra*", "novela*", "série*"),
    "science": ("cientistas", "pesquisadores", "investigadores", "estudo*", "espécie*", "telescópio*",
                "astronom*", "galáxia*", "planeta*", "asteroide*", "fóssil*", "fósseis", "dinossauro*",
                "laboratório*"),
    "lifestyle": ("receita de", "culinária", "chef*", "restaurante*", "moda", "férias", "viagem", "viagens",
                  "dieta", "bem-estar", "celebridade*", "casamento*", "jardim", "dicas"),
}

EVENT_NEWS: tuple[str, ...] = (
    "polícia*", "policia*", "policial*", "policiais", "soldado*", "tropas", "exército", "militar*",
    "milícia*", "rebeldes", "terror*", "manifestante*", "ativista*", "governo", "ministério", "ministr*",
    "president*", "parlamento", "congresso", "oposição", "eleiç*", "regime", "sanções", "embaixada",
    "diplomat*", "cessar-fogo", "refém", "reféns", "civis", "refugiados", "guerra", "preso*", "detido*",
    "tribunal", "promotor*", "autoridades", "forças de segurança", "bombardeio*", "morto*", "ferido*",
    # Crime news: violence and its investigation, however local the story.
    "assassinato*", "assassinad*", "homicídio*", "tiroteio*", "baleado*", "suspeito*", "esfaquead*", "assalto*",
    # Labour action is protest news, however much business talk surrounds a strike.
    "greve*", "grevistas", "sindicato*",
)
