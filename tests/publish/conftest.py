from __future__ import annotations

import pytest

from livebrief.model import Briefing
from tests.publish.libya_sample import libya_briefing


@pytest.fixture
def briefing() -> Briefing:
    return libya_briefing()
