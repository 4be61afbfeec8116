"""The dashboard timeline's "today" label stays inside the drawing when today falls near the
start or the end of the chart, on left-to-right and right-to-left pages (leftovers 4: the
label was centred on the line and its first half was cut off)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import site_browser
from tests.conftest import run
from tests.test_rtl_readers import arabic_record

pytestmark = pytest.mark.skipif(site_browser.missing() is not None,
                                reason=site_browser.missing() or "")

#: The label's box and the drawing's width, in the chart's own units.
MEASURE = """() => {
  const svg = document.querySelector('svg.timeline');
  const label = [...svg.querySelectorAll('text')].find(t => t.getAttribute('fill') === '#b3261e');
  const box = label.getBBox();
  return [box.x, box.x + box.width, svg.viewBox.baseVal.width, label.textContent];
}"""


def dated_site(capsys: pytest.CaptureFixture[str], tmp_path: Path, today: str) -> Path:
    record = arabic_record(capsys, tmp_path)
    commitment = next((record / "plans" / "2027-2031" / "commitments").glob("01-*.yaml"))
    text = commitment.read_text(encoding="utf-8")
    commitment.write_text(re.sub(r"(?m)^    due:.*$", "    due: 2029-06-30", text),
                          encoding="utf-8")
    out = tmp_path / "site"
    code, _, err = run(capsys, "site", "-C", record, "--out", out, "--no-search",
                       "--formats", "none", "--today", today)
    assert code == 0, err
    return out


@pytest.mark.parametrize("today", ["2027-01-01", "2031-06-29"])
def test_the_today_label_is_inside_the_timeline(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, today: str) -> None:
    site = dated_site(capsys, tmp_path, today)
    with site_browser.serve(site) as base, \
            site_browser.chromium(tmp_path / "profile") as context:
        tab = site_browser.watch(context, base)
        for lang in ("ar", "fr", "en"):
            tab.open(f"{lang}/plans/2027-2031/dashboard.html")
            left, right, width, label = tab.page.evaluate(MEASURE)
            assert 0 <= left and right <= width, (lang, label, left, right, width)
