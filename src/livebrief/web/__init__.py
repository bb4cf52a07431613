"""web stage: the read-only briefing site served over HTTP."""

from livebrief.web.app import create_app, serve

__all__ = ["create_app", "serve"]
