"""The check pauses the cycle collector while it reads a record (check.run._run): that is
only safe because the record it builds holds no reference cycle once `release` has run, so
reference counting frees every parsed file as soon as the record is dropped."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ogpctl.check.run import CheckOptions, check_record
from ogpctl.record.load import load_record
from ogpctl.record.model import release


@pytest.fixture
def collector_paused() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_a_released_record_leaves_no_cyclic_garbage(sample: Path, collector_paused: None) -> None:
    record = load_record(sample)
    milestones = sum(len(c.milestones) for c in record.commitments())
    assert milestones > 0   # the cached milestone lists, which point back, are made
    release(record)
    del record
    assert gc.collect() == 0


def test_a_record_not_released_would_leave_cycles(sample: Path, collector_paused: None) -> None:
    """The test above can fail: without `release`, the plan and commitment links are
    cycles that only the collector frees."""
    record = load_record(sample)
    sum(len(c.milestones) for c in record.commitments())
    del record
    assert gc.collect() > 0


def test_a_check_leaves_no_cyclic_garbage_and_the_collector_as_it_was(
        sample: Path, collector_paused: None) -> None:
    options = CheckOptions(today=date(2026, 11, 23), use_cache=False, jobs=1)
    found, files = check_record(sample, options)
    assert files > 0 and found is not None
    assert gc.collect() == 0
    assert not gc.isenabled()
    gc.enable()
    check_record(sample, options)
    assert gc.isenabled()
