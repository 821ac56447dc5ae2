"""Events: the PLOVER ontology, trigger-based detection, modality and confidence.

`lagebild.pipeline.extract` assembles them with actors, places and dates into `Event`s.
"""
