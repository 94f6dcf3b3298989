"""The frames that read a whole unit, not a cue: a quotation signed with a dash ("“…” ― Pamela Ortiz")
and a headline's colon ("Ruiz: We will not back down"). These rows open the one surface table,
:data:`quoteattr.frames.FRAMES`, in this order.
"""

from __future__ import annotations

import functools

import regex

from .language import Language
from .lexicons import has_file, word_list
from .model import Mention
from .quotemarks import QuoteSpan
from .readings import Content, Reading
from .records import Frame
from .sites import Site

__all__ = ["UNIT_FRAME", "UNIT_FRAMES", "dash_signature"]


# (?<!…): starts only where a space run starts (always so after a closing mark), so a search never rescans one
# run from each of its spaces (issue 6).
#: A dash and a name right after a closing quote mark: "“…” ― Pamela Ortiz".
_DASH_SIGNATURE = regex.compile(
    r"(?<![^\S\n])[^\S\n]*+[―—–][^\S\n]*+(\p{Lu}[\p{L}\p{M}'’.\-]*+(?:[ ]\p{Lu}[\p{L}\p{M}'’.\-]*+){0,4}+)"
)


def dash_signature(text: str, q: QuoteSpan, openers: str = "") -> Mention | None:
    """The name that signs quotation ``q`` with a dash, if any.

    A signature stands alone: the line ends after it, or a comma ("― Paul Greer, Northfield") or the
    next quotation (one of ``openers``) follows. "»…« – Da begrüßte ihn …" is narration after a dash.
    """
    m = _DASH_SIGNATURE.match(text, q.outer_end)
    if m is None or q.close is None:
        return None
    rest = text[m.end(1) : m.end(1) + 40].lstrip(" .\xa0\t")
    if rest and rest[0] not in "\n\r," and rest[0] not in openers:
        return None
    start, end = m.start(1), m.end(1)
    while end > start and text[end - 1] == ".":
        end -= 1
    return Mention(start, end, text[start:end], kind="name")


def read_dash(site: Site) -> Reading | None:
    """ "“…” ― Pamela Ortiz": quotations signed with a dash and a name (letters, epigraphs)."""
    v = site.view
    contents = []
    for i, it in enumerate(v.items):
        if it.quote is not None:
            signer = dash_signature(v.text, it.quote, v.lang.quote_marks.opening_chars)
            if signer is not None:
                contents.append(Content(i, i + 1, None, signer, UNIT_FRAME["dash-signed"], bonus=0.0))
    return Reading(0, tuple(contents)) if contents else None


#: Editors' labels before a colon that name no speaker ("Correction: …"); a language may have none.
EDITORIAL_LABELS_FILE = "editorial_labels.txt"


@functools.lru_cache(maxsize=16)
def editorial_labels(lang: Language) -> frozenset[str]:
    """The language's editorial labels, as the tokeniser's lower-case words joined by spaces."""
    if not has_file(EDITORIAL_LABELS_FILE, lang.code):
        return frozenset()
    return frozenset(" ".join(line.split()) for line in word_list(EDITORIAL_LABELS_FILE, lang.code))


def read_headline(site: Site) -> Reading | None:
    """ "Poll: Voters Abandon Party" / "Ruiz: We will not back down": a headline's speaker, when no
    cue stands before its colon and it is no editor's label ("Correction: …")."""
    v = site.view
    colon = v.headline_colon()
    if colon is None or any(h.first < colon for h in site.ctx.hits):
        return None
    if " ".join(it.lower for it in v.items[:colon]) in editorial_labels(v.lang):
        return None
    speaker = v.mention(0, colon)
    return Reading(v.end, (Content(colon + 1, v.end, None, speaker, UNIT_FRAME["headline-colon"]),), speaker)


UNIT_FRAMES: tuple[Frame, ...] = (
    Frame("dash-signed", "dash-signed", 0.8, '"We stay." ― Pamela Ortiz', read_dash, "unit"),
    Frame("headline-colon", "headline-colon", 0.6, "Ruiz: We will not back down", read_headline, "unit"),
)
#: The unit frames by name.
UNIT_FRAME: dict[str, Frame] = {f.name: f for f in UNIT_FRAMES}
