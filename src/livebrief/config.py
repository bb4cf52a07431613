"""Settings, declared in one table.

Each setting has a name, a default and a help text, and can be overridden by an environment
variable (`LIVEBRIEF_<NAME>` upper-cased) or a command-line option where the CLI offers one.
`docs/configuration.md` documents every one (a test checks it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str
    secret: bool = False

    @property
    def env(self) -> str:
        return "LIVEBRIEF_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "livebrief.db", "Path of the SQLite store file."),
    Setting("user_agent", "", "User agent for HTTP requests (default: livebrief/<version>)."),
    Setting("http_timeout", "20", "Seconds before an HTTP request is abandoned."),
    Setting("max_fetch_bytes", "10485760", "Largest HTTP body or HTML file accepted, in bytes."),
    Setting("max_file_bytes", "209715200", "Largest JSON Lines / CSV file accepted, in bytes."),
    Setting("bullets_per_day", "6", "Most bullets composed for one day."),
    Setting("timezone", "UTC", "Default time zone of a new story (IANA name)."),
    Setting("host", "127.0.0.1", "Address `serve` and `demo` listen on."),
    Setting("port", "8000", "Port `serve` and `demo` listen on."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The value of a setting: its environment variable if set, else its default."""
    setting = _BY_NAME[name]
    return os.environ.get(setting.env, setting.default)


def get_int(name: str) -> int:
    value = get(name)
    try:
        return int(value)
    except ValueError as exc:
        raise ValueError(
            f"setting {name} ({_BY_NAME[name].env}) must be a number, not {value!r}"
        ) from exc
