"""Train tiny stanza tokenizer, tagger and parser models from template sentences.

No stanza models can be downloaded here, so the loading code is proven on
models made at test time: a few dozen generated attribution sentences with
known UD trees, tiny dimensions, a few dozen steps each. The models are not
meant to be good; they are real stanza model files that ``stanza.Pipeline``
loads through the same ``*_model_path`` options a user passes.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

# (form, lemma, upos, xpos) rows of each speaker, with the deprel of each word inside the speaker.
SPEAKERS = (
    (("Ann", "Ann", "PROPN", "NNP"), ("Berg", "Berg", "PROPN", "NNP")),
    (("The", "the", "DET", "DT"), ("mayor", "mayor", "NOUN", "NN")),
    (("Police", "police", "NOUN", "NNS"),),
    (("She", "she", "PRON", "PRP"),),
    (("Tom", "Tom", "PROPN", "NNP"), ("Reed", "Reed", "PROPN", "NNP")),
    (("The", "the", "DET", "DT"), ("union", "union", "NOUN", "NN")),
)
VERBS = (("said", "say"), ("warned", "warn"), ("claimed", "claim"), ("added", "add"))
CLAUSES = (
    ("plan", "will", "fail"),
    ("vote", "would", "pass"),
    ("bridge", "will", "close"),
    ("tax", "would", "rise"),
)

Row = tuple[str, str, str, str, int, str]  # form, lemma, upos, xpos, head, deprel


def _speaker(spk: tuple[tuple[str, str, str, str], ...], first: int, head: int) -> list[Row]:
    """Rows for a speaker starting at index ``first`` whose phrase head attaches to ``head``."""
    if len(spk) == 1:
        return [(*spk[0], head, "nsubj")]
    if spk[0][2] == "DET":
        return [(*spk[0], first + 1, "det"), (*spk[1], head, "nsubj")]
    return [(*spk[0], head, "nsubj"), (*spk[1], first, "flat")]


def indirect(
    spk: tuple[tuple[str, str, str, str], ...], verb: tuple[str, str], clause: tuple[str, str, str]
) -> list[Row]:
    """``SPK VERB that the NOUN AUX V .``"""
    n = len(spk)
    v = n + 1
    noun, aux, pred = clause
    rows = _speaker(spk, 1, v)
    rows += [
        (verb[0], verb[1], "VERB", "VBD", 0, "root"),
        ("that", "that", "SCONJ", "IN", v + 5, "mark"),
        ("the", "the", "DET", "DT", v + 3, "det"),
        (noun, noun, "NOUN", "NN", v + 5, "nsubj"),
        (aux, aux, "AUX", "MD", v + 5, "aux"),
        (pred, pred, "VERB", "VB", v, "ccomp"),
        (".", ".", "PUNCT", ".", v, "punct"),
    ]
    return rows


def direct(
    spk: tuple[tuple[str, str, str, str], ...], verb: tuple[str, str], clause: tuple[str, str, str]
) -> list[Row]:
    """``"The NOUN AUX V," SPK VERB .`` with the quoted clause as root (UD style)."""
    noun, aux, pred = clause
    n = len(spk)
    cue = 8 + n
    rows: list[Row] = [
        ('"', '"', "PUNCT", "``", 5, "punct"),
        ("The", "the", "DET", "DT", 3, "det"),
        (noun, noun, "NOUN", "NN", 5, "nsubj"),
        (aux, aux, "AUX", "MD", 5, "aux"),
        (pred, pred, "VERB", "VB", 0, "root"),
        (",", ",", "PUNCT", ",", 5, "punct"),
        ('"', '"', "PUNCT", "''", 5, "punct"),
    ]
    rows += _speaker(spk, 8, cue)
    rows += [(verb[0], verb[1], "VERB", "VBD", 5, "parataxis"), (".", ".", "PUNCT", ".", 5, "punct")]
    return rows


def sentences() -> list[list[Row]]:
    out = []
    for k, (spk, verb, clause) in enumerate(itertools.product(SPEAKERS, VERBS, CLAUSES)):
        out.append(direct(spk, verb, clause) if k % 3 == 0 else indirect(spk, verb, clause))
    return out


def _glued(rows: list[Row]) -> list[bool]:
    """Whether each token is followed directly (no space) by the next one."""
    out = []
    quote_open = False
    for i, row in enumerate(rows):
        nxt = rows[i + 1][0] if i + 1 < len(rows) else None
        glue = False
        if row[0] == '"':
            quote_open = not quote_open
            glue = quote_open  # no space after an opening mark
        if nxt in (",", ".") or (nxt == '"' and quote_open):
            glue = True
        out.append(glue)
    return out


def render(rows: list[Row]) -> str:
    return "".join(r[0] + ("" if g else " ") for r, g in zip(rows, _glued(rows), strict=True)).rstrip()


def conllu(sents: list[list[Row]]) -> str:
    blocks = []
    for n, rows in enumerate(sents, 1):
        lines = [f"# sent_id = {n}", f"# text = {render(rows)}"]
        for i, ((form, lemma, upos, xpos, head, dep), glue) in enumerate(
            zip(rows, _glued(rows), strict=True), 1
        ):
            misc = "SpaceAfter=No" if glue else "_"
            lines.append("\t".join([str(i), form, lemma, upos, xpos, "_", str(head), dep, "_", misc]))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n\n"


def tokenizer_files(sents: list[list[Row]], prefix: Path) -> tuple[Path, Path]:
    """stanza's character-level training files: 1 = token end, 2 = sentence end, 0 otherwise."""
    paragraphs, labels = [], []
    for start in range(0, len(sents), 3):  # three sentences to a paragraph
        chars: list[str] = []
        marks: list[str] = []
        for rows in sents[start : start + 3]:
            if chars:
                chars.append(" ")
                marks.append("0")
            for i, ((form, *_), glue) in enumerate(zip(rows, _glued(rows), strict=True)):
                last = i == len(rows) - 1
                chars.extend(form)
                marks.extend("0" * (len(form) - 1) + ("2" if last else "1"))
                if not glue and not last:
                    chars.append(" ")
                    marks.append("0")
        paragraphs.append("".join(chars))
        labels.append("".join(marks))
    txt, lab = prefix.with_suffix(".txt"), prefix.with_suffix(".label")
    txt.write_text("\n\n".join(paragraphs) + "\n\n", encoding="utf-8")
    lab.write_text("\n\n".join(labels) + "\n\n", encoding="utf-8")
    return txt, lab


def _biaffine_args(data: Path, output: Path, save_name: str, steps: int, batch_size: int) -> list[str]:
    """The arguments stanza's tagger and parser share: the data, and a network as small as it goes."""
    small = {"hidden_dim": 16, "char_hidden_dim": 16, "deep_biaff_hidden_dim": 16, "word_emb_dim": 16}
    small |= {"char_emb_dim": 8, "tag_emb_dim": 8, "transformed_dim": 16, "num_layers": 1}
    small |= {"augment_nopunct": 0, "word_cutoff": 1, "max_steps": steps, "eval_interval": steps}
    args = ["--train_file", str(data), "--eval_file", str(data), "--output_file", str(output)]
    args += ["--no_pretrain", "--save_name", save_name, "--batch_size", str(batch_size)]
    return args + [arg for key, value in small.items() for arg in (f"--{key}", str(value))]


def train_all(work: Path, steps: int = 60) -> dict[str, Path]:
    """Train the three models into ``work``; return their paths by processor name."""
    import torch
    from stanza.models import parser, tagger, tokenizer  # type: ignore[import-untyped]

    torch.set_num_threads(1)  # tiny models: threads only add contention on a shared machine
    work.mkdir(parents=True, exist_ok=True)
    sents = sentences()
    data = work / "train.conllu"
    data.write_text(conllu(sents), encoding="utf-8")
    txt, lab = tokenizer_files(sents, work / "train")
    (work / "train_mwt.json").write_text("[]", encoding="utf-8")
    common = ["--lang", "en", "--shorthand", "en_tiny", "--save_dir", str(work), "--seed", "7"]

    tokenizer.main(
        [
            "--txt_file",
            str(txt),
            "--label_file",
            str(lab),
            "--mwt_json_file",
            str(work / "train_mwt.json"),
            "--dev_txt_file",
            str(txt),
            "--dev_label_file",
            str(lab),
            "--save_name",
            "tokenizer.pt",
            "--steps",
            str(steps * 2),
            "--eval_steps",
            str(steps * 2),
            "--hidden_dim",
            "16",
            "--emb_dim",
            "8",
            "--rnn_layers",
            "1",
            "--batch_size",
            "8",
            "--max_seqlen",
            "60",
            "--no_use_mwt",
            *common,
        ]
    )
    tagger.main(
        [
            *_biaffine_args(data, work / "pos_out.conllu", "tagger.pt", steps, batch_size=400),
            "--composite_deep_biaff_hidden_dim",
            "8",
            *common,
        ]
    )
    parser.main(
        [
            *_biaffine_args(data, work / "dep_out.conllu", "parser.pt", steps, batch_size=2000),
            "--deep_biaff_output_dim",
            "8",
            "--no_checkpoint",
            *common,
        ]
    )
    return {"tokenize": work / "tokenizer.pt", "pos": work / "tagger.pt", "depparse": work / "parser.pt"}


def stub_resources(model_dir: Path) -> Path:
    """A resources.json that names English but lists no downloadable packages (nothing to fetch)."""
    model_dir.mkdir(parents=True, exist_ok=True)
    path = model_dir / "resources.json"
    path.write_text(
        json.dumps({"en": {"lang_name": "English", "packages": {}, "tokenize": {}}}), encoding="utf-8"
    )
    return path
