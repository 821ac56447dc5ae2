"""Live monitoring: poll news feeds, store what is new, keep the map current.

    lagebild watch [--feeds FILE] [--db URL] [--interval S] [--once]
    lagebild up     # the watcher and the web server in one process

Modules: feeds (OPML/YAML lists, the shipped default list), poll (polite HTTP), dedupe
(canonical URLs, near-duplicate texts), state (what the watcher remembers, in the store),
watcher (the loop), cli (the two commands).
"""

from lagebild.watch.feeds import Feed, FeedListError, default_feeds, load_feeds
from lagebild.watch.poll import PoliteFetcher, Politeness
from lagebild.watch.state import feed_health
from lagebild.watch.watcher import Watcher

__all__ = [
    "Feed",
    "FeedListError",
    "PoliteFetcher",
    "Politeness",
    "Watcher",
    "default_feeds",
    "feed_health",
    "load_feeds",
]
