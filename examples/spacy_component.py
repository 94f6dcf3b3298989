"""quoteattr inside a spaCy pipeline: no model download needed, a blank pipeline will do.

pip install "quoteattr[spacy]"
python examples/spacy_component.py
"""

from __future__ import annotations

import spacy

import quoteattr.spacy_component  # noqa: F401  (not needed once installed: spaCy finds the entry point)

TEXT = (
    '"We expect the line to reopen by Friday," said Tomas Berg, the rail operator\'s spokesman. '
    "He added that replacement buses would run until then.\n\n"
    "According to the drivers' union, staff were not consulted."
)


def main() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    doc = nlp(TEXT)
    for span in doc._.quotes:
        speaker = span._.speaker.text if span._.speaker is not None else "?"
        cue = span._.cue.text if span._.cue is not None else "-"
        print(f"{span._.kind:8} tokens {span.start}-{span.end}  {speaker!r} -> {span._.entity!r} ({cue})")
        print(f"         {span.text}")
    print(f"{len(doc._.quoteattr.quotes)} quotes; exact offsets stay in doc._.quoteattr")


if __name__ == "__main__":
    main()
