"""The journal of updates in hand: kept until handled, each handled once across restarts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from telegram import Update

from bot.journal import Journal
from tests.bot.test_telegram import message


def raw(update_id: int, text: str = "Which generals were arrested?") -> dict[str, Any]:
    return {"update_id": update_id, **message(text)}


def test_updates_left_unhandled_are_there_at_the_next_start(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    updates = [raw(1), raw(2), raw(3)]
    journal.record(updates)
    journal.done(2)
    assert Journal(tmp_path).pending() == [updates[0], updates[2]]


def test_an_update_telegram_sends_again_after_a_restart_is_handled_once(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    journal.record([raw(1), raw(2), raw(3)])
    journal.done(1)
    journal.done(2)
    again = Journal(tmp_path)
    # Telegram never got the receipt of 1-3, so it sends them again, with a new one.
    again.record([raw(1), raw(2), raw(3), raw(4)])
    assert [again.claim(Update.de_json(u, None)) for u in again.pending()] == [True]  # 3
    claims = [again.claim(Update.de_json(raw(n), None)) for n in (1, 2, 3, 4)]
    assert claims == [False, False, False, True]
    assert sorted(p.name for p in tmp_path.glob("*.json")) == ["3.json", "4.json"]


def test_a_webhook_update_is_journaled_when_taken(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    assert journal.claim(Update.de_json(raw(7), None))
    assert [u["update_id"] for u in Journal(tmp_path).pending()] == [7]
    journal.done(7)
    assert Journal(tmp_path).pending() == []


def test_an_unreadable_entry_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "5.json").write_text("{not json")
    Journal(tmp_path).record([raw(6)])
    assert [u["update_id"] for u in Journal(tmp_path).pending()] == [6]
