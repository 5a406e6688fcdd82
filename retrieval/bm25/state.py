"""The state of an index: everything a query reads, never changed once published.

Writers build the next state under the index's lock and swap it in with one assignment;
readers work on the state they took at their start, so a query never sees half of an add or a
remove. Collection statistics (live document frequencies, lengths, the live mask) are global,
so every segment scores with the same IDF and average length and rankings equal those of an
index built in one go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.bm25.segments import Segment

Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class State:
    """Segments and collection statistics of one moment of an index."""

    segments: tuple[Segment, ...]
    dl: npt.NDArray[np.int32]  # length of every doc id, removed ones too
    live: npt.NDArray[np.bool_]  # False for removed ids
    df: Ints  # per term id: live docs that have it
    n_live: int
    total_len: int  # summed length of the live docs
    cache: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def empty(cls) -> State:
        """The state of an index with no documents."""
        return cls(
            segments=(),
            dl=np.zeros(0, dtype=np.int32),
            live=np.zeros(0, dtype=bool),
            df=np.zeros(0, dtype=np.int64),
            n_live=0,
            total_len=0,
        )

    @property
    def n_ids(self) -> int:
        return len(self.dl)

    @property
    def avgdl(self) -> float:
        # rank_bm25 divides the integer sum by the count; an all-empty corpus has no postings.
        return self.total_len / self.n_live if self.n_live and self.total_len else 1.0
