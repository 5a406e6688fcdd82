"""Article metadata: ``---`` front matter, the fields of JSON and HTML pages, and the values
(dates, language codes) read from them.

Dates and language names are read leniently, as files and pages write them; a value that
cannot be read is dropped by :func:`retrieval.drafts.make_draft`, never guessed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime

METADATA_KEYS = ("title", "author", "url", "outlet", "published", "language", "added")


# --------------------------------------------------------------- front matter

_FRONT_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s?(.*)$")


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Split ``---``-fenced ``key: value`` lines off the top of a text.

    Values may be quoted ('…' or "…"). Text that does not open with a well-formed block is
    returned whole, with no metadata.
    """
    text = raw.lstrip("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, raw
    meta: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[number + 1 :])
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _FRONT_LINE.match(line)
        if match is None:
            return {}, raw
        meta[match.group(1).lower()] = _unquote(match.group(2).strip())
    return {}, raw


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            loaded = json.loads(value)
        except json.JSONDecodeError:
            return value[1:-1]
        return loaded if isinstance(loaded, str) else value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def quote(value: str) -> str:
    plain = value == value.strip() and not value.startswith(("'", '"', "#")) and value != ""
    return value if plain else json.dumps(value, ensure_ascii=False)


_ALIASES = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site", "sitename", "publisher"),
    "published": ("published", "date", "published_at", "pubdate"),
    "language": ("language", "lang"),
    "added": ("added",),
    "author": ("author", "byline", "creator"),
}


def metadata_fields(fields: Mapping[str, object]) -> dict[str, str | None]:
    """The metadata make_draft takes, from front matter, JSON or trafilatura fields.

    Common other names count too ("date" for published, "source" for outlet...); values that
    are not text or a number are ignored.
    """
    out: dict[str, str | None] = {}
    for key, aliases in _ALIASES.items():
        values = (fields.get(alias) for alias in aliases)
        found = next(
            (v for v in values if isinstance(v, str | int | float) and str(v).strip()), None
        )
        out[key] = str(found).strip() if found is not None else None
    return out


# --------------------------------------------------------------------- values

_LANGUAGE_NAMES = {
    "english": "en",
    "russian": "ru",
    "ukrainian": "uk",
    "русский": "ru",
    "українська": "uk",
    "украинский": "uk",
    "російська": "ru",
    "ua": "uk",
}
_LANGUAGE_CODE = re.compile(r"([a-z]{2})(?:[-_][A-Za-z0-9]+)?")


def language_code(language: str | None) -> str | None:
    """An ISO 639-1 code from "en", "en-GB", "English"...; None when it is not one."""
    if not language:
        return None
    value = language.strip()
    named = _LANGUAGE_NAMES.get(value.casefold())
    if named:
        return named
    match = _LANGUAGE_CODE.fullmatch(value.lower())
    return match.group(1) if match else None


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("января", "январь", "січня", "січень"),
            ("февраля", "февраль", "лютого", "лютий"),
            ("марта", "март", "березня", "березень"),
            ("апреля", "апрель", "квітня", "квітень"),
            ("мая", "май", "травня", "травень"),
            ("июня", "июнь", "червня", "червень"),
            ("июля", "июль", "липня", "липень"),
            ("августа", "август", "серпня", "серпень"),
            ("сентября", "сентябрь", "вересня", "вересень"),
            ("октября", "октябрь", "жовтня", "жовтень"),
            ("ноября", "ноябрь", "листопада", "листопад"),
            ("декабря", "декабрь", "грудня", "грудень"),
        ],
        start=1,
    )
    for name in names
}
_CYRILLIC_DATE = re.compile(r"(\d{1,2})\s+([а-яіїєґё]+)\s+(\d{4})(?:\s*(?:г\.?|р\.?|року|года))?")
_DATE_FORMATS = ("%d.%m.%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")
_DATETIME_FORMATS = ("%d.%m.%Y %H:%M", "%B %d, %Y %H:%M", "%Y/%m/%d %H:%M")


def normalise_date(value: str) -> str:
    """An ISO date ("2024-08-16") or date-time when ``value`` is a date we can read; else as is."""
    return parse_date(value) or value.strip()


def parse_date(value: str) -> str | None:
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        return parsed.date().isoformat() if len(text) <= 10 else parsed.isoformat()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    for pattern in _DATETIME_FORMATS:
        try:
            return datetime.strptime(text, pattern).isoformat()
        except ValueError:
            continue
    match = _CYRILLIC_DATE.fullmatch(text.lower())
    if match and match.group(2) in _MONTHS:
        try:
            return date(
                int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1))
            ).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None
