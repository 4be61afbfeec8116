"""The cyclic collector is paused while a record is loaded and checked (its parsed
documents hold no cycles; scanning them again and again was a quarter of the check's
CPU), and left as it was found afterwards."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ogpctl.base.collector import collection_paused
from ogpctl.check.run import CheckOptions, check_record
from ogpctl.record import load as loading
from ogpctl.rules import runner

SAMPLE = Path(__file__).resolve().parents[1] / "sample-country"


def test_a_record_is_checked_with_the_collector_paused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real_load, real_rules = loading.load_documents, runner.run_rules

    def spy(real: Any) -> Any:
        def called(*args: Any) -> Any:
            seen.append(gc.isenabled())
            return real(*args)
        return called

    monkeypatch.setattr(loading, "load_documents", spy(real_load))
    monkeypatch.setattr(runner, "run_rules", spy(real_rules))
    assert gc.isenabled()
    check_record(SAMPLE, CheckOptions(today=date(2026, 11, 23), use_cache=False, jobs=1))
    assert seen == [False, False]   # reading the files, running the rules
    assert gc.isenabled()


def test_the_collector_is_left_as_it_was_found() -> None:
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ValueError), collection_paused():
        raise ValueError
    assert gc.isenabled()
