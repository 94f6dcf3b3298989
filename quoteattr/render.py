"""Render results as a self-contained HTML page: the text with every quote, cue and speaker marked.

The page needs nothing from the network (inline CSS, no fonts, no scripts, and a
Content-Security-Policy that forbids loading anything), so it can be mailed or
archived as one file. All text from the input — the article, names, evidence —
is HTML-escaped; the only markup is the markup built here.

Quotes nest (a reported clause inside a direct quote) and a speaker mention may
sit inside another quote, so spans may overlap arbitrarily. The markup is built
from sorted boundary events: at every offset we close and reopen elements as
needed so the output is always well-formed and its text content is exactly the
input text. Nothing is done by string replacement.

>>> from quoteattr.model import Cue, Mention, Quote, Result
>>> text = 'Kim said "no <b>".'
>>> q = Quote(10, 16, text[10:16], cue=Cue(4, 8, "said"), speaker=Mention(0, 3, "Kim"))
>>> page = render_html(Result(text, quotes=(q,)))
>>> "&lt;b&gt;" in page and "<b>" not in page
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from io import StringIO
from typing import TextIO

import attrs

from quoteattr.model import Entity, Result

#: Entity colours, chosen to stay distinguishable as light backgrounds and as text underlines.
#: Entities get them in order of first appearance; after the last one the palette repeats.
PALETTE: tuple[str, ...] = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#e377c2",
    "#8c564b",
    "#bcbd22",
    "#393b79",
    "#637939",
    "#ad494a",
)
_NO_ENTITY = "#7f7f7f"

# Rank breaks ties between spans with identical boundaries: lower ranks are opened first (outside).
_RANK_QUOTE = 0
_RANK_MENTION = 1
_RANK_SPEAKER = 2
_RANK_CUE = 3


@attrs.frozen
class _Mark:
    """One element to wrap around ``text[start:end]``; ``first_attrs`` only go on its first fragment."""

    start: int
    end: int
    rank: int
    order: int
    tag_open: str
    first_attrs: str = ""

    def open(self, first: bool) -> str:
        if first and self.first_attrs:
            return self.tag_open[:-1] + self.first_attrs + ">"
        return self.tag_open


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _kind_title(parts: Iterable[tuple[str, str | None]]) -> str:
    return "\n".join(f"{label}: {value}" for label, value in parts if value)


def _entity_colours(result: Result) -> dict[int, int]:
    """Entity id → palette index, by order of first appearance (quotes first, then the entity list)."""
    order: dict[int, int] = {}
    for q in sorted(result.quotes, key=lambda q: q.start):
        if q.entity is not None and q.entity.id not in order:
            order[q.entity.id] = len(order)
    for e in result.entities:
        if e.id not in order:
            order[e.id] = len(order)
    return {eid: n % len(PALETTE) for eid, n in order.items()}


def _legend_entities(result: Result) -> list[Entity]:
    seen: dict[int, Entity] = {e.id: e for e in result.entities}
    for q in result.quotes:
        if q.entity is not None and q.entity.id not in seen:
            seen[q.entity.id] = q.entity
    colours = _entity_colours(result)
    return sorted(seen.values(), key=lambda e: colours.get(e.id, 0))


def _marks(result: Result, colours: dict[int, int]) -> list[_Mark]:
    marks: list[_Mark] = []
    order = 0

    def colour_class(entity: Entity | None) -> str:
        return "cx" if entity is None else f"c{colours[entity.id]}"

    quotes = sorted(result.quotes, key=lambda q: (q.start, -q.end))
    speaker_spans: set[tuple[int, int]] = set()
    for n, q in enumerate(quotes, 1):
        entity_name = q.entity.name if q.entity else None
        title = _kind_title(
            [
                ("quote", f"Q{n}"),
                ("kind", q.kind + (" (unbalanced)" if q.unbalanced else "")),
                ("speaker", q.speaker.text if q.speaker else "unknown"),
                ("entity", entity_name),
                ("cue", q.cue.text if q.cue else None),
                ("confidence", f"{q.confidence:.2f}"),
                ("evidence", q.evidence or None),
            ]
        )
        classes = f"q q-{q.kind} {colour_class(q.entity)}" + (" q-unbalanced" if q.unbalanced else "")
        if q.end > q.start:
            marks.append(
                _Mark(
                    q.start,
                    q.end,
                    _RANK_QUOTE,
                    order,
                    f'<span class="{classes}" data-q="{n}" title="{_attr(title)}">',
                    f' id="q{n}" data-label="Q{n}"',
                )
            )
            order += 1
        if q.cue is not None and q.cue.end > q.cue.start:
            cue_title = _kind_title(
                [("cue", q.cue.text), ("lemma", q.cue.lemma), ("type", q.cue.type), ("for", f"Q{n}")]
            )
            marks.append(
                _Mark(
                    q.cue.start, q.cue.end, _RANK_CUE, order, f'<span class="cue" title="{_attr(cue_title)}">'
                )
            )
            order += 1
        if q.speaker is not None and q.speaker.end > q.speaker.start:
            speaker_spans.add((q.speaker.start, q.speaker.end))
            spk_title = _kind_title(
                [
                    ("speaker", q.speaker.text),
                    ("mention", q.speaker.kind),
                    ("entity", entity_name),
                    ("of", f"Q{n}"),
                ]
            )
            marks.append(
                _Mark(
                    q.speaker.start,
                    q.speaker.end,
                    _RANK_SPEAKER,
                    order,
                    f'<span class="spk {colour_class(q.entity)}" title="{_attr(spk_title)}">',
                )
            )
            order += 1
    # Other mentions of known speakers: a light underline shows the coreference chain.
    for e in result.entities:
        for m in e.mentions:
            if (m.start, m.end) in speaker_spans or m.end <= m.start:
                continue
            m_title = _kind_title([("mention", m.text), ("kind", m.kind), ("entity", e.name)])
            marks.append(
                _Mark(
                    m.start,
                    m.end,
                    _RANK_MENTION,
                    order,
                    f'<span class="men c{colours[e.id]}" title="{_attr(m_title)}">',
                )
            )
            order += 1
    return marks


def _markup(text: str, marks: list[_Mark]) -> Iterator[str]:
    """Yield escaped text interleaved with tags; crossing spans are split so tags always nest."""
    by_start = sorted(marks, key=lambda m: (m.start, -m.end, m.rank, m.order))
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    stack: list[_Mark] = []
    i = 0
    for k, pos in enumerate(bounds):
        nxt = bounds[k + 1] if k + 1 < len(bounds) else None
        ending = [k for k, m in enumerate(stack) if m.end == pos]
        if ending:
            # Close down to the deepest ending element, then reopen the survivors in their old order.
            cut = ending[0]
            popped = stack[cut:]
            del stack[cut:]
            yield "</span>" * len(popped)
            for m in popped:
                if m.end != pos:
                    stack.append(m)
                    yield m.open(first=False)
        while i < len(by_start) and by_start[i].start == pos:
            m = by_start[i]
            i += 1
            stack.append(m)
            yield m.open(first=True)
        if nxt is not None:
            yield html.escape(text[pos:nxt], quote=True)
    yield "</span>" * len(stack)


_CSS_BASE = """
:root { color-scheme: light; }
body { font: 16px/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #1d1d1f; background: #f6f6f3; margin: 0; }
header.top { background: #24292f; color: #fff; padding: 14px 28px; }
header.top h1 { margin: 0; font-size: 20px; font-weight: 600; }
header.top .keys { margin-top: 8px; font-size: 13px; display: flex; flex-wrap: wrap; gap: 14px; }
header.top .keys span.k { background: #fff; color: #1d1d1f; padding: 1px 6px; border-radius: 3px; }
main { max-width: 1080px; margin: 0 auto; padding: 18px 28px 40px; }
section.doc { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 18px 24px;
              margin-bottom: 24px; box-shadow: 0 1px 2px rgba(0,0,0,.05); }
section.doc h2 { margin: 0 0 10px; font-size: 17px; color: #444; font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 13px; margin: 0 0 14px;
          padding: 0 0 12px; border-bottom: 1px solid #eee; list-style: none; }
.legend li { display: flex; align-items: center; gap: 5px; }
.legend .sw { display: inline-block; width: 12px; height: 12px; border-radius: 50%; background: var(--ec); }
.legend .n { color: #777; }
.text { white-space: pre-wrap; overflow-wrap: break-word; font-family: Georgia, "DejaVu Serif", serif;
        font-size: 17px; line-height: 1.9; }
.q { --bg: color-mix(in srgb, var(--ec) 16%, transparent); background: var(--bg);
     border-bottom: 2px solid var(--ec); box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.q-indirect { --bg: color-mix(in srgb, var(--ec) 7%, transparent); border-bottom-style: dashed; }
.q-mixed { border-bottom-style: dotted; border-bottom-width: 3px; }
.q-unbalanced { outline: 1px dashed #c00; }
.q .q { padding-bottom: 3px; }
.q[data-label]::before { content: attr(data-label); font: 600 10px/1 system-ui, "DejaVu Sans", sans-serif;
     color: #fff; background: var(--ec); border-radius: 3px; padding: 1px 3px; margin-right: 2px;
     vertical-align: 3px; }
.cue { font-weight: 700; font-style: italic; color: #000; outline: 1px solid #888; border-radius: 2px;
       background: #fff6c8; }
.spk { color: var(--ec); font-weight: 700; background: color-mix(in srgb, var(--ec) 12%, #fff);
       border-radius: 3px; box-shadow: inset 0 -2px 0 var(--ec); }
.men { box-shadow: inset 0 -2px 0 color-mix(in srgb, var(--ec) 55%, transparent); }
table.quotes { width: 100%; border-collapse: collapse; margin-top: 18px; font-size: 13px; }
table.quotes th, table.quotes td { text-align: left; vertical-align: top; padding: 4px 6px;
                                   border-bottom: 1px solid #eee; }
table.quotes th { color: #555; font-weight: 600; }
table.quotes td.qt { color: #333; }
table.quotes .tag { display: inline-block; border-radius: 3px; padding: 0 5px; color: #fff;
                    background: var(--ec); }
.empty { color: #777; font-style: italic; }
[title] { cursor: help; }
"""


def _css() -> str:
    colours = "".join(f".c{n} {{ --ec: {c}; }}\n" for n, c in enumerate(PALETTE))
    return _CSS_BASE + colours + f".cx {{ --ec: {_NO_ENTITY}; }}\n"


# Nothing may load: no scripts at all, styles only from the inline sheet, no images, fonts or frames.
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _head(title: str) -> str:
    t = html.escape(title, quote=True)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{t}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
        f'<header class="top"><h1>{t}</h1><div class="keys">'
        '<span><span class="k q q-direct cx">direct</span></span>'
        '<span><span class="k q q-indirect cx">indirect</span></span>'
        '<span><span class="k q q-mixed cx">mixed</span></span>'
        '<span><span class="k cue">cue</span></span>'
        '<span><span class="k spk cx">speaker</span></span>'
        '<span><span class="k men cx">other mention</span></span>'
        "<span>hover a mark for details</span></div></header>\n<main>\n"
    )


_TAIL = "</main>\n</body>\n</html>\n"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_section(result: Result, *, doc_id: str | None = None) -> str:
    """One document's ``<section>``: heading, entity legend, marked-up text and a table of quotes."""
    colours = _entity_colours(result)
    counts: dict[int, int] = {}
    for q in result.quotes:
        if q.entity is not None:
            counts[q.entity.id] = counts.get(q.entity.id, 0) + 1
    out = StringIO()
    out.write('<section class="doc">\n')
    if doc_id is not None:
        out.write(f"<h2>{html.escape(doc_id)}</h2>\n")
    out.write('<ul class="legend">')
    entities = _legend_entities(result)
    for e in entities:
        n = counts.get(e.id, 0)
        out.write(
            f'<li class="c{colours[e.id]}"><span class="sw"></span>{html.escape(e.name)}'
            + ("" if e.resolved else ' <span class="n">unresolved</span>')  # "he" with no antecedent
            + f' <span class="n">({n} quote{"" if n == 1 else "s"})</span></li>'
        )
    unattributed = sum(1 for q in result.quotes if q.entity is None)
    if unattributed:
        out.write(
            f'<li class="cx"><span class="sw"></span>no entity <span class="n">({unattributed})</span></li>'
        )
    if not entities and not unattributed:
        out.write('<li class="empty">no quotes found</li>')
    out.write("</ul>\n")
    out.write('<div class="text">')
    out.writelines(_markup(result.text, _marks(result, colours)))
    out.write("</div>\n")
    if result.quotes:
        out.write(
            '<table class="quotes"><thead><tr><th>#</th><th>kind</th><th>speaker</th><th>cue</th>'
            "<th>conf.</th><th>quote</th></tr></thead><tbody>\n"
        )
        for n, q in enumerate(sorted(result.quotes, key=lambda q: (q.start, -q.end)), 1):
            c = "cx" if q.entity is None else f"c{colours[q.entity.id]}"
            who = q.entity.name if q.entity else (q.speaker.text if q.speaker else "—")
            said = (
                f' <span class="n">as “{html.escape(q.speaker.text)}”</span>'
                if (q.speaker is not None and q.entity is not None and q.speaker.text != q.entity.name)
                else ""
            )
            cue = html.escape(q.cue.text) if q.cue else "—"
            out.write(
                f"<tr><td>Q{n}</td><td>{html.escape(q.kind)}</td>"
                f'<td class="{c}"><span class="tag">{html.escape(who)}</span>{said}</td>'
                f"<td>{cue}</td><td>{q.confidence:.2f}</td>"
                f'<td class="qt">{html.escape(_short(q.text))}</td></tr>\n'
            )
        out.write("</tbody></table>\n")
    out.write("</section>\n")
    return out.getvalue()


def write_html(items: Iterable[tuple[str, Result]], stream: TextIO, *, title: str = "quoteattr") -> None:
    """Stream a page with one section per ``(doc id, result)``; only one result is held at a time."""
    stream.write(_head(title))
    for doc_id, result in items:
        stream.write(render_section(result, doc_id=doc_id))
    stream.write(_TAIL)


def render_html(result: Result, *, title: str = "quoteattr") -> str:
    """A complete, self-contained HTML page for one result."""
    return _head(title) + render_section(result) + _TAIL


def render_html_documents(items: Iterable[tuple[str, Result]], *, title: str = "quoteattr") -> str:
    """A complete page for several documents, each under its id (what ``--format html`` writes)."""
    out = StringIO()
    write_html(items, out, title=title)
    return out.getvalue()
