"""quoteattr: find who said what in text.

>>> import quoteattr
>>> r = quoteattr.extract('"It is over," Ana Ruiz said. She added that talks would resume.')
>>> [(q.kind, q.entity.name) for q in r.quotes]
[('direct', 'Ana Ruiz'), ('indirect', 'Ana Ruiz')]
"""

from .backends.stanza import from_conllu
from .errors import BackendUnavailable, ConfigError, InputError, QuoteattrError
from .model import Cue, Entity, Mention, Quote, Result, Sentence, Span
from .pipeline import Pipeline, extract, extract_many
from .segment import split_sentences

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
