#!/usr/bin/env python3
"""Generate a deterministic, world-sized corpus of OGP country records for benchmarks.

    python benchmarks/generate.py [--out benchmarks/corpus] [--members 80] [--plans 6]
                                  [--commitments 15] [--seed 1] [--jobs N]

Writes one country record per member (`<out>/<member-slug>/ogp.yaml` ...) following
docs/record-format.md. The output depends only on the arguments (and on the relative path
from --out to the repository's schemas/ folder, used in the `$schema` comments): the same
arguments give the same bytes on every run, whatever --jobs is. Nothing depends on the clock:
the corpus is written "as of" REFERENCE_TODAY, so check it with `--today 2026-11-23`.

About 1.5% of the commitment files carry one realistic defect each (a missing translation, a
milestone due "Fall 2027", an unknown stakeholder, a vague milestone output, ...). They are
listed, with whether the file is still schema-valid, in `<out>/.corpus.json`.

Standard library only, so it runs with any Python 3.11+.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vocab import (  # noqa: E402
    ADMIN_LANGUAGES,
    FIRST_NAMES,
    FUNCTION_WORDS,
    SCRIPT,
    STYLE,
    SYLLABLES,
    WORDS,
)

REFERENCE_TODAY = date(2026, 11, 23)
REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "schemas"
MANIFEST = ".corpus.json"
DEFECT_RATE = 0.015

# ---------------------------------------------------------------------------------------
# A small YAML emitter (block style, deterministic; no dependency on a YAML library).

_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n", ""}
_NUMBERISH = re.compile(
    r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+|0x[0-9a-fA-F_]+|"
    r"0o[0-7]+|0b[01_]+|\.inf|\.nan|[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$", re.I)
_BAD_START = set("-?:,[]{}#&*!|>'\"%@`+ ")
_SIMPLE_ITEM = re.compile(r"^[a-z0-9][a-z0-9-]*$")
BLOCK_AT = 110


def _plain_ok(s: str) -> bool:
    if not s or s[0] in _BAD_START or s[-1] in " :" or s.lower() in _RESERVED:
        return False
    if ": " in s or " #" in s or "\n" in s or "\t" in s or "\\" in s:
        return False
    if s[0].isdigit() or s[0] in ".-+" :
        return not _NUMBERISH.match(s)
    return True


def _scalar(v) -> str | None:
    """The inline form of a scalar, or None when it should be a literal block."""
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, date):
        return v.isoformat()
    if len(v) > BLOCK_AT or "\n" in v:
        if v[0] not in " \t" and not any(line != line.rstrip() for line in v.split("\n")):
            return None
    if _plain_ok(v):
        return v
    return json.dumps(v, ensure_ascii=False)


def _entry(prefix: str, v, col: int, out: list[str]) -> None:
    if isinstance(v, dict):
        if v:
            out.append(prefix)
            _map(v, col + 2, out)
        else:
            out.append(prefix + " {}")
    elif isinstance(v, list):
        if not v:
            out.append(prefix + " []")
        elif all(isinstance(i, str) and _SIMPLE_ITEM.match(i) for i in v) and \
                sum(len(i) + 2 for i in v) < 70:
            out.append(prefix + " [" + ", ".join(v) + "]")
        else:
            out.append(prefix)
            _list(v, col + 2, out)
    else:
        s = _scalar(v)
        if s is None:
            out.append(prefix + " |-")
            pad = " " * (col + 2)
            out.extend(pad + line if line else "" for line in v.split("\n"))
        else:
            out.append(prefix + " " + s)


def _map(d: dict, col: int, out: list[str]) -> None:
    pad = " " * col
    for k, v in d.items():
        _entry(pad + k + ":", v, col, out)


def _list(items: list, col: int, out: list[str]) -> None:
    pad = " " * col
    for item in items:
        if isinstance(item, dict) and item:
            first = True
            for k, v in item.items():
                _entry((pad + "- " if first else pad + "  ") + k + ":", v, col + 2, out)
                first = False
        else:
            _entry(pad + "-", item, col, out)


def to_yaml(d: dict, schema: str) -> str:
    out = [f"# yaml-language-server: $schema={schema}"]
    _map(d, 0, out)
    out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------
# Themes: English wording plus concept lists used to write the same title in every language.

THEMES = [
    ("Open contracting in public procurement", [3, 13, 6, 12]),
    ("Open budget data portal", [3, 5, 4, 15]),
    ("Participatory budgeting in local government", [11, 5, 18, 0]),
    ("Access to information law reform", [8, 7, 23, 24]),
    ("Public register of beneficial ownership", [6, 14, 13, 9]),
    ("Open data for health services", [3, 4, 31, 17]),
    ("Transparency of education spending", [9, 32, 5]),
    ("Open justice and court data", [3, 33, 37, 4]),
    ("Parliamentary openness and citizen participation", [36, 9, 2, 11]),
    ("Digital public services for all citizens", [16, 6, 17, 41, 2]),
    ("Gender equality in public participation", [34, 11, 6]),
    ("Youth participation in policy making", [35, 11, 0]),
    ("Annual accountability reports of ministries", [22, 10, 21, 1]),
    ("Local government transparency index", [18, 0, 9]),
    ("Open data platform for climate action", [3, 4, 15, 19]),
    ("Fiscal transparency and budget monitoring", [5, 9, 28]),
    ("Public procurement monitoring by civil society", [6, 12, 28, 20]),
    ("National open data policy", [19, 3, 4, 23]),
    ("Citizen feedback on public services", [2, 17, 6]),
    ("Strengthening the access to information commission", [27, 8, 7]),
    ("Open government data standards", [3, 0, 4]),
    ("Transparency of public contracts in health", [9, 13, 31]),
    ("Digital platform for citizen petitions", [16, 15, 2]),
    ("Accountability of local public services", [10, 18, 6, 17]),
    ("Women's access to justice", [34, 8, 33]),
    ("Open education data", [3, 32, 4]),
    ("Publishing court decisions", [25, 37, 33]),
    ("Reform of the civil society registration law", [24, 20, 14, 23]),
    ("Lobbying transparency register", [9, 14, 36]),
    ("Open parliament data", [3, 36, 4]),
    ("Budget transparency for youth and women", [5, 9, 35, 34]),
    ("Monitoring the national anti-corruption strategy", [28, 29, 19, 24]),
    ("Digital skills for public servants", [30, 16, 6, 0]),
    ("Improving public information services", [26, 6, 7, 17]),
    ("Open data on public health spending", [3, 4, 31, 5]),
    ("New national access to information portal", [40, 19, 8, 7, 15]),
]

# (title, title concepts, output, output concepts)
MILESTONES = [
    ("Draft the legal framework", [23, 24],
     "Draft law submitted to parliament and published for consultation", [23, 25, 36]),
    ("Launch the online platform", [40, 16, 15],
     "Platform online with at least 10 datasets published", [15, 3, 4, 25]),
    ("Publish the first annual report", [25, 22, 21],
     "Annual report published on the national portal", [22, 21, 25, 19]),
    ("Train public officials", [27, 0],
     "At least 200 officials trained and attendance lists published", [0, 25]),
    ("Hold public consultations with civil society", [11, 20],
     "Three consultations held and a summary of inputs published", [11, 21, 25]),
    ("Adopt the data standard", [4, 23],
     "Data standard adopted by ministerial order and published", [4, 1, 25]),
    ("Publish datasets in open formats", [25, 3, 4],
     "All datasets available in CSV and JSON under an open licence", [41, 4, 3]),
    ("Set up the monitoring mechanism", [28, 10],
     "Monitoring committee established and its terms of reference published", [28, 20, 25]),
    ("Evaluate results and publish the evaluation", [21, 25],
     "Independent evaluation report published with recommendations", [21, 25, 26]),
    ("Develop the register", [30, 14],
     "Register operational and searchable online", [14, 3, 16]),
    ("Pilot in three municipalities", [18, 29],
     "Pilot completed in three municipalities and results report published", [18, 29, 21]),
    ("Approve the implementing regulation", [23, 29],
     "Regulation approved and published in the official gazette", [23, 25]),
    ("Run an information campaign", [2, 7],
     "Campaign reaching 50,000 citizens, with reach statistics published", [2, 7, 25]),
    ("Connect the procurement system", [4, 12, 16],
     "Procurement data published in the Open Contracting Data Standard", [12, 4, 25]),
    ("Publish quarterly budget execution data", [25, 5, 4],
     "Budget execution data published within 30 days of each quarter end", [5, 4, 25]),
    ("Create the feedback mechanism", [2, 17, 26],
     "Feedback form online and quarterly response report published", [2, 21]),
]

# Stakeholder catalogue: (id, sector, English name, concepts for other languages, acronym)
ORGS = [
    ("open-government-office", "government", "Open Government Office", [3, 0, 1], "OGO"),
    ("ministry-of-finance", "government", "Ministry of Finance", [1, 5], "MOF"),
    ("ministry-of-justice", "government", "Ministry of Justice", [1, 33], "MOJ"),
    ("ministry-of-health", "government", "Ministry of Health", [1, 31], "MOH"),
    ("ministry-of-education", "government", "Ministry of Education", [1, 32], "MOE"),
    ("ministry-of-digital-development", "government", "Ministry of Digital Development",
     [1, 16, 30], "MDD"),
    ("public-procurement-agency", "government", "Public Procurement Agency", [6, 12], "PPA"),
    ("national-statistics-office", "government", "National Statistics Office", [19, 4], "NSO"),
    ("anti-corruption-bureau", "government", "Anti-Corruption Bureau", [10, 0], "ACB"),
    ("information-commission", "government", "Access to Information Commission", [8, 7], "AIC"),
    ("supreme-audit-office", "government", "Supreme Audit Office", [19, 28], "SAO"),
    ("business-registry", "government", "Business Registry Agency", [14, 13], "BRA"),
    ("e-government-agency", "government", "E-Government Agency", [16, 0, 17], "EGA"),
    ("parliament", "parliament", "National Parliament", [19, 36], "NP"),
    ("parliament-budget-committee", "parliament", "Parliamentary Budget Committee",
     [36, 5], "PBC"),
    ("supreme-court", "judiciary", "Supreme Court", [19, 37], "SC"),
    ("judicial-council", "judiciary", "High Judicial Council", [33, 37], "HJC"),
    ("capital-city-municipality", "local-government", "Capital City Municipality",
     [18, 0], "CCM"),
    ("association-of-municipalities", "local-government", "Association of Municipalities",
     [18, 0, 41], "AOM"),
    ("northern-province", "local-government", "Northern Province Administration",
     [18, 0, 17], "NPA"),
    ("transparency-watch", "civil-society", "Transparency Watch", [9, 20], "TW"),
    ("open-data-network", "civil-society", "Open Data Network", [3, 4, 20], "ODN"),
    ("budget-watch", "civil-society", "Budget Watch", [5, 28, 20], "BW"),
    ("youth-for-accountability", "civil-society", "Youth for Accountability",
     [35, 10], "YFA"),
    ("womens-rights-association", "civil-society", "Women's Rights Association",
     [34, 33, 20], "WRA"),
    ("citizens-voice", "civil-society", "Citizens' Voice", [2, 11], "CV"),
    ("media-freedom-centre", "civil-society", "Media Freedom Centre", [7, 8, 20], "MFC"),
    ("anti-corruption-coalition", "civil-society", "Anti-Corruption Coalition",
     [10, 20, 41], "ACC"),
    ("health-watch", "civil-society", "Health Watch", [31, 28, 20], "HW"),
    ("education-forum", "civil-society", "Education Forum", [32, 11, 20], "EF"),
    ("environmental-justice-network", "civil-society", "Environmental Justice Network",
     [33, 20, 18], "EJN"),
    ("disability-rights-alliance", "civil-society", "Disability Rights Alliance",
     [8, 33, 20], "DRA"),
    ("local-democracy-institute", "civil-society", "Local Democracy Institute",
     [18, 11, 20], "LDI"),
    ("legal-aid-society", "civil-society", "Legal Aid Society", [33, 8, 2], "LAS"),
    ("national-university", "academia", "National University", [19, 32], "NU"),
    ("public-policy-institute", "academia", "Institute for Public Policy", [6, 24, 32], "IPP"),
    ("chamber-of-commerce", "private-sector", "Chamber of Commerce", [19, 13], "CC"),
    ("tech-industry-association", "private-sector", "Technology Industry Association",
     [16, 30], "TIA"),
    ("undp-country-office", "international", "UNDP Country Office", [19, 30], "UNDP"),
    ("world-bank-office", "international", "World Bank Country Office", [5, 30], "WB"),
    ("eu-delegation", "international", "Delegation of the European Union", [41, 19], "EU"),
    ("journalists-union", "civil-society", "Union of Journalists", [7, 2, 20], "UJ"),
]
_ALWAYS = {"open-government-office", "ministry-of-finance", "ministry-of-justice",
           "public-procurement-agency", "information-commission", "parliament",
           "capital-city-municipality", "transparency-watch", "open-data-network",
           "budget-watch", "citizens-voice", "national-university"}

DEFECT_KINDS = [
    "missing-translation", "bad-date", "unknown-stakeholder", "vague-output",
    "long-brief-description", "missing-evidence-file", "milestone-after-plan-end",
]


# ---------------------------------------------------------------------------------------
# Text composition

class Writer:
    """Composes multilingual text from the vocabulary with one member's Random."""

    POOL = 700

    def __init__(self, seed: int, rng: random.Random, langs: list[str], default: str):
        self.rng = rng
        self.langs = langs
        self.default = default
        self.pools = {lang: _pool(seed, lang) for lang in langs}

    def sentence(self, lang: str, n_words: int, rng: random.Random | None = None) -> str:
        rng = rng or self.rng
        sep, end, comma, cap = STYLE[lang]
        words = WORDS[lang]
        picks = [words[i] for i in rng.choices(range(38), k=n_words)]
        if n_words > 6:
            picks.insert(rng.randrange(2, n_words - 2), words[rng.choice(FUNCTION_WORDS)])
            if rng.random() < 0.5:
                k = rng.randrange(3, n_words - 1)
                picks[k] = picks[k] + comma.rstrip() if sep else picks[k] + comma
        s = sep.join(picks) + end
        return s[0].upper() + s[1:] if cap else s

    def paragraph(self, lang: str, n: int) -> str:
        joiner = "" if lang in ("zh", "ja") else " "
        return joiner.join(self.rng.sample(self.pools[lang], n))

    def prose(self, lang: str, paragraphs: int, sentences: tuple[int, int]) -> str:
        lo, hi = sentences
        return "\n\n".join(self.paragraph(lang, self.rng.randint(lo, hi))
                           for _ in range(paragraphs))

    def text(self, paragraphs: int = 1, sentences: tuple[int, int] = (2, 4)) -> dict:
        return {lang: self.prose(lang, paragraphs, sentences) for lang in self.langs}

    def short(self, lo: int = 1, hi: int = 2) -> dict:
        n = self.rng.randint(lo, hi)
        return {lang: self.paragraph(lang, n) for lang in self.langs}

    def local(self, lo: int = 1, hi: int = 2) -> str | dict:
        """Published text (progress notes, activities): in every administrative language
        (handbook 5.1); a plain string when the default language is the only one."""
        n = self.rng.randint(lo, hi)
        admin = [lang for lang in self.langs if lang != "en"] or ["en"]
        if admin == [self.default]:
            return self.paragraph(self.default, n)
        return {lang: self.paragraph(lang, n) for lang in admin}

    def line(self, lo: int, hi: int) -> str | dict:
        """One fresh short sentence, published in every administrative language (5.1);
        a plain string when the default language is the only one."""
        n = self.rng.randint(lo, hi)
        admin = [lang for lang in self.langs if lang != "en"] or ["en"]
        if admin == [self.default]:
            return self.sentence(self.default, n)
        return {lang: self.sentence(lang, n) for lang in admin}

    def phrase(self, concepts: list[int], en: str | None = None) -> dict:
        out = {}
        for lang in self.langs:
            if lang == "en" and en is not None:
                out[lang] = en
                continue
            sep, _, _, cap = STYLE[lang]
            s = sep.join(WORDS[lang][i] for i in concepts)
            out[lang] = s[0].upper() + s[1:] if cap else s
        return out

    def brief(self, limit: int = 190) -> dict:
        out = {}
        for lang in self.langs:
            sep, end, _, cap = STYLE[lang]
            words = WORDS[lang]
            picks: list[str] = []
            target = self.rng.randint(8, 18)
            for i in self.rng.choices(range(38), k=target):
                if len(sep.join(picks + [words[i]])) + len(end) >= limit:
                    break
                picks.append(words[i])
            s = sep.join(picks) + end
            out[lang] = s[0].upper() + s[1:] if cap else s
        return out


_POOLS: dict[tuple[int, str], list[str]] = {}


def _pool(seed: int, lang: str) -> list[str]:
    key = (seed, lang)
    if key not in _POOLS:
        rng = random.Random(f"ogpctl-corpus:{seed}:vocab:{lang}")
        w = Writer.__new__(Writer)
        w.rng = rng
        _POOLS[key] = [w.sentence(lang, rng.randint(7, 16), rng) for _ in range(Writer.POOL)]
    return _POOLS[key]


# ---------------------------------------------------------------------------------------
# Dates

def due_date(window: str, year: int) -> date:
    """June 30 or December 31; plans developed in 2022 and 2023 were all due December 31
    (handbook 3.1.a), as ogpctl's calendar says."""
    if year in (2022, 2023):
        return date(year, 12, 31)
    return date(year, 6, 30) if window == "june" else date(year, 12, 31)


def add_years(d: date, years: int) -> date:
    return d.replace(year=d.year + years)


def rand_date(rng: random.Random, lo: date, hi: date) -> date:
    if hi <= lo:
        return lo
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


def sorted_dates(rng: random.Random, lo: date, hi: date, k: int) -> list[date]:
    return sorted(rand_date(rng, lo, hi) for _ in range(k))


# ---------------------------------------------------------------------------------------
# Members

def country_names(rng: random.Random, n: int) -> list[list[dict]]:
    """n distinct fictional names, each a list of syllable dicts (script -> syllable)."""
    seen: set[str] = set()
    names = []
    while len(names) < n:
        syl = [rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3, 3, 3)))]
        latin = "".join(s["latn"] for s in syl)
        if latin in seen:
            continue
        seen.add(latin)
        names.append(syl)
    return names


def iso_code(i: int) -> str:
    # User-assigned codes: XA..XZ, then alpha-3 XAA..XZZ.
    if i < 26:
        return "X" + chr(65 + i)
    i -= 26
    return "X" + chr(65 + i // 26 % 26) + chr(65 + i % 26)


def plan_members(seed: int, members: int) -> list[dict]:
    rng = random.Random(f"ogpctl-corpus:{seed}:members")
    specs = []
    for i, syl in enumerate(country_names(rng, members)):
        admin = [ADMIN_LANGUAGES[i % len(ADMIN_LANGUAGES)]]
        if rng.random() < 0.4:
            admin.append(rng.choice([lang for lang in ADMIN_LANGUAGES if lang != admin[0]]))
        latin = "".join(s["latn"] for s in syl)
        specs.append({
            "index": i,
            "slug": latin,
            "syllables": syl,
            "iso": iso_code(i),
            "admin": admin,
            "default": "en" if rng.random() < 0.3 else admin[0],
            "window": rng.choice(("june", "december")),
        })
    return specs


def person(rng: random.Random) -> str:
    surname = "".join(s["latn"] for s in (rng.choice(SYLLABLES) for _ in range(3)))
    return f"{rng.choice(FIRST_NAMES)} {surname.capitalize()}"


class Member:
    def __init__(self, spec: dict, args, out: Path):
        self.spec = spec
        self.args = args
        self.root = out / spec["slug"]
        self.rng = random.Random(f"ogpctl-corpus:{args.seed}:member:{spec['index']}")
        self.langs = ["en"] + spec["admin"]
        self.w = Writer(args.seed, self.rng, self.langs, spec["default"])
        self.domain = f"{spec['slug']}.example"
        self.files = 0
        self.bytes = 0
        self.defects: list[dict] = []
        self.dirs: set[Path] = set()
        rel = os.path.relpath(SCHEMAS, self.root.resolve())
        self.schema_base = rel.replace(os.sep, "/")

    # -- output -----------------------------------------------------------------------
    def schema(self, depth: int, name: str) -> str:
        return "../" * depth + self.schema_base + f"/{name}.schema.json"

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        if path.parent not in self.dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.dirs.add(path.parent)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        self.files += 1
        self.bytes += len(data)

    def write_yaml(self, rel: str, name: str, data: dict) -> None:
        self.write(rel, to_yaml(data, self.schema(rel.count("/"), name)))

    # -- building blocks --------------------------------------------------------------
    def country_name(self) -> dict:
        out = {}
        for lang in self.langs:
            script = SCRIPT[lang]
            s = "".join(syl[script] for syl in self.spec["syllables"])
            out[lang] = s[0].upper() + s[1:] if STYLE[lang][3] or script == "latn" else s
        return out

    def contact(self, org: str | None = None, role_concepts=(0, 3)) -> dict:
        name = person(self.rng)
        user = re.sub(r"[^a-z]", "", name.split()[0].lower()) + "." + \
            re.sub(r"[^a-z]", "", name.split()[1].lower())
        return {
            "name": name,
            "role": self.w.phrase(list(role_concepts)),
            "email": f"{user}@{org or 'gov'}.{self.domain}",
        }

    def url(self, *parts: str) -> str:
        return f"https://ogp.{self.domain}/" + "/".join(parts)

    def pick(self, sector: str | tuple[str, ...], k: int = 1) -> list[str]:
        sectors = (sector,) if isinstance(sector, str) else sector
        pool = [s for s in self.stakeholders if self.sector[s] in sectors]
        return self.rng.sample(pool, min(k, len(pool)))

    # -- the record -------------------------------------------------------------------
    def generate(self) -> None:
        self.build_stakeholders()
        self.build_plans_timeline()
        self.write_profile()
        self.write_stakeholders()
        self.write_forum()
        for plan in self.plans:
            self.write_plan(plan)
        self.write_meetings()

    def build_stakeholders(self) -> None:
        rng = self.rng
        n = rng.randint(20, min(40, len(ORGS)))
        optional = [o for o in ORGS if o[0] not in _ALWAYS]
        chosen = {o[0] for o in ORGS if o[0] in _ALWAYS}
        chosen |= {o[0] for o in rng.sample(optional, n - len(chosen))}
        self.orgs = [o for o in ORGS if o[0] in chosen]
        self.stakeholders = [o[0] for o in self.orgs]
        self.sector = {o[0]: o[1] for o in self.orgs}
        self.lead_agency = rng.choice(["open-government-office", "ministry-of-justice"])

    def build_plans_timeline(self) -> None:
        rng = self.rng
        window = self.spec["window"]
        n = self.args.plans
        last_len = 4 if rng.random() < 0.6 else 2
        candidates = [y for y in range(2018, 2027)
                      if due_date(window, y) <= REFERENCE_TODAY - timedelta(days=150)
                      and add_years(due_date(window, y), last_len) > REFERENCE_TODAY]
        year = rng.choice(candidates)
        plans = [(year, last_len)]
        for _ in range(n - 1):
            length = 4 if year >= 2024 and rng.random() < 0.3 else 2
            year -= length
            plans.append((year, length))
        plans.reverse()
        self.plans = []
        for k, (year, length) in enumerate(plans):
            due = due_date(window, year)
            end = add_years(due, length)
            delivered = due - timedelta(days=rng.randint(0, 60))
            self.plans.append({
                "id": f"{year}-{year + length}", "index": k, "due-year": year, "length": length,
                "due": due, "end": end, "delivered": delivered,
                "status": "closed" if end < REFERENCE_TODAY else "implementation",
                "co-creation-start": delivered - timedelta(days=rng.randint(300, 360)),
            })
        self.member_since = self.plans[0]["co-creation-start"] - timedelta(
            days=rng.randint(60, 400))

    def write_profile(self) -> None:
        s = self.spec
        self.write_yaml("ogp.yaml", "ogp", {
            "country": self.country_name(),
            "iso-code": s["iso"],
            "member-since": self.member_since,
            "languages": {"default": s["default"], "administrative": s["admin"]},
            "lead-agency": self.lead_agency,
            "point-of-contact": {**self.contact("ogp", (3, 0, 1)), "phone": "+00 21 555 0142",
                                 "url": self.url("contact")},
            "ministerial-contact": self.contact("gov", (1, 0)),
            "website": f"https://ogp.{self.domain}",
            "repository": self.url("repository"),
        })

    def write_stakeholders(self) -> None:
        items = []
        for sid, sector, en, concepts, acronym in self.orgs:
            item = {
                "id": sid,
                "name": self.w.phrase(concepts, en),
                "short-name": {lang: acronym for lang in self.langs},
                "sector": sector,
            }
            if sector in ("government", "local-government", "judiciary", "parliament"):
                item["jurisdiction"] = self.w.phrase([18 if sector == "local-government" else 19])
            if self.rng.random() < 0.7:
                item["contact"] = self.contact(sid.split("-")[0], (0, 7))
            item["url"] = f"https://{sid}.{self.domain}"
            items.append(item)
        self.write_yaml("stakeholders.yaml", "stakeholders", {"stakeholders": items})

    def write_forum(self) -> None:
        rng = self.rng
        start = self.member_since + timedelta(days=rng.randint(10, 90))
        gov = self.pick(("government", "parliament", "local-government"), rng.randint(5, 9))
        cso = self.pick(("civil-society", "academia", "private-sector"), rng.randint(5, 9))
        members = []
        for i, sid in enumerate(gov + cso):
            role = "member"
            if i == 0:
                role = "co-chair"
            elif i == len(gov):
                role = "co-chair"
            elif i == 1:
                role = "secretariat"
            m = {"stakeholder": sid, "role": role,
                 "from": rand_date(rng, start, start + timedelta(days=400)),
                 "representative": person(rng)}
            if rng.random() < 0.15 and role == "member":
                m["to"] = rand_date(rng, m["from"] + timedelta(days=200), REFERENCE_TODAY)
            members.append(m)
        intl = self.pick("international", 1)
        if intl:
            members.append({"stakeholder": intl[0], "role": "observer", "from": start,
                            "representative": person(rng)})
        self.forum_members = [m["stakeholder"] for m in members]
        self.forum_start = start
        self.write_yaml("forum/forum.yaml", "forum", {
            "name": self.w.phrase([3, 0, 20, 11], "Open Government Multi-Stakeholder Forum"),
            "basis": {"kind": rng.choice(["law", "decree", "resolution", "agreement"]),
                      "reference": self.w.short(1, 1),
                      "url": self.url("forum", "basis")},
            "rules-url": self.url("forum", "rules"),
            "meeting-frequency": self.w.short(1, 2),
            "members": members,
        })

    def write_meetings(self) -> None:
        rng = self.rng
        n = rng.randint(10, 30)
        kinds = ["msf"] * 6 + ["civil-society", "civil-society", "public", "public",
                               "ministerial"]
        slugs = {"msf": ["msf-session", "forum-meeting", "ordinary-session"],
                 "civil-society": ["civil-society-assembly", "cso-caucus"],
                 "public": ["public-hearing", "open-session"],
                 "ministerial": ["ministerial-review"]}
        dates = sorted_dates(rng, self.forum_start, REFERENCE_TODAY - timedelta(days=3), n)
        # A diligent forum: during each plan's implementation a meeting every two and a half
        # months, alternately the forum itself and civil society, presenting results (1.1, 5.1).
        cadence: dict[date, str] = {}
        for plan in self.plans:
            day, turn = plan["delivered"] + timedelta(days=rng.randint(20, 40)), 0
            while day <= min(plan["end"], REFERENCE_TODAY - timedelta(days=3)):
                cadence[day] = "msf" if turn % 2 == 0 else "civil-society"
                day, turn = day + timedelta(days=rng.randint(70, 80)), turn + 1
        dates = sorted(set(dates) | set(cadence))
        used: set[str] = set()
        main = self.spec["default"]
        for d in dates:
            kind = cadence.get(d) or rng.choice(kinds)
            name = f"{d.isoformat()}-{rng.choice(slugs[kind])}"
            while name in used:
                name += "-2"
            used.add(name)
            plan = next(p for p in self.plans if p["end"] >= d)
            attendees = rng.sample(self.forum_members,
                                   min(len(self.forum_members), rng.randint(5, 12)))
            fm = {
                "date": d, "kind": kind,
                "title": self.w.phrase([3, 0, 20, 11] if kind == "msf" else [11, 2, 7]),
                "plan": plan["id"],
                "attendees": attendees,
                "presented-results": d in cadence or (plan["delivered"] < d
                                                      and rng.random() < 0.5),
                "remote-participation": rng.random() < 0.6,
                "agenda-url": self.url("forum", "meetings", d.isoformat(), "agenda"),
                "minutes-url": self.url("forum", "meetings", d.isoformat(), "minutes"),
            }
            body = [f"## {self.w.phrase([21, 11])[main]}", "",
                    self.w.prose(main, rng.randint(1, 3), (2, 4)), "",
                    f"## {self.w.phrase([24, 29])[main]}", ""]
            body += [f"- {self.w.paragraph(main, 1)}" for _ in range(rng.randint(2, 5))]
            if main != "en":
                body += ["", "## Summary (English)", "", self.w.prose("en", 1, (1, 3))]
            text = "---\n" + to_yaml(fm, self.schema(2, "meeting")) + "---\n\n" + \
                "\n".join(body) + "\n"
            self.write(f"forum/meetings/{name}.md", text)

    # -- plans ------------------------------------------------------------------------
    def write_plan(self, plan: dict) -> None:
        rng = self.rng
        base = f"plans/{plan['id']}"
        themes = rng.sample(THEMES, min(len(THEMES), self.args.commitments))
        while len(themes) < self.args.commitments:  # more commitments than themes
            themes.append(rng.choice(THEMES))
        commitments = []
        used: set[str] = set()
        for n, (title, concepts) in enumerate(themes, 1):
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:48].strip("-")
            while slug in used:
                slug = f"{slug}-{n}"
            used.add(slug)
            commitments.append({"n": n, "slug": slug, "title": title, "concepts": concepts,
                                "file": f"{n:02d}-{slug}"})
        plan["commitments"] = commitments

        data = {
            "title": self.w.phrase([19, 3, 0, 29], f"Open Government National Action Plan "
                                                   f"{plan['id']}"),
            "window": self.spec["window"],
            "due-year": plan["due-year"],
            "length": plan["length"],
            "status": plan["status"],
            "delivered": plan["delivered"],
            "url": f"https://www.opengovpartnership.org/documents/{self.spec['slug']}-"
                   f"action-plan-{plan['id']}/",
        }
        if plan["index"] > 0:
            data["irm-recommendations"] = [
                {"recommendation": self.w.short(1, 2), "use": self.w.short(1, 2)}
                for _ in range(rng.randint(2, 5))]
        if plan["length"] == 4 and add_years(plan["due"], 2) < REFERENCE_TODAY:
            mid = add_years(plan["due"], 2)
            data["refresh"] = {"review-starts": mid - timedelta(days=180),
                               "timeline-published": mid - timedelta(days=201),
                               "delivered": mid - timedelta(days=rng.randint(0, 30))}
        if rng.random() < 0.3:
            last = min(add_years(plan["due"], 1), REFERENCE_TODAY) - timedelta(days=1)
            first = min(plan["delivered"] + timedelta(days=30), last)
            data["amendments"] = [{"date": rand_date(rng, first, last),
                                   "summary": self.w.short(1, 2)}]
        self.write_yaml(f"{base}/plan.yaml", "plan", data)
        self.write_co_creation(plan, base)
        self.write_contributions(plan, base)
        for c in commitments:
            self.write_commitment(plan, base, c)
        if plan["status"] == "closed":
            self.write_self_assessment(plan, base)
        self.write_sections(plan, base)

    def write_co_creation(self, plan: dict, base: str) -> None:
        rng = self.rng
        start = plan["co-creation-start"]
        delivered = plan["delivered"]
        span = (delivered - start).days
        cuts = [start + timedelta(days=int(span * f)) for f in (0, .15, .4, .7, .85, .97)]
        names = [("planning", [0, 11]), ("outreach", [2, 7]), ("development", [30, 29]),
                 ("feedback", [2, 26]), ("finalization", [25, 0])]
        stages = [{"id": sid, "title": self.w.phrase(c), "starts": cuts[i],
                   "ends": cuts[i + 1] - timedelta(days=1), "description": self.w.line(6, 14)}
                  for i, (sid, c) in enumerate(names)]
        evidence_files = []
        outreach = []
        for k in range(rng.randint(3, 6)):
            d = rand_date(rng, cuts[1], cuts[2])
            ev = f"evidence/process/outreach-{k + 1:02d}.md"
            evidence_files.append(ev)
            outreach.append({
                "date": d, "title": self.w.phrase([11, 2, 18]),
                "kind": rng.choice(["event", "online", "media", "targeted"]),
                "audience": self.w.phrase([2, 20]),
                "participants": rng.randint(12, 400),
                "url": self.url("plans", plan["id"], "outreach", str(k + 1)),
                "evidence": [ev],
            })
        mechanisms = [{
            "channel": ch, "title": self.w.phrase([11, 15]),
            "opens": cuts[2], "closes": cuts[3] - timedelta(days=1),
            "url": self.url("plans", plan["id"], ch), "description": self.w.line(6, 14)}
            for ch in rng.sample(["survey", "workshop", "online-consultation", "email",
                                  "meeting"], rng.randint(2, 4))]
        self.write_yaml(f"{base}/co-creation.yaml", "co-creation", {
            "why": self.w.text(1, (1, 2)), "who": self.w.text(1, (1, 2)),
            "what": self.w.text(1, (1, 2)), "how": self.w.text(1, (1, 2)),
            "where": self.w.short(1, 1),
            "timeline": {"published": start, "url": self.url("plans", plan["id"], "timeline")},
            "stages": stages, "outreach": outreach, "input-mechanisms": mechanisms,
        })
        for ev in evidence_files:
            self.write(f"{base}/{ev}", f"# Outreach record\n\nAttendance sheet and photos, "
                                       f"plan {plan['id']}.\n")
        self.write(f"{base}/evidence/process/timeline.md",
                   f"# Co-creation timeline\n\nPublished {start.isoformat()}.\n")
        plan["outreach_window"] = (cuts[1], cuts[4])

    def write_contributions(self, plan: dict, base: str) -> None:
        rng = self.rng
        lo, hi = plan["outreach_window"]
        items = []
        slugs = [c["slug"] for c in plan["commitments"]]
        for k in range(rng.randint(20, 60)):
            received = rand_date(rng, lo, hi)
            decision = rng.choice(["include", "include", "amend", "reject"])
            frm = self.pick(("civil-society", "academia", "private-sector"), 1)[0] \
                if rng.random() < 0.7 else {"name": person(rng), "sector": "civil-society"}
            item = {
                "id": f"c{k + 1:03d}", "received": received, "from": frm,
                "channel": rng.choice(["survey", "workshop", "online-consultation", "email",
                                       "meeting", "other"]),
                "summary": self.w.line(5, 12), "decision": decision,
                "response": self.w.line(5, 14),
                "responded": rand_date(rng, received, plan["delivered"]),
            }
            if decision in ("include", "amend"):
                item["commitments"] = rng.sample(slugs, rng.randint(1, 2))
            elif rng.random() < 0.5:
                item["considered-later"] = self.w.line(4, 10)
            items.append(item)
        self.write_yaml(f"{base}/contributions.yaml", "contributions", {"contributions": items})

    def write_commitment(self, plan: dict, base: str, c: dict) -> None:
        rng, w = self.rng, self.w
        closed = plan["status"] == "closed"
        start, end = plan["delivered"], plan["end"]
        defect = rng.choice(DEFECT_KINDS) if rng.random() < DEFECT_RATE else None
        kind = rng.choices(["regular", "challenge", "local"], [85, 8, 7])[0]
        challenges = plan.setdefault("challenges", 0)
        if kind == "challenge" and challenges >= 2:
            kind = "regular"
        plan["challenges"] = challenges + (kind == "challenge")
        lead = self.pick("government", 1)[0]
        data: dict = {
            "title": w.phrase(c["concepts"], c["title"]),
            "brief-description": w.brief(),
            "kind": kind,
            "lead": lead,
            "supporting": {
                "government": self.pick("government", rng.randint(1, 3)),
                "civil-society": [
                    {"stakeholder": s, "role": w.phrase([28, 10])} if rng.random() < 0.3 else s
                    for s in self.pick("civil-society", rng.randint(1, 4))],
            },
        }
        other = self.pick(("academia", "private-sector", "international", "parliament"),
                          rng.randint(0, 2))
        if other:
            data["supporting"]["other"] = other
        data["problem"] = {"what": w.text(2, (2, 3)), "causes": w.text(1, (2, 4))}
        data["description"] = {"done-so-far": w.text(1, (2, 3)),
                               "solution": w.text(2, (2, 3)),
                               "results": w.text(1, (1, 3))}
        data["values"] = sorted(rng.sample(["transparency", "accountability", "participation",
                                            "technology-innovation"], rng.randint(1, 3)),
                                key=["transparency", "accountability", "participation",
                                     "technology-innovation"].index)
        data["relevance"] = w.text(1, (1, 2))
        if kind == "challenge":
            data["challenge"] = {"added": plan["delivered"], "priority": w.short(1, 1),
                                 "co-creation": w.short(1, 2),
                                 "reasoned-response": w.short(1, 2)}
        elif kind == "local":
            data["local"] = {"jurisdiction": w.phrase([18, 0]),
                             "national-policy": w.short(1, 2),
                             "ogp-local-member": rng.random() < 0.4}

        ev_dir = f"evidence/{c['file']}"
        ev_files = [f"{ev_dir}/progress-report.md", f"{ev_dir}/indicators.csv"]
        n_ms = rng.randint(5, 8)
        picks = rng.sample(MILESTONES, n_ms)
        dues = sorted_dates(rng, start + timedelta(days=60), end - timedelta(days=1), n_ms)
        milestones = []
        for i, ((t_en, t_c, o_en, o_c), due) in enumerate(zip(picks, dues, strict=True), 1):
            m = {"number": i, "title": w.phrase(t_c, t_en), "output": w.phrase(o_c, o_en),
                 "due": due, "lead": lead if rng.random() < 0.6 else
                 self.pick("government", 1)[0]}
            if rng.random() < 0.3:
                m["supporting"] = {"civil-society": self.pick("civil-society", 1)}
            final = self.final_status(closed, due)
            m["status"] = final
            if rng.random() < 0.3:
                m["weight"] = rng.choice([1, 2, 3, 0.5])
            m["progress"] = self.progress(start, end, due, final, ev_files)
            if kind == "local" and not milestones:
                m["progress"] = self.quarterly(start, end, due, m["progress"], ev_files)
            milestones.append(m)
        data["milestones"] = milestones
        data["evidence"] = [
            {"title": w.phrase([21, 29]), "path": ev_files[0]},
            {"title": w.phrase([3, 4]), "url": self.url("commitments", c["slug"])},
        ]
        data["implementation-plan"] = {
            "activities": [w.local(1, 1) for _ in range(rng.randint(2, 3))],
            "resources": w.text(1, (1, 1)),
            "responsibilities": w.text(1, (1, 1)),
            "risks": w.text(1, (1, 1)),
        }
        if closed:
            data["irm"] = {
                "verifiable": True, "relevant": rng.random() < 0.9,
                "potential-results": rng.choice(["minor", "moderate", "moderate",
                                                 "substantial", "unclear"]),
                "completion": rng.choice(["limited", "substantial", "substantial",
                                          "complete"]),
                "early-results": rng.choice(["no-notable-results", "marginal", "moderate",
                                             "significant", "outstanding"]),
            }

        rel = f"{base}/commitments/{c['file']}.yaml"
        if defect:
            detail = self.apply_defect(defect, data, plan)
            self.defects.append({"file": f"{self.spec['slug']}/{rel}", "kind": defect,
                                 "schema-valid": defect != "bad-date", "detail": detail})
        self.write_yaml(rel, "commitment", data)
        self.write(f"{base}/{ev_files[0]}",
                   f"# Progress report\n\n{c['title']}: milestones and evidence, plan "
                   f"{plan['id']}.\n")
        self.write(f"{base}/{ev_files[1]}",
                   "indicator,baseline,target,value\n"
                   f"datasets,{rng.randint(0, 20)},{rng.randint(30, 90)},{rng.randint(10, 90)}\n")
        c["statuses"] = [m["status"] for m in milestones]
        c["evidence"] = ev_files[0]

    def final_status(self, closed: bool, due: date) -> str:
        r = self.rng.random()
        if closed:
            return ("completed" if r < .8 else "in-progress" if r < .92
                    else "withdrawn" if r < .95 else "not-started")
        if due < REFERENCE_TODAY:
            return "completed" if r < .7 else "in-progress"
        return "in-progress" if r < .5 else "not-started"

    def quarterly(self, start: date, end: date, due: date, updates: list[dict],
                  ev_files: list[str]) -> list[dict]:
        """Local commitments report progress every quarter (handbook 6.3.b)."""
        days = {u["date"] for u in updates}
        day = start + timedelta(days=30)
        while day < min(end, REFERENCE_TODAY - timedelta(days=1)):
            if day not in days:
                update = {"date": day, "status": "in-progress", "note": self.w.local(1, 1),
                          "evidence": [ev_files[0]], "next-steps": self.w.local(1, 1)}
                if day > due:
                    update["delay-reason"] = self.w.local(1, 1)
                updates.append(update)
            day += timedelta(days=85)
        ordered = sorted(updates, key=lambda u: u["date"])
        status = "in-progress"
        for update in ordered:       # a quarterly report says what the report before it said,
            if update["date"] in days:   # so the latest one agrees with the milestone (P608)
                status = update["status"]
            elif status != "in-progress":
                update["status"] = status
                if status == "completed":
                    update.pop("delay-reason", None)
        return ordered

    def progress(self, start: date, end: date, due: date, final: str,
                 ev_files: list[str]) -> list[dict]:
        rng, w = self.rng, self.w
        k = rng.randint(2, 4)
        limit = min(end, REFERENCE_TODAY - timedelta(days=1))
        lo = max(start + timedelta(days=14), due - timedelta(days=360))
        hi = min(due + timedelta(days=45), limit)
        if hi <= lo:
            lo, hi = start + timedelta(days=14), limit
        dates = sorted_dates(rng, lo, hi, k)
        updates = []
        for j, d in enumerate(dates):
            last = j == k - 1
            if final == "not-started":
                status = "not-started"
            elif last:
                status = final
            else:
                status = "not-started" if j == 0 and rng.random() < 0.3 else "in-progress"
            # Progress notes are published in the administrative languages (5.1).
            u = {"date": d, "status": status,
                 "note": w.short(1, 1) if rng.random() < 0.15 else
                 w.local(1, 2 if rng.random() < 0.3 else 1)}
            if status != "not-started":
                u["evidence"] = [rng.choice(ev_files) if rng.random() < 0.7 else
                                 {"title": w.phrase([21, 28]), "path": rng.choice(ev_files)}]
            if status not in ("completed", "withdrawn") and d > due:
                u["delay-reason"] = w.local(1, 1)     # 5.2: reasons for any delays
            if last and status != "completed":
                u["next-steps"] = w.local(1, 1)
            updates.append(u)
        return updates

    def apply_defect(self, kind: str, data: dict, plan: dict) -> str:
        rng = self.rng
        ms = data["milestones"]
        if kind == "missing-translation":
            lang = rng.choice(self.langs[1:])
            where = rng.choice(["problem.causes", "description.solution", "milestone.output"])
            if where == "milestone.output":
                m = rng.choice(ms)
                del m["output"][lang]
                return f"milestone {m['number']} output has no '{lang}' text"
            a, b = where.split(".")
            del data[a][b][lang]
            return f"{where} has no '{lang}' text"
        if kind == "bad-date":
            m = rng.choice(ms)
            m["due"] = "Fall 2027"
            return f"milestone {m['number']} due 'Fall 2027'"
        if kind == "unknown-stakeholder":
            bad = rng.choice(["ministry-of-open-affairs", "national-data-agency",
                              "civic-tech-lab", "transparency-watchdog"])
            if rng.random() < 0.5:
                data["lead"] = bad
                return f"lead '{bad}' is not in stakeholders.yaml"
            m = rng.choice(ms)
            m["lead"] = bad
            return f"milestone {m['number']} lead '{bad}' is not in stakeholders.yaml"
        if kind == "vague-output":
            m = rng.choice(ms)
            m["output"] = self.w.phrase([3, 4], "Promote open data")
            return f"milestone {m['number']} output 'Promote open data'"
        if kind == "long-brief-description":
            data["brief-description"]["en"] = (
                "This commitment will open up public information held by ministries and "
                "agencies, publish it as open data on the national portal, train officials "
                "and civil society to use it, and monitor how citizens use the information.")
            return "brief-description (en) is over 200 characters"
        if kind == "missing-evidence-file":
            for m in ms:
                for u in m["progress"]:
                    if "evidence" in u:
                        u["evidence"] = ["evidence/process/missing-minutes.pdf"]
                        return f"milestone {m['number']} cites a file that does not exist"
            data["evidence"].append("evidence/process/missing-minutes.pdf")
            return "commitment evidence cites a file that does not exist"
        if kind == "milestone-after-plan-end":
            m = ms[-1]
            m["due"] = plan["end"] + timedelta(days=rng.randint(30, 200))
            return f"milestone {m['number']} is due after the plan ends ({plan['end']})"
        raise ValueError(kind)

    def write_self_assessment(self, plan: dict, base: str) -> None:
        rng, w = self.rng, self.w
        items = []
        for c in plan["commitments"]:
            done = c["statuses"].count("completed") / len(c["statuses"])
            rating = "green" if done >= .8 else "amber" if done >= .4 else "red"
            items.append({
                "commitment": c["slug"], "rating": rating, "rating-reason": w.line(5, 12),
                "evidence": [c["evidence"]], "reasons": w.line(5, 12),
                "next-steps": w.line(4, 10),
            })
        prepared = min(plan["end"] + timedelta(days=rng.randint(30, 120)),
                       REFERENCE_TODAY - timedelta(days=7))
        self.write_yaml(f"{base}/self-assessment.yaml", "self-assessment", {
            "prepared": prepared, "kind": "end-of-term",
            "introduction": w.text(1, (1, 3)), "process": w.text(1, (1, 3)),
            "irm-recommendations": w.text(1, (1, 2)), "commitments": items,
            "lessons": w.text(1, (1, 3)), "recommendations": w.text(1, (1, 3)),
        })

    def write_sections(self, plan: dict, base: str) -> None:
        rng, w = self.rng, self.w
        heads = {"introduction": [3, 0], "efforts-to-date": [24, 9],
                 "development-process": [11, 30]}
        for section, concepts in heads.items():
            for lang in self.langs:
                title = w.phrase(concepts)[lang]
                sub = w.phrase([29, 21])[lang]
                text = (f"# {title}\n\n{w.prose(lang, rng.randint(1, 2), (2, 4))}\n\n"
                        f"## {sub}\n\n{w.prose(lang, 1, (2, 4))}\n")
                self.write(f"{base}/sections/{section}.{lang}.md", text)


def _generate_member(job: tuple) -> tuple[int, int, list[dict]]:
    spec, args, out = job
    m = Member(spec, args, Path(out))
    m.generate()
    return m.files, m.bytes, m.defects


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", default=str(Path(__file__).resolve().parent / "corpus"))
    p.add_argument("--members", type=int, default=80)
    p.add_argument("--plans", type=int, default=6)
    p.add_argument("--commitments", type=int, default=15)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="worker processes (the output does not depend on it)")
    p.add_argument("--quiet", action="store_true")
    args = p.parse_args(argv)
    if args.members < 1 or args.plans < 1 or args.commitments < 1:
        p.error("--members, --plans and --commitments must be at least 1")
    if args.commitments > 99:
        p.error("--commitments is at most 99 (file names are NN-slug.yaml)")

    t0 = time.perf_counter()
    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        if not (out / MANIFEST).exists():
            p.error(f"{out} exists, is not empty and was not written by this script; "
                    "refusing to replace it")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)

    specs = plan_members(args.seed, args.members)
    jobs = [(spec, args, str(out)) for spec in specs]
    if args.jobs > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=min(args.jobs, len(jobs))) as pool:
            results = list(pool.map(_generate_member, jobs, chunksize=1))
    else:
        results = [_generate_member(job) for job in jobs]

    files = sum(r[0] for r in results)
    size = sum(r[1] for r in results)
    defects = [d for r in results for d in r[2]]
    commitments = args.members * args.plans * args.commitments
    manifest = {
        "generator": "benchmarks/generate.py",
        "arguments": {"members": args.members, "plans": args.plans,
                      "commitments": args.commitments, "seed": args.seed},
        "today": REFERENCE_TODAY.isoformat(),
        "members": [{"slug": s["slug"], "iso-code": s["iso"],
                     "languages": ["en"] + s["admin"]} for s in specs],
        "commitment-files": commitments,
        "record-files": files,
        "record-bytes": size,
        "defects": defects,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                encoding="utf-8")
    elapsed = time.perf_counter() - t0
    if not args.quiet:
        print(f"{args.members} members, {commitments} commitment files, "
              f"{len(defects)} with a planted defect (listed in {out / MANIFEST})")
        print(f"{files} files, {size / 1e6:.1f} MB ({size:,} bytes) written to {out} "
              f"in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
