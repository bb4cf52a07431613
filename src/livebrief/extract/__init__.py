"""extract stage: the article, its metadata and embedded posts from a web page."""

from livebrief.extract.article import detect_language, extract_article
from livebrief.extract.embeds import extract_embeds, find_embeds

__all__ = ["detect_language", "extract_article", "extract_embeds", "find_embeds"]
