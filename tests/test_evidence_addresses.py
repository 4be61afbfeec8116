"""Evidence links are web addresses (newuser6 K13): `progress add --evidence "https://a b"`
was accepted, `check` said nothing and the site listed it as text; an address holding
`user:password@` was published as a link on four pages. One judgement of an http(s)
address (`ogpctl.record.evidence.address_problem`) serves `progress`, `check` (F116) and
every link the documents and the site make (`safe_href`); credentials are never shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogpctl.record.evidence import address_problem, public_address
from ogpctl.render.prose import safe_href
from tests.conftest import run

BAD = ["https://a b", "https://user:pass@x.example/", "https://", "http://[::1/x",
       "https://x.example:port/", "https://x.example/\u200breport"]
GOOD = ["https://x.example/ოქმი 2026.pdf".replace(" ", "%20"), "http://x.example",
        "https://x.example:8443/a?b=c#d"]
MEETING = """---
date: 2026-10-01
kind: msf
title:
  en: Forum meeting
  es: Reunión del foro
plan: 2026-2030
evidence:
  - https://user:secretpass@x.example/minutes.pdf
  - "https://a b"
---

Minutes.
"""


@pytest.mark.parametrize("url", BAD)
def test_addresses_that_are_not_links_are_refused(url: str) -> None:
    assert address_problem(url) is not None
    assert safe_href(url) is None


@pytest.mark.parametrize("url", GOOD)
def test_web_addresses_pass(url: str) -> None:
    assert address_problem(url) is None
    assert safe_href(url) == url


def test_credentials_are_never_shown() -> None:
    assert public_address("https://u:p@x.example/a@b?c@d") == "https://x.example/a@b?c@d"
    assert public_address("https://x.example/a@b") == "https://x.example/a@b"


@pytest.mark.parametrize("url", BAD[:3])
def test_progress_refuses_an_address_that_is_not_a_link(sample: Path, capsys, url: str
                                                        ) -> None:
    code, _out, err = run(capsys, "progress", "add", "-C", sample, "2026-2030", "1.2",
                          "--status", "in-progress", "--note", "Pilot started",
                          "--date", "2026-11-20", "--evidence", url, "--today", "2026-11-23")
    assert code == 2 and "evidence link" in err, err
    assert "pass@" not in err.split(":", 2)[-1].split("evidence link", 1)[-1]


def test_check_finds_them_and_the_site_publishes_no_credentials(sample: Path, capsys,
                                                                tmp_path: Path) -> None:
    meeting = "forum/meetings/2026-10-01-forum-meeting.md"
    (sample / meeting).write_text(MEETING, encoding="utf-8")
    code, out, _ = run(capsys, "check", "-C", sample, "--no-cache", "--today", "2026-11-23",
                       "-f", "json")
    found = [d["message"] for d in json.loads(out)["diagnostics"]
             if d["file"] == meeting and d["code"] == "F116"]
    assert len(found) == 2 and "secretpass" not in out, found
    code, _, err = run(capsys, "site", "-C", sample, "--out", tmp_path / "site", "--no-search",
                       "--today", "2026-11-23")
    assert code == 0, err
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"secretpass" not in data, path
            assert b'href="https://a b"' not in data, path
