"""Merging: every report of one happening becomes one event, within and across documents.

    mentions (pipeline) -> groups of one document (within) -> summarised (aggregate)
             -> candidates from the store -> pairwise decision (decide) -> join or new (link)

`plan` decides where a new document's mentions go; the store writes the decision in the same
transaction as the document (`Store.add_document(doc, mentions, decisions)`).
"""

from __future__ import annotations

from lagebild.merge.aggregate import summarise
from lagebild.merge.link import Candidate, Decision, Embed, link
from lagebild.merge.plan import embedder, plan, rebuild
from lagebild.merge.within import group, headline_end, merge_document

__all__ = [
    "Candidate",
    "Decision",
    "Embed",
    "embedder",
    "group",
    "headline_end",
    "link",
    "merge_document",
    "plan",
    "rebuild",
    "summarise",
]
