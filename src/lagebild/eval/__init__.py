"""Evaluation against gold data: `lagebild eval {events,geo,time,ner,merge}`."""
