"""Share of named speaker entities that are no names: they start with a function word, a month, a day or -ing.

Why: a sentence-initial phrase taken for a person ("On Oct", "Asked what he", "After Ruiz",
"Although") is a wrong entity even when the quote's span is right, and speaker accuracy
hides it when the gold speaker is elsewhere. Issue 12 asks for at most 1%. The word lists
below are the measuring stick, kept apart from the library's lexicons on purpose, so a
lexicon change cannot move the stick.

    PYTHONPATH=. python eval/bad_names.py [FILE.jsonl ...] [--show N]

Defaults to ``../shared/data/polnear_dev.jsonl``. The data is licensed: read at run time, never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from quoteattr import extract  # noqa: E402

DEFAULT = REPO.parent / "shared" / "data" / "polnear_dev.jsonl"

#: Words that never open a person's or organisation's name ("The" does: "The Times").
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "after",
        "although",
        "and",
        "as",
        "asked",
        "at",
        "because",
        "before",
        "but",
        "by",
        "despite",
        "during",
        "for",
        "from",
        "he",
        "her",
        "his",
        "however",
        "if",
        "in",
        "into",
        "it",
        "its",
        "many",
        "meanwhile",
        "more",
        "most",
        "much",
        "my",
        "nor",
        "of",
        "on",
        "once",
        "one",
        "or",
        "our",
        "over",
        "she",
        "since",
        "so",
        "some",
        "such",
        "than",
        "that",
        "their",
        "there",
        "these",
        "they",
        "this",
        "those",
        "though",
        "through",
        "to",
        "under",
        "unlike",
        "until",
        "we",
        "what",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "why",
        "with",
        "within",
        "without",
        "yet",
        "you",
        "according",
        "also",
        "even",
        "earlier",
        "later",
        "last",
        "next",
        "both",
        "each",
        "every",
        "all",
        "another",
        "other",
        "several",
        "few",
    ]
)
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def is_bad(name: str) -> bool:
    """True when the first word of ``name`` marks it as no name."""
    first = name.split()[0].strip(".,;:'’\"").lower() if name.split() else ""
    if first in FUNCTION_WORDS or first in MONTHS or first in DAYS:
        return True
    return len(first) > 5 and first.endswith("ing")


def named(name: str) -> bool:
    """A named entity: capitalised, not a description ("the spokeswoman") or a bare pronoun."""
    return bool(name) and name[0].isupper() and not name.lower().startswith("the ")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=[DEFAULT])
    ap.add_argument("--show", type=int, default=20, help="print the N most common bad names")
    args = ap.parse_args(argv)
    total = 0
    bad: Counter[str] = Counter()
    for path in args.files:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                doc = json.loads(line)
                for q in extract(doc["text"]).quotes:
                    if q.entity is None or not q.entity.resolved or not named(q.entity.name):
                        continue
                    total += 1
                    if is_bad(q.entity.name):
                        bad[q.entity.name] += 1
    n_bad = sum(bad.values())
    share = n_bad / total if total else 0.0
    print(f"named entities: {total}  not names: {n_bad}  share: {share:.3f}")
    for name, n in bad.most_common(args.show):
        print(f"  {n:4d}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
