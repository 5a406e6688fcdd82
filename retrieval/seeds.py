"""The seeds folder: one file per article, named by its id, the source of truth.

:class:`SeedsFolder` owns everything about the files: ids and their numbering (``NNN_hash``),
listing the folder (the scan half of :meth:`AnswerBase.sync`), atomic writes, setting a seed
aside while its article is removed, and the lock that makes writers in other processes take
turns. It knows nothing of SQLite or the index; the answer base keeps those in step with it.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from retrieval.articles import SUPPORTED_SUFFIXES
from retrieval.errors import ArticleError, StoreError
from retrieval.store import FolderLock, fsync_directory, write_atomically

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
"""What an article id (a seed file's name without its extension) may be."""

SET_ASIDE = ".removed"
"""Suffix of a seed whose article is being removed (hidden: sync passes over it)."""

_NUMBERED = re.compile(r"^(\d+)_")
_STALE_AFTER = 600.0  # seconds: a temporary this old has no live writer any more


class SeedsFolder:
    """The article files under ``path``; ``lock`` is held by whoever changes them."""

    def __init__(self, path: Path, *, lock_timeout: float = 10.0) -> None:
        self.path = path
        self.lock = FolderLock(path, timeout=lock_timeout)
        self._numbering: tuple[int, int] | None = None  # (folder mtime, next number)

    def ensure(self, articles: int, data_dir: Path) -> None:
        """Create the folder of a new base; refuse a missing one a base was built from.

        A mistyped seeds path must not empty the base to match a folder that is not there.
        """
        if self.path.is_dir():
            return
        if self.path.exists():
            raise StoreError(f"the seeds folder {self.path} is not a folder.")
        if articles:
            held = "1 article" if articles == 1 else f"{articles:,} articles"
            raise StoreError(
                f"the seeds folder {self.path} does not exist, and the answer base at "
                f"{data_dir} holds {held} read from seeds; nothing was changed. "
                "Check the seeds path (NEWSDESK_SEEDS_DIR or [paths] seeds), or create the "
                "folder to start from no articles."
            )
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(
                f"cannot create the seeds folder {self.path}: {err.strerror}."
            ) from None

    # -- ids -------------------------------------------------------------------------------

    def next_number(self) -> int:
        """One more than the highest ``NNN_`` number among the seed files.

        Listing 200,000 seeds takes a quarter of a second, so the answer is kept while the
        folder's modification time stays what it was (adds record the time they leave). A
        file dropped in within the same clock tick as an add may be missed: the number only
        orders ids, the content hash in them keeps them unique.
        """
        stamp = self.path.stat().st_mtime_ns
        if self._numbering is not None and self._numbering[0] == stamp:
            return self._numbering[1]
        numbers = [
            int(match.group(1))
            for file in self.path.iterdir()
            if (match := _NUMBERED.match(file.name))
        ]
        self._numbering = (stamp, max(numbers, default=-1) + 1)
        return self._numbering[1]

    def numbers_used(self, ids: Iterable[str], next_number: int) -> None:
        """Remember the next free number after seeds named ``ids`` were written."""
        for article_id in ids:
            if match := _NUMBERED.match(article_id):
                next_number = max(next_number, int(match.group(1)) + 1)
        try:
            self._numbering = (self.path.stat().st_mtime_ns, next_number)
        except OSError:
            self._numbering = None  # the next add lists the folder

    def check_id(self, wanted: str) -> None:
        """Refuse an id that is not a fit file name or that a seed file already has."""
        if not ID_PATTERN.match(wanted):
            raise ArticleError(
                f"article id {wanted!r} is not allowed; use 1-100 letters, digits, '.', '_' or '-'."
            )
        if any((self.path / f"{wanted}{suffix}").exists() for suffix in SUPPORTED_SUFFIXES):
            raise ArticleError(f"article id {wanted!r} is already taken; choose another.")

    # -- files -----------------------------------------------------------------------------

    def files(self) -> dict[str, Path]:
        """Every article file, by its path relative to the folder; stale temporaries go."""
        return {
            "/".join(parts): self.path.joinpath(*parts)
            for parts in article_parts(self.path, on_hidden=_drop_stale_temporary)
        }

    def changes(
        self, known: dict[str, tuple[int, int, int]]
    ) -> tuple[list[str], list[tuple[str, Path, int | None]]]:
        """What a sync has to do, given the stored seeds (path → rowid, mtime_ns, size).

        Returns the stored paths whose file is gone, and the files to read: new ones (rowid
        None) and those whose modification time or size changed (their article's rowid).
        """
        files = self.files()
        gone = [path for path in known if path not in files]
        todo: list[tuple[str, Path, int | None]] = []
        for relative, file in files.items():
            stat = file.stat()
            if relative in known:
                rowid, mtime_ns, size = known[relative]
                if (mtime_ns, size) != (stat.st_mtime_ns, stat.st_size):
                    todo.append((relative, file, rowid))
            else:
                todo.append((relative, file, None))
        return gone, todo

    def relative(self, file: Path) -> str:
        """``file``'s path inside the folder, as :meth:`files` names it."""
        return file.relative_to(self.path).as_posix()

    def write(self, article_id: str, text: str) -> tuple[Path, os.stat_result]:
        """Write the seed of ``article_id`` atomically; durable once :meth:`flush` has run."""
        seed = self.path / f"{article_id}.md"
        return seed, write_atomically(seed, text, sync_directory=False)

    def flush(self) -> None:
        """Make the files written since the last flush durable (one fsync of the folder)."""
        fsync_directory(self.path)

    def set_aside(self, relative: str) -> Path | None:
        """Hide a seed while its article is removed; None when it is gone already."""
        seed = self.path / relative
        aside = seed.with_name(f".{seed.name}{SET_ASIDE}")
        try:
            os.replace(seed, aside)
        except FileNotFoundError:
            return None
        except OSError as err:
            raise StoreError(
                f"cannot remove {seed}: {err.strerror}; nothing was changed."
            ) from None
        return aside

    def put_back(self, aside: Path, relative: str) -> None:
        """Undo :meth:`set_aside` (the removal failed)."""
        os.replace(aside, self.path / relative)

    def delete(self, file: Path) -> None:
        """Delete a seed or a set-aside one; one already gone is no error."""
        with contextlib.suppress(FileNotFoundError):
            file.unlink()


def iter_article_files(paths: Iterable[Path]) -> Iterator[tuple[Path, Path | None]]:
    """Expand files and folders into ``(file, folder it was found in)``, in name order.

    The folder is None for a file named on its own; pass it to :meth:`AnswerBase.add_file`.
    """
    for path in paths:
        if path.is_dir():
            yield from ((folder_file, path) for folder_file in article_files(path))
        else:
            yield path, None


def article_files(folder: Path, on_hidden: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """Readable article files below ``folder`` in name order; hidden ones are passed over."""
    for parts in article_parts(folder, on_hidden):
        yield folder.joinpath(*parts)


def article_parts(
    folder: Path, on_hidden: Callable[[Path], None] | None = None
) -> list[tuple[str, ...]]:
    """The path parts (below ``folder``) of its readable article files, in name order.

    Walked with ``os.scandir`` (``Path.rglob`` and its Path objects took 56 ms of a 65 ms sync
    of 2,000 seeds); links to folders are not followed.
    """
    found: list[tuple[str, ...]] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(str(folder), ())]
    while stack:
        directory, prefix = stack.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    if on_hidden is not None:
                        on_hidden(Path(entry.path))
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, (*prefix, entry.name)))
                elif (
                    os.path.splitext(entry.name)[1].lower() in SUPPORTED_SUFFIXES
                    and entry.is_file()
                ):
                    found.append((*prefix, entry.name))
    return sorted(found)


def _drop_stale_temporary(file: Path) -> None:
    """Delete a temporary or set-aside seed left by a killed writer (old ones only: a live
    writer may still own it)."""
    if file.name.startswith(".") and file.name.endswith((".tmp", SET_ASIDE)):
        with contextlib.suppress(OSError):
            if time.time() - file.stat().st_mtime > _STALE_AFTER:
                file.unlink()
