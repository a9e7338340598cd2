"""Sparse storage for the hashed linear models (cue classifier, boundary model, scorer).

Each keeps one weight per hashed feature in a dense vector while they work; on disk only the
non-zero weights go, as ``.npz`` (indices and float32 values), with whatever else a model
needs beside them.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np

__all__ = ["load_weights", "save_weights"]


def save_weights(path: Path, weights: np.ndarray, **extra: np.ndarray) -> None:
    """Write the non-zero ``weights`` and the ``extra`` arrays to ``path``."""
    nonzero = np.flatnonzero(weights)
    arrays = {"index": nonzero.astype(np.int32), "value": weights[nonzero].astype(np.float32)}
    # numpy's stubs type the keyword arrays like its ``allow_pickle`` flag.
    np.savez_compressed(path, **arrays, **extra)  # type: ignore[arg-type]


def load_weights(
    path: Path | None, built_in: str, dimensions: int
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The dense weights and the other arrays of a file written by ``save_weights``.

    ``path`` None reads the model shipped in ``rashomon.models`` under ``built_in``.
    """
    if path is None:
        with resources.files("rashomon.models").joinpath(built_in).open("rb") as handle:
            return _unpack(np.load(handle), dimensions)
    with np.load(path) as data:
        return _unpack(data, dimensions)


def _unpack(
    data: np.lib.npyio.NpzFile, dimensions: int
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    weights = np.zeros(dimensions, dtype=np.float64)
    weights[data["index"]] = data["value"]
    return weights, {key: data[key] for key in data.files if key not in {"index", "value"}}
