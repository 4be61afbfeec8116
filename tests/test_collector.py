"""The cyclic collector is paused while a record is loaded and checked (its parsed
documents hold no cycles; scanning them again and again was a quarter of the check's
CPU), and left as it was found afterwards."""

from __future__ import annotations

import gc
import weakref
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


def test_the_record_is_freed_before_the_collector_resumes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector's first pass after a pause walks every container made during it that
    is still alive: a record kept until then cost a tenth of a second a record of the
    benchmark corpus."""
    from ogpctl.base import collector
    from ogpctl.record import model

    records: list[weakref.ref[model.Record]] = []
    real_build = model.build_record

    def build(*args: Any) -> model.Record:
        record = real_build(*args)
        records.append(weakref.ref(record))
        return record

    alive_at_resume: list[bool] = []

    class Spied:
        isenabled = staticmethod(gc.isenabled)
        disable = staticmethod(gc.disable)

        @staticmethod
        def enable() -> None:
            alive_at_resume.append(any(ref() is not None for ref in records))
            gc.enable()

    monkeypatch.setattr(model, "build_record", build)
    monkeypatch.setattr(collector, "gc", Spied)
    check_record(SAMPLE, CheckOptions(today=date(2026, 11, 23), use_cache=False, jobs=1))
    assert len(records) == 1
    assert alive_at_resume == [False]
