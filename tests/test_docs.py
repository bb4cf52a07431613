"""Docs that cannot drift: every setting and every command is documented."""

from __future__ import annotations

import re
import subprocess
import sys

from livebrief.config import SETTINGS
from tests.helpers import ROOT


def test_every_setting_is_documented() -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text("utf-8")
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| (\w+) \| `(\w+)` \|", doc, re.M)}
    assert rows == {s.name: s.env for s in SETTINGS}


def test_cli_reference_is_current() -> None:
    generated = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "cli-docs.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (ROOT / "docs" / "cli.md").read_text("utf-8") == generated, (
        "docs/cli.md is stale: run `python scripts/cli-docs.py > docs/cli.md`"
    )
