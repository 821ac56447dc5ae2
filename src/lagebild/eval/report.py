"""`lagebild eval report`: run every gold set found and write docs/QUALITY.md.

The report is generated, never edited: each number comes from this run, on this commit, next to
a trivial baseline measured on the same data and the published figure the gold data's README
names as the state of the art. Peers that run here (HeidelTime for time, natasha for Russian
NER) are measured in the same run on the same documents.
"""

from __future__ import annotations

import json
import platform
import subprocess
import tempfile
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lagebild.eval.data import EvalDataError
from lagebild.eval.metrics import classification_report, multilabel_report

REPO = Path(__file__).resolve().parents[3]

# Published anchors, as the gold data's README states them.
ANCHOR_CASE = "83.9 weighted F1, 25 ACLED types (best CASE 2021 Task 2 system, supervised RoBERTa)"
ANCHOR_GEO_EXACT = "79–93% (Mordecai3, gold spans)"
ANCHOR_GEO_161 = "83–98% (Mordecai3, gold spans)"
ANCHOR_GEO_P = "≈75 precision (Mordecai3's spaCy detector)"
ANCHOR_TIME = "≈0.78 value F1 (HeidelTime, TempEval-3)"


def default_eval_dir() -> Path | None:
    """../shared/eval beside the repository (or beside the working directory)."""
    for base in (REPO, Path.cwd()):
        candidate = base.parent / "shared" / "eval"
        if candidate.is_dir():
            return candidate
    return None


def family_of(path: Path) -> str:
    """Which family a gold file belongs to, from the fields of its first record."""
    with path.open(encoding="utf-8") as fh:
        first = next((line for line in fh if line.strip()), "")
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        raise EvalDataError(f"{path}: not JSONL") from None
    if "gold_toponyms" in record:
        return "geo"
    if "gold_timexes" in record:
        return "time"
    if "gold_cluster" in record:
        return "merge"
    if "gold_entities" in record or "gold_tags_outer" in record:
        return "ner"
    from lagebild.eval.events import detect_scheme

    detect_scheme(record)  # raises when it is none of the event schemes
    return "events"


@dataclass
class Section:
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"## {self.title}", ""]
        if self.rows:
            lines.append("| " + " | ".join(self.columns) + " |")
            lines.append("|" + "|".join("---" for _ in self.columns) + "|")
            lines += ["| " + " | ".join(row) + " |" for row in self.rows]
            lines.append("")
        lines += [f"- {note}" for note in self.notes]
        return "\n".join(lines).rstrip() + "\n"


def _f(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) <= 1 else f"{value:,.1f}"
    return str(value)


def _name(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else path.name


# --- events -------------------------------------------------------------------------------------


def _event_rows(name: str, path: Path, res: dict[str, Any], limit: int | None) -> list[tuple[str, ...]]:
    from lagebild.eval.data import read_jsonl
    from lagebild.eval.events import detect_scheme

    records = read_jsonl(path, limit)
    scheme = detect_scheme(records[0])
    rows: list[tuple[str, ...]] = []
    if scheme in ("case", "plover"):
        key = "gold_event_subtype" if scheme == "case" else "gold_event"
        gold = [str(r[key]) for r in records]
        base = _majority(gold)
        if scheme == "case":
            acled = [r for r in records if r.get("gold_acled_event_type")]
            bases = {
                "acled_subtype": base,
                "acled_subtype_acled_only": _majority([str(r[key]) for r in acled]),
                "acled_type": _majority([str(r["gold_acled_event_type"]) for r in acled]),
            }
            for group in ("acled_subtype", "acled_subtype_acled_only", "acled_type"):
                for metric in ("micro_f1", "macro_f1", "weighted_f1"):
                    anchor = (
                        ANCHOR_CASE if (group, metric) == ("acled_subtype_acled_only", "weighted_f1") else ""
                    )
                    baseline = _f(bases[group][metric]) if bases[group] else "–"
                    rows.append((name, f"{group} {metric}", _f(res[group][metric]), baseline, anchor))
        else:
            for metric in ("micro_f1", "macro_f1", "weighted_f1"):
                rows.append((name, f"PLOVER type {metric}", _f(res[metric]), _f(base[metric]), ""))
        return rows
    # binary / multi-label: the baseline says yes to every record (recall 1, precision = prevalence)
    for label, scores in sorted(res["labels"].items()):
        support = scores.get("support", 0)
        n = _asked_count(records, label) if scheme == "yesno" else res["n"]
        base = multilabel_report([{label}] * support + [set()] * (n - support), [{label}] * n, [label])[label]
        rows.append(
            (
                name,
                f"{label} P / R / F1 (support {support})",
                f"{_f(scores['precision'])} / {_f(scores['recall'])} / {_f(scores['f1'])}",
                f"F1 {_f(base['f1'])}",
                "",
            )
        )
    return rows


def _majority(gold: list[str]) -> dict[str, Any] | None:
    """Scores of always answering the most frequent gold label (a floor any classifier must beat)."""
    if not gold:
        return None
    majority = Counter(gold).most_common(1)[0][0]
    return classification_report(gold, [majority] * len(gold))


def _asked_count(records: list[dict], label: str) -> int:
    from lagebild.eval.events import _plover_gold

    return sum(
        1
        for r in records
        if r.get("gold_is_event") is not None and _plover_gold(str(r["event_type_asked"])) == label
    )


# --- report -------------------------------------------------------------------------------------


def _where(eval_dir: Path) -> str:
    """How the report names the gold folder: relative to the repository, never a machine path."""
    default = default_eval_dir()
    if default is not None and eval_dir.resolve() == default.resolve():
        return "../shared/eval"
    return eval_dir.name


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10
        )
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _guard(section: Section, name: str, fn: Callable[[], None]) -> None:
    """Run one set; a failing system becomes a note in the report, not a crash of the whole run."""
    try:
        fn()
    except ImportError as exc:
        section.notes.append(f"{name}: not run, the system is not available ({exc})")
    except Exception as exc:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        section.notes.append(
            f"{name}: failed with {type(exc).__name__}: {exc} (at {Path(last.filename).name}:{last.lineno})"
        )


def build_report(
    eval_dir: Path,
    limit: int | None = None,
    peers: bool = True,
    log: Callable[[str], None] = lambda message: None,
) -> str:
    """Markdown of the quality report over every gold file under `eval_dir`."""
    from lagebild.eval.data import read_jsonl
    from lagebild.eval.events import evaluate_events
    from lagebild.eval.geo import evaluate_geo
    from lagebild.eval.merge import evaluate_merge
    from lagebild.eval.timex import evaluate_time

    files: dict[str, list[Path]] = {}
    skipped: list[str] = []
    for path in sorted(eval_dir.rglob("*.jsonl")):
        try:
            files.setdefault(family_of(path), []).append(path)
        except EvalDataError as exc:
            skipped.append(f"{_name(path, eval_dir)}: {exc}")

    speed = Section("Speed", ("dataset", "system", "documents/s"))
    ev = Section("Events", ("dataset", "metric", "lagebild", "baseline", "published anchor"))
    ev.notes.append(
        "Baselines: majority class (CASE, PLOVER); 'yes' to every record (binary and multi-label sets)."
    )
    ev.notes.append(
        "How our PLOVER events answer each scheme (src/lagebild/eval/events.py): CASE = the ACLED "
        "sub-event type of the main event (most confident asserted one, else most confident of any "
        "modality) as a CASE code; non-ACLED PLOVER types -> DIPLO, ACCUSE -> ATTRIB; ORG_CRIME and "
        "the two disaster classes are never predicted. PLOVER gold in older names (DEMAND, FIGHT, ...) "
        "is compared in current names. Yes/no and protest sets: any asserted event of the type asked. "
        "Police actions: COERCE/arrest -> ARREST; police (sector COP) ASSAULT -> FORCE, lethal modes "
        "also KILL; COERCE/disperse -> FORCE; any of them -> ANY_ACTION; a negated police action -> FAIL."
    )
    for path in files.get("events", []):
        name = _name(path, eval_dir)

        def run_events(path: Path = path, name: str = name) -> None:
            log(f"events: {name}")
            res = evaluate_events(path, limit)
            ev.rows.extend(_event_rows(name, path, res, limit))
            ev.rows.append((name, "records without any event", str(res["no_event"]), "", ""))
            speed.rows.append((name, "lagebild events", _rate(res["docs_per_s"])))

        _guard(ev, name, run_events)

    geo = Section("Geoparsing", ("dataset", "metric", "lagebild", "population baseline", "published anchor"))
    geo.notes.append(
        "Recognition by exact span (and overlap); resolution as in Gritta et al.: acc@161 km, "
        "mean/median error, AUC of log errors (lower is better), exact GeoNames id. "
        "The baseline picks the most populous gazetteer entry of the gold span's name."
    )
    for path in files.get("geo", []):
        name = _name(path, eval_dir)

        def run_geo(path: Path = path, name: str = name) -> None:
            log(f"geo: {name}")
            res = evaluate_geo(path, limit)
            rec, ovl = res["recognition"], res["recognition_overlap"]
            g, e, b = res["resolution_gold"], res["resolution_e2e"], res["baseline_population"]
            geo.rows += [
                (name, "recognition P / R / F1 (exact)", _prf(rec), "–", ANCHOR_GEO_P),
                (name, "recognition P / R / F1 (overlap)", _prf(ovl), "–", ""),
                (
                    name,
                    "recognition P / R / F1 (exact, demonyms left out)",
                    _prf(res["recognition_places_only"]),
                    "–",
                    "",
                ),
                (name, "gold spans: acc@161", _f(g["acc161"]), _f(b["acc161"]), ANCHOR_GEO_161),
                (
                    name,
                    "gold spans: exact GeoNames id",
                    _f(g["exact_id"]),
                    _f(b["exact_id"]),
                    ANCHOR_GEO_EXACT,
                ),
                (name, "gold spans: mean / median km", _km(g), _km(b), ""),
                (name, "gold spans: AUC", _f(g["auc"]), _f(b["auc"]), ""),
                (name, f"end to end: acc@161 (n={e['n']})", _f(e["acc161"]), "–", ""),
                (name, "end to end: mean / median km", _km(e), "–", ""),
            ]
            if res.get("recall_by_type"):
                cell = ", ".join(
                    f"{t} {v['recall']:.2f} ({v['n']})" for t, v in res["recall_by_type"].items()
                )
                geo.rows.append((name, "recognition recall by gold type (n)", cell, "–", ""))
            speed.rows.append((name, "lagebild geoparse", _rate(res["docs_per_s"])))

        _guard(geo, name, run_geo)

    tm = Section(
        "Time expressions", ("dataset", "metric", "lagebild", "HeidelTime (same run)", "published anchor")
    )
    tm.notes.append(
        "TempEval-3 scoring: strict and relaxed (overlap) extent F1, value accuracy on relaxed "
        "matches, value F1 = relaxed F1 × value accuracy."
    )
    heidel = _heideltime(tm) if peers else None
    try:
        for path in files.get("time", []):
            name = _name(path, eval_dir)

            def run_time(path: Path = path, name: str = name) -> None:
                log(f"time: {name}")
                res = evaluate_time(path, limit)
                peer = None
                if heidel is not None:
                    log(f"time (HeidelTime): {name}")
                    narrative = "wikiwars" in name.lower() or "narrative" in name.lower()
                    first = read_jsonl(path, 1)[0]
                    # start its JVM before the clock runs: documents/s is the warm rate
                    heidel.tag(
                        "1 January 2000.", first.get("lang") or "en", first.get("dct"), narrative=narrative
                    )
                    peer = evaluate_time(
                        path, limit, tagger=lambda t, lang, dct: heidel.tag(t, lang, dct, narrative=narrative)
                    )
                for key, label in (
                    ("extent_strict", "extent F1 strict"),
                    ("extent_relaxed", "extent F1 relaxed"),
                    ("value_accuracy", "value accuracy"),
                    ("value_f1", "value F1"),
                ):
                    ours = res[key]["f1"] if isinstance(res[key], dict) else res[key]
                    theirs = (peer[key]["f1"] if isinstance(peer[key], dict) else peer[key]) if peer else None
                    tm.rows.append(
                        (name, label, _f(ours), _f(theirs), ANCHOR_TIME if key == "value_f1" else "")
                    )
                speed.rows.append((name, "lagebild time", _rate(res["docs_per_s"])))
                if peer:
                    speed.rows.append(
                        (name, "HeidelTime (TreeTagger, one warm JVM)", _rate(peer["docs_per_s"]))
                    )

            _guard(tm, name, run_time)
    finally:
        if heidel is not None:
            heidel.close()

    ner = Section("Named entities", ("dataset", "metric", "lagebild", "peer (same run)", "published anchor"))
    ner.notes.append("CoNLL-style entity-level scores: exact span and type.")
    for path in files.get("ner", []):
        name = _name(path, eval_dir)

        def run_ner(path: Path = path, name: str = name) -> None:
            from lagebild.eval.ner import evaluate_ner

            log(f"ner: {name}")
            res = evaluate_ner(path, limit)
            peer = None
            if peers and res.get("lang") == "ru":
                log(f"ner (natasha): {name}")
                try:
                    peer = evaluate_ner(path, limit, system="natasha")
                except (ImportError, EvalDataError) as exc:
                    ner.notes.append(f"{name}: natasha peer not run ({exc})")
            ner.rows.extend(_ner_rows(name, res, peer))
            speed.rows.append((name, "lagebild ner (actors + places)", _rate(res.get("docs_per_s"))))
            if peer:
                speed.rows.append((name, "natasha", _rate(peer.get("docs_per_s"))))

        _guard(ner, name, run_ner)

    mg = Section(
        "Event merging", ("dataset", "metric", "lagebild", "singletons baseline", "published anchor")
    )
    mg.notes.append(
        "Every article ingested into one store through the real merge (lagebild.merge); an article "
        "belongs to the stored event of its main event. Scored against the gold incidents beside every "
        "article alone; errors of the merged event's date and place against the incident's."
    )
    for path in files.get("merge", []):
        name = _name(path, eval_dir)

        def run_merge(path: Path = path, name: str = name) -> None:
            from lagebild.eval.data import read_jsonl
            from lagebild.eval.metrics import bcubed, pairwise

            log(f"merge: {name}")
            res = evaluate_merge(path, limit)
            gold = {str(r["id"]): r["gold_cluster"] for r in read_jsonl(path, limit)}
            alone = {k: k for k in gold}
            b3, pw = bcubed(gold, alone), pairwise(gold, alone)
            mg.rows += [
                (name, f"merge step: {res['merge']}", "", "", ""),
                (name, "B-cubed P / R / F1", _prf(res["bcubed"]), _prf(b3), ""),
                (name, "pairwise P / R / F1", _prf(res["pairwise"]), _prf(pw), ""),
                (name, "articles without an event", str(res["no_event"]), "", ""),
                (name, "date error, days (median / mean)", _mm(res["date_error_days"]), "", ""),
                (name, "location error, km (median / mean)", _mm(res["location_error_km"]), "", ""),
            ]
            speed.rows.append((name, "lagebild extract + merge", _rate(res["docs_per_s"])))

        _guard(mg, name, run_merge)

    head = [
        "# Quality",
        "",
        f"Generated by `lagebild eval report` on {datetime.now(UTC).strftime('%Y-%m-%d %H:%M')} UTC "
        f"at commit `{_commit()}` (Python {platform.python_version()}). Do not edit by hand: rerun "
        "`make eval`.",
        "",
        f"Gold data: the sets in `{_where(eval_dir)}` (its README describes formats and metrics). "
        "Held-out sets in the same formats exist; numbers here are not tuned on them"
        + (f". Each set was cut to its first {limit} records." if limit else "."),
        "",
    ]
    body = [s.markdown() for s in (ev, geo, tm, ner, mg, speed)]
    tail = []
    if skipped:
        tail = ["## Files not scored", "", *[f"- {s}" for s in skipped], ""]
    text = "\n".join(head) + "\n" + "\n".join(body) + ("\n" + "\n".join(tail) if tail else "")
    # error notes may quote file paths: the report names folders relative to the repo only
    for folder, label in ((eval_dir.resolve(), _where(eval_dir)), (eval_dir, _where(eval_dir)), (REPO, ".")):
        text = text.replace(str(folder), label)
    return text


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:,.1f}"


def _prf(d: dict[str, Any]) -> str:
    return f"{_f(d['precision'])} / {_f(d['recall'])} / {_f(d['f1'])}"


def _km(d: dict[str, Any]) -> str:
    return f"{d['mean_km']:,.0f} / {d['median_km']:,.0f}" if d.get("n") else "–"


def _mm(d: dict[str, Any]) -> str:
    return f"{_f(d['median'])} / {_f(d['mean'])} (n={d['n']})" if d.get("n") else "–"


def _ner_rows(name: str, res: dict[str, Any], peer: dict[str, Any] | None) -> list[tuple[str, ...]]:
    """Rows from lagebild.eval.ner's results (`overall`, `per_type`) for us and the peer."""
    rows: list[tuple[str, ...]] = []
    label = peer.get("system", "peer") if peer else ""
    if res.get("overall"):
        theirs = f"{label}: {_prf(peer['overall'])}" if peer and peer.get("overall") else "–"
        rows.append((name, "overall P / R / F1", _prf(res["overall"]), theirs, ""))
    peer_types = (peer or {}).get("per_type") or {}
    for typ, scores in sorted((res.get("per_type") or {}).items()):
        if isinstance(scores, dict) and "f1" in scores:
            other = peer_types.get(typ)
            support = scores.get("support")
            rows.append(
                (
                    name,
                    f"{typ} F1" + (f" (support {support})" if support is not None else ""),
                    _f(scores["f1"]),
                    _f(other["f1"]) if other else "–",
                    "",
                )
            )
    return rows


def _heideltime(section: Section) -> Any:
    from lagebild.eval import heideltime

    reason = heideltime.available()
    if reason:
        section.notes.append(f"HeidelTime peer skipped: {reason}.")
        return None
    try:
        from lagebild.config import cache_dir

        return heideltime.HeidelTime(cache_dir() / "heideltime")
    except Exception as exc:
        section.notes.append(f"HeidelTime peer skipped: it did not start ({exc}).")
        return None


def write_report(
    eval_dir: Path,
    out: Path,
    limit: int | None = None,
    peers: bool = True,
    log: Callable[[str], None] | None = None,
) -> None:
    if log is None:
        from rich.console import Console

        console = Console(stderr=True)

        def log(message: str) -> None:
            console.print(f"[dim]{message}[/]", highlight=False)

    text = build_report(eval_dir, limit=limit, peers=peers, log=log)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=out.parent, delete=False, suffix=".tmp"
    ) as fh:
        fh.write(text)
    Path(fh.name).replace(out)
