"""Dates: reading the dates people type, and the periods questions are limited to.

An article's date is its published date when one is known (front matter, page metadata, a
feed entry), else the time it was added; both are ISO 8601 strings, so their first ten
characters compare as calendar days. A question may be limited to a period: ``since`` and
``until`` take a day (``2024-05-01``) or an age (``7d``, ``12h``, ``2w``), counted back from
now. Dates typed by a person are checked here, and refused with a message that says what is
allowed; dates found in files and pages are read leniently (:func:`retrieval.drafts.make_draft`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from retrieval.errors import InvalidMetadataError, QuestionError
from retrieval.metadata import normalise_date

_AGE = re.compile(r"^\s*(\d{1,5})\s*([hdwmy])\s*$", re.IGNORECASE)
_HOURS = {"h": 1, "d": 24, "w": 24 * 7, "m": 24 * 30, "y": 24 * 365}
# Phones turn a typed "--" into a dash ("—since"): all three mean the option.
_FILTER = re.compile(r"(?:^|\s)(?:--|—|–)(since|until)(?:=|\s+)(\S+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Period:
    """The days an answer may come from: ``since`` and ``until`` inclusive, either open."""

    since: dt.date | None = None
    until: dt.date | None = None

    def __bool__(self) -> bool:
        return self.since is not None or self.until is not None

    def contains(self, day: str) -> bool:
        """Whether an ISO date or date-time string falls in the period."""
        text = day[:10]
        if self.since is not None and text < self.since.isoformat():
            return False
        return not (self.until is not None and text > self.until.isoformat())

    def describe(self) -> str:
        """“since 2024-05-01”, “2024-05-01 to 2024-05-31”: for “nothing found …” replies."""
        if self.since and self.until:
            return f"from {self.since.isoformat()} to {self.until.isoformat()}"
        if self.since:
            return f"since {self.since.isoformat()}"
        return f"until {self.until.isoformat()}" if self.until else "at any time"


def parse_age(value: str, *, name: str = "age") -> dt.timedelta:
    """``"90d"`` → 90 days: a number and a unit (h hours, d days, w weeks, m months, y years)."""
    match = _AGE.match(value)
    if match is None:
        raise ValueError(
            f"{name} {value!r} is not an age; write a number and a unit, e.g. 12h, 7d, 2w, "
            "3m or 1y."
        )
    return dt.timedelta(hours=int(match.group(1)) * _HOURS[match.group(2).lower()])


def parse_day(value: str, *, name: str, now: dt.datetime | None = None) -> dt.date:
    """A day typed by a person: ``2024-05-01``, or an age such as ``7d`` counted back from now.

    Raises :class:`QuestionError` naming ``name`` and the forms allowed.
    """
    text = value.strip()
    if _AGE.match(text):
        moment = (now or dt.datetime.now(dt.UTC)) - parse_age(text, name=name)
        return moment.date()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise QuestionError(
            f"{name} {value!r} is not a date; use a day such as 2024-05-01 or an age "
            "such as 7d (days), 12h, 2w or 3m."
        ) from None


def period(
    since: str | None = None, until: str | None = None, *, now: dt.datetime | None = None
) -> Period:
    """The :class:`Period` for ``since`` and ``until`` as typed; refused when it is empty."""
    start = parse_day(since, name="since", now=now) if since else None
    end = parse_day(until, name="until", now=now) if until else None
    if start and end and start > end:
        raise QuestionError(
            f"since {start.isoformat()} is after until {end.isoformat()}; no article can be "
            "from both."
        )
    return Period(start, end)


def split_filters(text: str, *, now: dt.datetime | None = None) -> tuple[str, Period]:
    """A question typed with ``--since X`` / ``--until X`` in it, split into question and period.

    This is how the console and the bot read ``--since 7d Who resigned?``.
    """
    found: dict[str, str] = {}
    for match in _FILTER.finditer(text):
        found[match.group(1).lower()] = match.group(2)
    question = _FILTER.sub(" ", text).strip()
    return question, period(found.get("since"), found.get("until"), now=now)


def check_published(value: str) -> str:
    """A publication date given by hand, as an ISO date or date-time; refused when unreadable."""
    text = value.strip()
    normal = normalise_date(text)
    try:
        parsed = dt.datetime.fromisoformat(normal)
    except ValueError:
        raise InvalidMetadataError(
            f"published date {value!r} is not a date newsdesk can read; write it as "
            "2024-08-16 (or 2024-08-16T09:30:00+00:00)."
        ) from None
    if parsed.year < 1800 or parsed.date() > dt.datetime.now(dt.UTC).date() + dt.timedelta(days=2):
        raise InvalidMetadataError(
            f"published date {value!r} is not a plausible publication date (from 1800 to today)."
        )
    return normal
