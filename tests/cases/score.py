"""Print the pass rate of ``attribution.jsonl`` per pattern, to see which rules need work.

Usage::

    python tests/cases/score.py            # one line per pattern, worst first
    python tests/cases/score.py -v         # also the problems of every failing case
    python tests/cases/score.py -p nested  # only patterns whose name contains "nested"

It reuses the loader and checker of ``tests/test_cases.py``, so the score and the tests agree.
Exit status is 0 unless ``--strict`` is given and some case fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

_TEST_MODULE = Path(__file__).resolve().parents[1] / "test_cases.py"


def _load_checker() -> ModuleType:
    """Import ``tests/test_cases.py`` by path (``tests/`` is not a package)."""
    spec = importlib.util.spec_from_file_location("_attribution_cases", _TEST_MODULE)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {_TEST_MODULE}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print the problems of failing cases")
    parser.add_argument("-p", "--pattern", default="", help="only patterns whose name contains this")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any case fails")
    args = parser.parse_args(argv)

    checker = _load_checker()
    from quoteattr import extract

    passed: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    reports = []
    for case in checker.CASES:
        if args.pattern not in case.pattern:
            continue
        total[case.pattern] += 1
        try:
            predicted = extract(case.text).quotes
            problems = checker.check_prediction(case, predicted)
        except Exception as e:  # a crash is one more failing case, not the end of the report
            predicted, problems = (), [f"raised {type(e).__name__}: {e}"]
        if problems:
            reports.append(checker.format_problems(case, problems, predicted))
        else:
            passed[case.pattern] += 1

    if args.verbose and reports:
        print("\n\n".join(reports), end="\n\n")
    width = max((len(p) for p in total), default=7)
    for pattern in sorted(total, key=lambda p: (passed[p] / total[p], p)):
        rate = passed[pattern] / total[pattern]
        print(f"{pattern:<{width}}  {passed[pattern]:>3}/{total[pattern]:<3}  {rate:6.1%}")
    all_passed, all_total = sum(passed.values()), sum(total.values())
    if all_total:
        print(f"{'total':<{width}}  {all_passed:>3}/{all_total:<3}  {all_passed / all_total:6.1%}")
    return 1 if args.strict and all_passed < all_total else 0


if __name__ == "__main__":
    sys.exit(main())
