"""What tests in every folder share: a local web server on 127.0.0.1 (``tests/webserver.py``).

It starts with no pages; a test module that serves some asks for ``web`` in a fixture of the
same name and adds them (``web.page("/news/mayor", "mayor.html")``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.webserver import WebServer


@pytest.fixture
def web() -> Iterator[WebServer]:
    server = WebServer().start()
    yield server
    server.stop()
