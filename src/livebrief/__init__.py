"""livebrief: follow a developing story and publish a live briefing."""

__version__ = "0.1.0"
