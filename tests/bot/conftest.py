"""What the entry point sets up for the process (bot/process.py), set up for these tests."""

from __future__ import annotations

import os

# python-telegram-bot's timedelta periods, as `newsdesk run` opts in to them; without it a
# flood wait raises a deprecation warning, an error here.
os.environ.setdefault("PTB_TIMEDELTA", "true")
