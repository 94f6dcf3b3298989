"""quoteattr: find who said what in text.

>>> import quoteattr
>>> r = quoteattr.extract('"It is over," Ana Ruiz said. She added that talks would resume.')
>>> [(q.kind, q.entity.name) for q in r.quotes]
[('direct', 'Ana Ruiz'), ('indirect', 'Ana Ruiz')]
"""

from typing import TYPE_CHECKING, Any

from .errors import BackendUnavailable, ConfigError, InputError, QuoteattrError
from .model import Cue, Entity, Mention, Quote, Result, Sentence, Span
from .pipeline import Pipeline, extract, extract_many
from .segment import split_sentences

if TYPE_CHECKING:
    from .backends.stanza import from_conllu

__version__ = "0.1.0"

__all__ = [
    "BackendUnavailable",
    "ConfigError",
    "Cue",
    "Entity",
    "InputError",
    "Mention",
    "Pipeline",
    "Quote",
    "QuoteattrError",
    "Result",
    "Sentence",
    "Span",
    "__version__",
    "extract",
    "extract_many",
    "from_conllu",
    "split_sentences",
]


def __getattr__(name: str) -> Any:
    """``from_conllu`` on first use: the stanza backend's modules (parse rules, dialogue) cost a short
    run about 7% of its time, and a caller of the embedded backend never needs them."""
    if name == "from_conllu":
        from .backends.stanza import from_conllu

        globals()[name] = from_conllu
        return from_conllu
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
