"""Fuzz target for ``quoteattr.extract``: any input must finish, never raise, and keep every offset exact.

With atheris (``pip install atheris``; coverage-guided, libFuzzer flags pass through)::

    python fuzz/fuzz_extract.py fuzz/corpus -max_total_time=600 -timeout=20 -rss_limit_mb=4096

Without atheris, a hypothesis-driven loop over the same checks (``--minutes`` or ``--runs``)::

    python fuzz/fuzz_extract.py --hypothesis --minutes 10

Bytes become text three ways (the first byte chooses): as UTF-16 with lone surrogates allowed (any code
point at all), as UTF-8 with replacement characters (what libFuzzer's dictionary mutates best), or as a
sequence of pieces from the lexicons and the hostile-character tables of ``tests/text_strategies.py``,
so the attribution rules fire. Each input goes through ``extract`` and each stage alone, and every
result is checked by ``tests/invariants.py``. A failed check is a crash; an input slower than
``-timeout`` seconds is reported as a hang. See docs/fuzzing.md.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "tests")]  # this checkout, whatever copy pip installed


def _vocabulary() -> tuple[str, ...]:
    import text_strategies as ts

    tables = (ts.CUE_FORMS, ts.NAMES, ts.NEWS_WORDS, ts.QUOTE_MARKS, ts.PUNCTUATION, ts.WHITESPACE, ts.NASTY)
    extra = ("according to", "that", ", ", ". ", " said.", '"', "\n\n", *ts.PRONOUNS, *ts.ROLES)
    return tuple(dict.fromkeys(word for table in (*tables, extra) for word in table))


def text_from_bytes(data: bytes, vocabulary: tuple[str, ...]) -> str:
    """Deterministic bytes → text; see the module docstring for the three modes."""
    if not data:
        return ""
    mode, rest = data[0] % 3, data[1:]
    if mode == 0:
        return rest[: len(rest) // 2 * 2].decode("utf-16-le", "surrogatepass")
    if mode == 1:
        return rest.decode("utf-8", "replace")
    n = len(vocabulary)
    picks = (int.from_bytes(rest[i : i + 2], "little") % n for i in range(0, len(rest) - 1, 2))
    return "".join(vocabulary[k] for k in picks)


def check_text(text: str) -> None:
    """Everything the fuzzer asserts about one input."""
    from invariants import check_quote_spans, check_result, check_sentences, check_tokens
    from text_strategies import QUOTE_MARKS

    from quoteattr import extract, split_sentences
    from quoteattr.quotemarks import find_quotes
    from quoteattr.tokens import tokenize

    check_result(text, extract(text))
    check_sentences(text, split_sentences(text))
    check_quote_spans(text, find_quotes(text), QUOTE_MARKS)
    check_tokens(text, tokenize(text))


def _dictionary_file(vocabulary: tuple[str, ...]) -> str:
    """A libFuzzer dictionary of the vocabulary, written to a temporary file."""
    lines = []
    for word in vocabulary:
        raw = word.encode("utf-8", "surrogatepass")
        escaped = "".join(chr(b) if 32 <= b < 127 and b not in b'"\\' else f"\\x{b:02x}" for b in raw)
        lines.append(f'"{escaped}"')
    fh = tempfile.NamedTemporaryFile("w", suffix=".dict", delete=False, encoding="ascii")  # noqa: SIM115
    fh.write("\n".join(lines) + "\n")
    fh.close()
    return fh.name


def run_atheris(argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports():
        import quoteattr
        import quoteattr.attribution
        import quoteattr.chunking
        import quoteattr.coref
        import quoteattr.quotemarks
        import quoteattr.segment
        import quoteattr.speakers
        import quoteattr.tokens  # noqa: F401
    vocabulary = _vocabulary()

    def test_one_input(data: bytes) -> None:
        check_text(text_from_bytes(data, vocabulary))

    if not any(a.startswith("-dict=") for a in argv):
        argv = [*argv, f"-dict={_dictionary_file(vocabulary)}"]
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


def run_hypothesis(minutes: float, runs: int) -> int:
    """Without atheris: hypothesis draws hostile text (and raw bytes) until the time or the runs run out."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from text_strategies import any_text

    vocabulary = _vocabulary()
    deadline = time.monotonic() + 60 * minutes
    count = 0

    @settings(max_examples=runs, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(any_text, st.binary(max_size=2048).map(lambda b: text_from_bytes(b, vocabulary))))
    def loop(text: str) -> None:
        nonlocal count
        if time.monotonic() > deadline:
            return
        count += 1
        check_text(text)

    loop()
    print(f"fuzz_extract: {count:,} inputs checked, no failure")
    return count


def main() -> None:
    args = sys.argv[1:]
    if "--hypothesis" in args:
        minutes = float(args[args.index("--minutes") + 1]) if "--minutes" in args else 10.0
        runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 10**9
        run_hypothesis(minutes, runs)
        return
    try:
        import atheris  # noqa: F401
    except ImportError:
        sys.exit("atheris is not installed (pip install atheris); run with --hypothesis instead")
    run_atheris([sys.argv[0], *args])


if __name__ == "__main__":
    main()
