"""Spanish name shapes (see lagebild.actors.names): organisation heads, name particles."""

# fmt: off
ORG_HEADS = (
    "Partido", "Unión", "Asociación", "Consejo", "Comité", "Comisión", "Ministerio", "Universidad",
    "Banco", "Compañía", "Grupo", "Instituto", "Fundación", "Agencia", "Frente", "Movimiento",
    "Tribunal", "Corte", "Federación", "Confederación", "SA", "Sindicato", "Ejército", "Fuerzas",
)
ORG_CONNECTORS = ("de", "del", "la", "los", "las", "para", "y")
NAME_PARTICLES = ("de", "del", "la", "los", "y", "van", "von", "al", "el", "bin")
# fmt: on
