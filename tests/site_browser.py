"""The built website in a real browser: Debian's Chromium driven by Playwright, the site
served by Python's http.server on 127.0.0.1 (Pagefind fetches its index, which browsers
refuse over file://). Tests skip with the reason when Chromium or Playwright is missing."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
#: No internet here: background networking would only flood the log with errors.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def missing() -> str | None:
    """Why browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return ("Chromium is not installed (Debian: apt-get install chromium; `make test` "
                "installs it when it can)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:   # noqa: A002
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """The folder over http on a free port of 127.0.0.1; yields the base address."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@contextmanager
def chromium(profile: Path) -> Iterator[Any]:
    """A browser context with a fresh user data folder, removed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=ARGS, headless=True,
            viewport={"width": 1200, "height": 900})
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


@dataclass
class Watched:
    """A page with everything worrying it reported: console errors, uncaught exceptions,
    dialogs (alert, confirm) and requests that left the local server."""

    page: Any
    base: str
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"exception: {error}"))
        self.page.on("dialog", self._dialog)
        self.page.on("request", self._request)

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning") and "DevTools" not in message.text:
            self.errors.append(f"{message.type}: {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request: Any) -> None:
        if not request.url.startswith((self.base, "data:", "file:")):
            self.outside.append(request.url)

    def open(self, path: str) -> Any:
        response = self.page.goto(f"{self.base}/{path}")
        self.page.wait_for_load_state("load")
        return response


def watch(context: Any, base: str) -> Watched:
    """A new tab; earlier tabs of the context are closed first."""
    for page in context.pages:
        page.close()
    return Watched(context.new_page(), base)


# -- what a reader sees ------------------------------------------------------------------------

#: Text a reader must never see: markup shown as text (an escaped tag, a comment, an
#: entity escaped twice, an attribute), template syntax, and Python's values printed as
#: they are (None, True, False, a dict or a list, an object).
LEAKS = re.compile(r"<[A-Za-z!/?]|-->|&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);"
                   r"|\b(?:class|href|id|lang|dir|src|style|tabindex)=[\"']"
                   r"|\{\{|\{%|\{#|\b(?:None|True|False)\b|\{'|\['|\{\"|\[\""
                   r"|object at 0x|built-in method|bound method|datetime\.date\(")

ENTITY = re.compile(r"&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")
#: Attributes a reader meets as text too: read aloud, or shown on hover.
SPOKEN = ("alt", "title", "aria-label", "placeholder")
UNSEEN = {"script", "style", "template"}


class _Visible(HTMLParser):
    """The text nodes and spoken attributes of a page, outside script, style and template;
    HTML comments are not text (a comment shown as text is an escaped `<!--`). An entity
    left in any attribute once parsed was escaped twice (a link to `?a=1&amp;b=2`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in UNSEEN:
            self.hidden += 1
        self.texts += [value for name, value in attrs if name in SPOKEN and value]
        self.texts += [f"{name}={value}" for name, value in attrs
                       if name not in SPOKEN and value and ENTITY.search(value)]

    def handle_endtag(self, tag: str) -> None:
        if tag in UNSEEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.texts.append(data)


def visible_text(page: bytes | str) -> str:
    parser = _Visible()
    parser.feed(page.decode("utf-8") if isinstance(page, bytes) else page)
    parser.close()
    return "\n".join(parser.texts)


def leaks(text: str) -> list[str]:
    """Each place in `text` where a reader would see markup or a Python value, with a
    little of the text around it."""
    return [text[max(0, m.start() - 40):m.end() + 40].replace("\n", " ")
            for m in LEAKS.finditer(text)]


def site_leaks(files: dict[str, bytes]) -> dict[str, list[str]]:
    """`leaks` of every HTML page of a built site (pages in every language, the front
    door and the rendered documents; not evidence files nor Pagefind's own)."""
    found = {}
    for name, data in files.items():
        if name.endswith(".html") and not name.startswith(("files/", "pagefind/")):
            if problems := leaks(visible_text(data)):
                found[name] = problems
    return found


#: The same in a browser: what the page shows (innerText) and what it reads aloud.
SHOWN = """() => [document.title, document.body.innerText,
    ...Array.from(document.querySelectorAll('[alt], [title], [aria-label], [placeholder]'),
                  e => ['alt', 'title', 'aria-label', 'placeholder']
                       .map(a => e.getAttribute(a) || '').join('\\n'))].join('\\n')"""


def shown_text(page: Any) -> str:
    return page.evaluate(SHOWN)
