"""Saving an index state to a folder and loading it back, memory-mapped.

A kill at any moment leaves either the previous snapshot or the new one, never a mix: the
arrays go to a fresh folder, then a small JSON header that names it is swapped in with
``os.replace``, and older array folders are deleted.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.bm25.segments import PARTS, Segment
from retrieval.bm25.state import State

FORMAT = "newsdesk-bm25"
FORMAT_VERSION = 1
_HEADER = "bm25.json"


def save(directory: Path, state: State, terms: list[str], params: dict[str, Any]) -> None:
    """Write ``state``, its vocabulary ``terms`` and the scoring ``params`` under ``directory``."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    name = f"bm25-{uuid.uuid4().hex}"
    temp = directory / f"{name}.tmp"
    temp.mkdir()
    try:
        arrays: dict[str, npt.NDArray[Any]] = {"dl": state.dl, "live": state.live, "df": state.df}
        for n, segment in enumerate(state.segments):
            for part in PARTS:
                arrays[f"s{n}-{part}"] = getattr(segment, part)
        for key, array in arrays.items():
            np.save(temp / f"{key}.npy", np.ascontiguousarray(array))
        (temp / "terms.json").write_text(json.dumps(terms, ensure_ascii=False), "utf-8")
        os.replace(temp, directory / name)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    header = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "data": name,
        **params,
        "n_live": state.n_live,
        "total_len": state.total_len,
        "segments": [[s.lo, s.hi] for s in state.segments],
    }
    temp_header = directory / f"{_HEADER}.{name}.tmp"
    with open(temp_header, "w", encoding="utf-8") as out:
        json.dump(header, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp_header, directory / _HEADER)
    for old in directory.glob("bm25-*"):
        if old.name != name:
            shutil.rmtree(old, ignore_errors=True)


def load(directory: Path, params: tuple[str, ...]) -> tuple[dict[str, Any], State, list[str]]:
    """The scoring params (the header's values of ``params``), state and vocabulary that
    :func:`save` wrote; arrays are memory-mapped, not read.

    Raises OSError when files are missing and ValueError when they are not an index of this
    format version.
    """
    directory = Path(directory)
    try:
        header = json.loads((directory / _HEADER).read_text("utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(f"{directory / _HEADER} is not valid JSON: {err}") from err
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ValueError(f"{directory} holds no {FORMAT} index")
    if header.get("version") != FORMAT_VERSION:
        raise ValueError(
            f"{directory} holds index format version {header.get('version')!r}; "
            f"this newsdesk reads version {FORMAT_VERSION}"
        )
    data = directory / str(header["data"])

    def array(key: str) -> npt.NDArray[Any]:
        loaded: npt.NDArray[Any] = np.load(data / f"{key}.npy", mmap_mode="r", allow_pickle=False)
        # A plain read-only view of the mapped pages: slicing an np.memmap makes a new
        # memmap object each time, about a sixth of a query's time at 1M sentences.
        return loaded.view(np.ndarray)

    terms = json.loads((data / "terms.json").read_text("utf-8"))
    segments = []
    for n, (lo, hi) in enumerate(header["segments"]):
        parts = {part: array(f"s{n}-{part}") for part in PARTS}
        segments.append(Segment(lo=int(lo), hi=int(hi), **parts))
    state = State(
        segments=tuple(segments),
        dl=array("dl"),
        live=array("live"),
        df=array("df"),
        n_live=int(header["n_live"]),
        total_len=int(header["total_len"]),
    )
    if not len(state.live) == len(state.dl) or len(state.df) != len(terms):
        raise ValueError(f"the index in {directory} is inconsistent: array sizes differ")
    return {name: header[name] for name in params}, state, list(terms)
