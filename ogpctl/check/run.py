"""`check`: read records, run the rule catalogue, return every diagnostic.

The core of `ogpctl check`; it prints nothing and exits nothing. Usable from Python::

    result = check(["sample-country"], CheckOptions(today=date(2026, 11, 23)))
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ogpctl.base.cache import RACY_SECONDS, Cache, blake2b
from ogpctl.base.collector import collection_paused
from ogpctl.base.diagnostics import Diagnostic, DiagnosticRow, Severity
from ogpctl.base.errors import NotARecordError, UsageError
from ogpctl.check.freshness import Listings, history_stamp, tree_lines
from ogpctl.record.discover import Layout, discover, find_records, link_problem

if TYPE_CHECKING:   # a run the cache answers reads no file, so needs neither at start
    from ogpctl.base.vcs import Known
    from ogpctl.record.model import Stage

if TYPE_CHECKING:   # concurrent.futures imports logging: only a pool of workers needs it
    from concurrent.futures import Executor

#: Files a record needs before its parsing is shared with worker processes: each worker
#: imports the loader and compiles the schemas first (a tenth of a second), which a
#: record of a few hundred files (sample-country has 52) takes longer to earn back
#: than it takes to parse them all.
PARALLEL_FILES = 400


@dataclass
class CheckOptions:
    today: date = field(default_factory=date.today)
    stage: Stage | None = None      # --for
    plan: str | None = None         # --plan: report only this plan's files
    use_cache: bool = True
    jobs: int = 0                   # 0: one worker per core
    strict: bool = False            # --strict: also report suppressions that suppress nothing
    #: `ogpctl review`: the checkout whose submitted tags count (`RuleContext.deliveries`);
    #: the cache, keyed on the record's own history, is not used then.
    deliveries: Path | None = None
    #: False: keep the findings a suppression covers (`ogpctl review` weighs them itself)
    suppress: bool = True


@dataclass
class CheckResult:
    diagnostics: list[Diagnostic]
    files: int
    records: list[Path]
    #: what each record's paths start with in `diagnostics` ("" when they are its own)
    prefixes: list[str] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    def exit_code(self, strict: bool = False) -> int:
        """0 clean, 1 errors (or warnings with `strict`)."""
        return 1 if self.errors or (strict and self.warnings) else 0


def check(paths: Sequence[str | Path], options: CheckOptions | None = None) -> CheckResult:
    options = options or CheckOptions()
    targets = [Path(p) for p in paths] or [Path.cwd()]
    records: list[tuple[Path, str]] = []
    for target in targets:
        found = _records_at(target)
        where = target.resolve() if found else target    # once, not once a record
        records.extend((root, (_named(target, where, root) if len(targets) > 1 else "")
                        + _prefix(where, root)) for root in found)
    # Records whose findings the cache holds are answered here, without a worker process.
    stamps: dict[Path, str | None] = {}   # the history's, by git folder: shared in a corpus
    kept = [_cached_outcome(root, options, stamps) for root, _ in records]
    diagnostics: list[Diagnostic] = []
    files = 0
    with _Pool(options.jobs) as pool:
        misses = [root for (root, _), hit in zip(records, kept, strict=True) if hit is None]
        fresh = _outcomes(misses, options, pool)
        for (_root, prefix), hit in zip(records, kept, strict=True):
            rows, count = hit if hit is not None else next(fresh)
            files += count
            diagnostics.extend(_prefixed(Diagnostic.from_tuple(row), prefix) for row in rows)
    return CheckResult(diagnostics, files, [root for root, _ in records],
                       [prefix for _, prefix in records])


def _records_at(target: Path) -> list[Path]:
    """The records at `target`; a path no file can have (a name too long for the system)
    is not a record either."""
    try:
        return find_records(target)
    except NotARecordError:
        raise
    except OSError as error:
        raise NotARecordError(f"{target}: {error.strerror or error}") from None


def _outcomes(roots: list[Path], options: CheckOptions, pool: _Pool) -> Iterator[Outcome]:
    from ogpctl.base import vcs

    shared = vcs.start_shared(roots) if len(roots) > 1 else []   # one git log a repository
    try:
        executor = pool.executor() if len(roots) > 1 else None   # while git reads
    finally:
        known = vcs.finish_shared(shared)
    jobs = [(root, options, known.get(str(root.absolute()))) for root in roots]
    if executor is not None:   # many records: one worker a record
        return iter(executor.map(_check_in_worker, jobs))
    # one record: its files are parsed in parallel instead
    return (_check_in_worker(job, pool) for job in jobs)


#: A record's findings as tuples (what the cache and worker processes pass on) and its
#: number of files.
Outcome = tuple[list[DiagnosticRow], int]


def _rows(outcome: tuple[list[Diagnostic], int]) -> Outcome:
    return [d.to_tuple() for d in outcome[0]], outcome[1]


#: A record to check: its root, the options, and its place, history and tags in git when
#: they were read with other records' (`vcs.finish_shared`).
Job = tuple[Path, CheckOptions, "Known | None"]


def _check_in_worker(job: Job, pool: _Pool | None = None) -> Outcome:
    root, options, known = job
    if known is None:
        return _rows(check_record(root, options, pool))
    from ogpctl.base import vcs

    vcs.adopt(root, known)
    try:
        return _rows(check_record(root, options, pool))
    finally:
        vcs.discard(root)


def _cached_outcome(root: Path, options: CheckOptions, stamps: dict[Path, str | None]
                    ) -> Outcome | None:
    """The findings the cache holds for the record as it is now, if any."""
    if not options.use_cache or options.deliveries is not None or not options.suppress:
        return None
    cache = Cache(root, write=False)
    try:
        listings = Listings(cache.folders())
        key = _result_key(root, options, listings, stamps)
        found = _valid(cache.result(key)) if key else None
    finally:
        cache.close()
    if found is not None and listings.changed:   # a folder changed, and changed back
        cache = Cache(root)
        cache.store_folders(listings.kept)
        cache.close()
    return found


def _valid(value: object) -> Outcome | None:
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], list) \
            and isinstance(value[1], int):
        return value
    return None


def check_record(root: Path, options: CheckOptions, pool: _Pool | None = None
                 ) -> tuple[list[Diagnostic], int]:
    """The findings of one record (paths relative to its root) and how many files it has."""
    cache = (Cache(root) if options.use_cache and options.deliveries is None and options.suppress
             else None)
    try:
        listings = Listings(cache.folders() if cache else None)
        key = _result_key(root, options, listings) if cache else None
        cached = _valid(cache.result(key)) if cache and key else None
        if cached is not None:
            return [Diagnostic.from_tuple(row) for row in cached[0]], cached[1]
        layout = discover(root)
        if options.plan and options.plan not in layout.plan_ids:
            raise UsageError(f"{root.name}: there is no plan {options.plan!r} in plans/ "
                             f"(plans: {', '.join(layout.plan_ids) or 'none'})")
        found = _run(root, layout, options, cache, pool)
        if cache and key:
            cache.store_result(key, ([d.to_tuple() for d in found], len(layout.files)))
            if listings.changed:
                cache.store_folders(listings.kept)
        return found, len(layout.files)
    finally:
        if cache:
            cache.close()


def _run(root: Path, layout: Layout, options: CheckOptions, cache: Cache | None,
         pool: _Pool | None) -> list[Diagnostic]:
    # The parsed files are some hundred thousand containers, none of them garbage until
    # the record is dropped: the cycle collector, which would walk them again and again
    # while they are made, is paused for the record and its cycles broken by `release`.
    # `_findings` returns only the findings: the record is freed before the collector
    # resumes, which would otherwise walk all of it once more at its first allocation.
    with collection_paused():
        found = _findings(root, layout, options, cache, pool)
    if options.plan:   # after finish: a suppression is used by any plan's findings
        prefix = f"plans/{options.plan}/"
        found = [d for d in found if d.file.startswith(prefix)]
    return found


def _findings(root: Path, layout: Layout, options: CheckOptions, cache: Cache | None,
              pool: _Pool | None) -> list[Diagnostic]:
    from ogpctl.base import vcs
    from ogpctl.check.locate import finish
    from ogpctl.record.load import load_documents
    from ogpctl.record.model import build_record, release
    from ogpctl.rules.runner import RuleContext, from_problems, outside_git, run_rules

    if not outside_git(root):   # git reads the history while the files are parsed
        vcs.prefetch(root)
    try:
        parallel = pool is not None and len(layout.files) >= PARALLEL_FILES
        documents, problems = load_documents(root, layout, cache,
                                             pool.executor() if parallel and pool else None)
        record = build_record(root, documents, layout.plan_ids)
        context = RuleContext(record, options.today, options.stage,
                              deliveries=options.deliveries)
        links = [(path, link_problem(root / path)) for path in context.evidence_links()]
        found = finish(record, from_problems(layout.problems + problems + links, context) +
                       run_rules(context), unused=options.strict,
                       suppress=options.suppress)
        release(record)
    finally:
        vcs.discard(root)
    return found


def _result_key(root: Path, options: CheckOptions, listings: Listings | None = None,
                stamps: dict[Path, str | None] | None = None) -> str | None:
    """A key over the record's tree (every folder, and every file's stat), the options and
    the history; None when a file is too fresh to trust or a folder cannot be listed. The
    code is not in it: the cache empties itself when the code changes (`Cache`)."""
    now = time.time()
    tree = tree_lines(root, int((now - RACY_SECONDS) * 1e9), listings or Listings())
    if tree is None:
        return None
    stamp = history_stamp(root, now, RACY_SECONDS, stamps)
    if stamp is None:
        return None
    asked = f"{root}|{options.today}|{options.stage}|{options.plan}|{options.strict}"
    lines = [asked, *tree, stamp]
    return blake2b("\n".join(lines).encode("utf-8", "surrogateescape"), 20).hexdigest()


def _prefix(target: Path, root: Path) -> str:
    """Paths are relative to the record root, or to the folder given (resolved) when it
    holds several."""
    if target == root or root in target.parents:
        return ""
    return root.relative_to(target).as_posix() + "/"


def _named(target: Path, where: Path, root: Path) -> str:
    """With several paths given, what each record's paths start with (`check -C a -C b`
    said `ogp.yaml` of both records alike): the path as given when it is the record or a
    folder holding it, else the record's folder from here."""
    if where == root or where in root.parents:
        return target.as_posix().rstrip("/") + "/"
    return os.path.relpath(root).replace(os.sep, "/") + "/"


def _prefixed(item: Diagnostic, prefix: str) -> Diagnostic:
    if not prefix:
        return item
    from dataclasses import replace

    return replace(item, file=prefix + item.file)


class _Pool:
    """Worker processes, started only when a record has enough files to parse."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs or os.cpu_count() or 1
        self._executor: Executor | None = None

    def executor(self) -> Executor | None:
        if self.jobs < 2:
            return None
        if self._executor is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            if method == "fork":
                _load_for_workers()
            self._executor = ProcessPoolExecutor(self.jobs, multiprocessing.get_context(method))
        return self._executor

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)


def _load_for_workers() -> None:
    """What every worker needs, loaded once before they are forked: the loader, the rules
    (their catalogue) and the schema files; each worker would otherwise import and read
    them itself (some 50 ms of CPU a worker)."""
    from ogpctl.check import locate  # noqa: F401 - imported for the workers
    from ogpctl.record import load  # noqa: F401
    from ogpctl.record.schema import default_schemas
    from ogpctl.rules import catalogue, runner  # noqa: F401

    catalogue()
    default_schemas()


__all__ = ["CheckOptions", "CheckResult", "check", "check_record"]
