"""The HTTP API and the map page: `create_app(db_url)` builds the app, `server.run()` serves it."""

from lagebild.api.app import create_app

__all__ = ["create_app"]
