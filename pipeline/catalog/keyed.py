"""Counter-based random numbers: a uniform draw per (seed, candidate, stream), no shared state.

A sequential generator would make a part's price depend on how many parts were drawn before it;
hashing the candidate id instead gives each candidate the same draws in a 2,000-part catalog and
in a 1,000,000-part one, vectorised over numpy arrays (splitmix64).
"""

from __future__ import annotations

import numpy as np

_MASK = (1 << 64) - 1
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def uniform(seed: int, ids: np.ndarray, stream: int) -> np.ndarray:
    """Floats in the open interval (0, 1), one per id, fixed by ``seed`` and ``stream``."""
    offset = np.uint64((seed * 0x632BE59BD9B4E019 + (stream + 1) * 0xD6E8FEB86659FD93) & _MASK)
    z = np.asarray(ids, dtype=np.uint64) * _GOLDEN + offset  # uint64 arrays wrap, as intended
    z = (z ^ (z >> np.uint64(30))) * _MIX1
    z = (z ^ (z >> np.uint64(27))) * _MIX2
    z = z ^ (z >> np.uint64(31))
    return ((z >> np.uint64(11)).astype(np.float64) + 0.5) / float(1 << 53)
