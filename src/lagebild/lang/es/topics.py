"""Spanish cue words of article topics, for the relevance judgement (lagebild.events.relevance)."""

# fmt: off
OFF_TOPIC: dict[str, tuple[str, ...]] = {
    "sports": ("fútbol", "futbol", "laliga", "la liga", "liga", "champions", "copa del mundo", "mundial",
               "olímpic*", "delantero*", "centrocampista*", "portero*", "entrenador*", "gol", "goles",
               "penalti*", "descanso", "final", "semifinal*", "temporada", "campeonato*", "torneo*", "estadio", "tenis",
               "baloncesto", "medalla*", "clasificación", "descenso", "derbi"),
    "business": ("acciones", "accionista*", "inversor*", "inversionista*", "bolsa", "ibex", "ingresos",
                 "beneficio*", "ganancias", "trimestre*", "dividendo*", "cuota de mercado", "guerra de precios",
                 "precios", "descuento*", "supermercado*", "minorista*", "clientes", "consumidores",
                 "consejero delegado", "inflación", "tipos de interés", "economistas", "analistas"),
    "weather": ("meteorolog*", "previsión*", "pronóstico*", "temperatura*", "grados", "lluvia*",
                "chubasco*", "nieve*", "ola de calor", "tormenta*", "huracán", "huracanes", "ráfagas",
                "aemet", "soleado", "apagón", "sequía"),
    "culture": ("película*", "cine", "actor", "actriz", "álbum*", "cantante*", "concierto*", "festival*",
                "museo*", "exposición*", "novela*", "teatro", "estreno*", "ópera", "orquesta*", "serie*"),
    "science": ("científicos", "investigadores", "estudio*", "especie*", "telescopio*", "astronom*",
                "galaxia*", "planeta*", "asteroide*", "fósil*", "dinosaurio*", "laboratorio*"),
    "accident": ("bomberos", "incendio*", "colisión", "accidente de tráfico", "ahogad*", "deslizamiento de tierra",
                 "rescatistas", "descarril*", "terremoto"),
    "lifestyle": ("receta*", "cocina", "chef*", "restaurante*", "moda", "vacaciones", "viaje*", "dieta",
                  "bienestar", "famoso*", "boda*", "jardín", "consejos"),
}

EVENT_NEWS: tuple[str, ...] = (
    "policía*", "policial*", "soldado*", "tropas", "ejército", "militar*", "milicia*", "rebeldes",
    "terror*", "manifestante*", "activista*", "gobierno", "ministerio", "ministr*", "president*",
    "parlamento", "congreso", "oposición", "eleccion*", "régimen", "sanciones", "embajada", "diplomátic*",
    "alto el fuego", "rehén*", "rehenes", "civiles", "refugiados", "guerra", "detenido*", "tribunal",
    "fiscal*", "autoridades", "fuerzas de seguridad", "bombardeo*", "muerto*", "herido*",
    # Crime news: violence and its investigation, however local the story.
    "asesinato*", "asesinad*", "homicidio*", "tiroteo*", "balacera*", "disparos", "sospechoso*", "apuñal*",
    "atraco*",
    # Labour action is protest news, however much business talk surrounds a strike.
    "huelga*", "huelguistas", "sindicato*",
)
