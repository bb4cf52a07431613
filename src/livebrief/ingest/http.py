"""Fetching bytes: over HTTP with limits and robots.txt, or from a local file with limits.

The network is injected: pass an ``httpx`` transport (``httpx.MockTransport`` in tests).
Every failure is a :class:`FetchError` with a one-line reason, never a raw httpx error.
"""

from __future__ import annotations

import re
import time
import urllib.robotparser
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import httpx

from livebrief import __version__
from livebrief.model import Problem

DEFAULT_USER_AGENT = f"livebrief/{__version__} (+https://github.com/livebrief/livebrief)"
DEFAULT_MAX_BYTES = 10 * 2**20
MAX_REDIRECTS = 10
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
_TRACKING = re.compile(
    r"^(?:utm_|wt_|at_|ns_|mc_|pk_|itm_).*$"
    r"|^(?:fbclid|gclid|dclid|msclkid|ocid|cmpid|ito|xtor|ref_src|igshid|mkt_tok|_ga)$",
    re.I,
)


class FetchError(Exception):
    """A URL or file that could not be read, with a one-line reason."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason

    def problem(self) -> Problem:
        return Problem(self.url, self.reason)


@dataclass(slots=True)
class Fetched:
    """A successful response, its body read in full."""

    url: str  # final URL, after redirects
    status: int
    content: bytes
    content_type: str  # the Content-Type header as sent ("" when absent)
    fetched: datetime  # aware, UTC

    @property
    def media_type(self) -> str:
        """``text/html`` from ``text/html; charset=utf-8``."""
        return self.content_type.split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        return charset_of(self.content_type)


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value, if any."""
    if not content_type:
        return None
    msg = Message()
    msg["content-type"] = content_type
    charset = msg.get_param("charset")
    return charset.strip().lower() if isinstance(charset, str) and charset.strip() else None


def is_url(source: object) -> bool:
    """True for an http(s) URL given as a string."""
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def canonical_url(url: str) -> str:
    """The URL without tracking parameters (utm_*, fbclid...) or fragment; host lowercased."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return url.strip()
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    kept = [(k, v) for k, v in query if not _TRACKING.match(k)]
    new_query = urlencode(kept) if len(kept) != len(query) else parts.query
    netloc = parts.netloc.lower()
    for scheme, port in (("http", ":80"), ("https", ":443")):
        if parts.scheme.lower() == scheme and netloc.endswith(port):
            netloc = netloc.removesuffix(port)
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", new_query, ""))


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


class Fetcher:
    """An ``httpx.Client`` with a timeout, a size cap, a user agent and robots.txt rules."""

    def __init__(
        self,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 20.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        user_agent: str = DEFAULT_USER_AGENT,
        respect_robots: bool = True,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.respect_robots = respect_robots
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": user_agent},
            follow_redirects=False,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> Fetched:
        """GET ``url``, following redirects (each hop checked against robots.txt)."""
        deadline = time.monotonic() + self.timeout
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            _check_scheme(url, current)
            if self.respect_robots:
                self._check_robots(url, current)
            try:
                request = self._client.build_request("GET", current)
                response = self._client.send(request, stream=True)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchError(url, _describe(exc, self.timeout)) from None
            try:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    if not location:
                        raise FetchError(url, f"HTTP {response.status_code} without a Location")
                    current = urljoin(current, location)
                    continue
                if not response.is_success:
                    phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
                    raise FetchError(url, f"HTTP {response.status_code}{phrase}")
                content = self._read_body(url, response, self.max_bytes, deadline)
                return Fetched(
                    url=str(response.url),
                    status=response.status_code,
                    content=content,
                    content_type=response.headers.get("content-type", ""),
                    fetched=datetime.now(UTC),
                )
            finally:
                response.close()
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _read_body(self, url: str, response: httpx.Response, limit: int, deadline: float) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"response too large ({_mb(int(declared))} > {_mb(limit)})")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(url, f"response too large (over {_mb(limit)})")
                if time.monotonic() > deadline:
                    raise FetchError(url, f"timed out after {self.timeout:g} s")
                chunks.append(chunk)
        except httpx.HTTPError as exc:
            raise FetchError(url, _describe(exc, self.timeout)) from None
        return b"".join(chunks)

    # --- robots.txt -------------------------------------------------------------------

    def _check_robots(self, url: str, current: str) -> None:
        parts = urlsplit(current)
        key = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(key)
        if rules is None:
            rules = self._load_robots(key)
            self._robots[key] = rules
        if isinstance(rules, str):
            raise FetchError(url, rules)
        if not rules.can_fetch(self.user_agent, current):
            raise FetchError(url, "disallowed by robots.txt")

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """Rules for an origin, or the reason everything there is refused.

        As RFC 9309 says: 4xx means no rules (allow all), 5xx or no answer means disallow.
        """
        robots_url = f"{origin}/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        status, body = 0, b""
        location = robots_url
        try:
            for _ in range(5):
                with self._client.stream("GET", location) as response:
                    status = response.status_code
                    if response.is_redirect and response.headers.get("location"):
                        location = urljoin(location, response.headers["location"])
                        continue
                    if response.is_success:
                        body = _read_head(response, ROBOTS_MAX_BYTES)
                    break
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return f"robots.txt could not be fetched ({_describe(exc, self.timeout)})"
        if status >= 500:
            return f"robots.txt answered HTTP {status}; refusing to crawl"
        parser.parse(body.decode("utf-8", errors="replace").splitlines() if status < 400 else [])
        parser.modified()  # can_fetch() refuses everything until a read time is set
        return parser


def _read_head(response: httpx.Response, limit: int) -> bytes:
    """At most ``limit`` bytes of the body; the rest is never read."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= limit:
            break
    return b"".join(chunks)[:limit]


def _check_scheme(url: str, current: str) -> None:
    parts = urlsplit(current)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(url, f"unsupported URL scheme {scheme or '(none)'!r}")
    if not parts.hostname:
        raise FetchError(url, "invalid URL (no host)")


def _describe(exc: httpx.HTTPError | httpx.InvalidURL, timeout: float) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, httpx.ConnectError):
        return f"connection failed ({_first_line(exc) or 'no detail'})"
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"invalid URL ({_first_line(exc)})"
    name = type(exc).__name__
    detail = _first_line(exc)
    return f"{name}: {detail}" if detail else name


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else ""


def read_local(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a local file; refuses missing, empty, directory and oversized files.

    The size is checked with ``stat`` before anything is read, so a huge file is refused at once.
    """
    p = Path(path)
    name = str(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise FetchError(name, "file not found") from None
    except OSError as exc:
        raise FetchError(name, f"cannot read file ({exc.strerror or exc})") from None
    if p.is_dir():
        raise FetchError(name, "is a directory, not a file")
    if not p.is_file():
        raise FetchError(name, "not a regular file")
    if st.st_size == 0:
        raise FetchError(name, "file is empty")
    if st.st_size > max_bytes:
        raise FetchError(name, f"file too large ({_mb(st.st_size)} > {_mb(max_bytes)})")
    try:
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise FetchError(name, f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise FetchError(name, f"file too large (over {_mb(max_bytes)})")
    if not data:
        raise FetchError(name, "file is empty")
    return data
