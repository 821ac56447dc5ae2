"""Time: temporal expressions (TIMEX3), the publication date, and the date of an event."""

from lagebild.time.event_date import event_date
from lagebild.time.publication import publication_date
from lagebild.time.tagger import Timex, find_timexes

__all__ = ["Timex", "event_date", "find_timexes", "publication_date"]
