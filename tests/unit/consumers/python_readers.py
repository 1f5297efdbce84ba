"""Reads Marginalia exports the way analysts' Python does, and prints what it read as JSON.

Usage: python3 python_readers.py KIND PATH. Prints {"skip": reason} when the reader is not
installed (NLTK, spaCy), so the test can say why it skipped. spaCy needs no model download:
`spacy.blank("xx")` is enough for its tokens, spans and DocBin.
"""
import csv
import json
import os
import sys
import tempfile
import zipfile


def read_csv(path):
    # newline='' as the csv docs require; utf-8-sig drops the BOM as Excel users' files carry it.
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, strict=True))


def read_jsonl(path):
    pairs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for span in record["spans"]:
                pairs.append([span["text"], record["text"][span["start"]:span["end"]]])
    return pairs


def read_brat(path):
    pairs = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.endswith(".ann"):
                continue
            text = archive.read(name[:-4] + ".txt").decode("utf-8")
            for line in archive.read(name).decode("utf-8").splitlines():
                if not line.startswith("T"):
                    continue
                _, type_and_ranges, quote = line.split("\t")
                ranges = type_and_ranges.split(" ", 1)[1]
                pieces = [text[int(a):int(b)] for a, b in (r.split(" ") for r in ranges.split(";"))]
                pairs.append([quote, " ".join(pieces)])
    return pairs


def read_conll(path):
    try:
        import nltk
        from nltk.corpus.reader import ConllChunkCorpusReader
    except ImportError:
        return {"skip": "NLTK is not installed (pip install nltk)"}
    # NLTK 3.10 reads only from authorised folders.
    nltk.data.path.append(os.path.dirname(path))
    # NLTK's own CoNLL-2002 NER corpus is read this way: words, a middle column, NE tags last.
    reader = ConllChunkCorpusReader(os.path.dirname(path), [os.path.basename(path)], ("LOC", "PER", "ORG"))
    return [
        [list(token) for token in sentence]
        for sentence in reader.iob_sents()
        if not (sentence and sentence[0][0] == "-DOCSTART-")
    ]


def read_spacy(path):
    try:
        import spacy
        from spacy.tokens import Doc, DocBin
        from spacy.util import filter_spans
    except ImportError:
        return {"skip": "spaCy is not installed (pip install spacy)"}
    nlp = spacy.blank("xx")
    pairs = []
    bin_ = DocBin()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            tokens = record["tokens"]
            doc = Doc(nlp.vocab, words=[t["text"] for t in tokens], spaces=[t["ws"] for t in tokens])
            assert doc.text == record["text"], "Doc text differs from the exported text"
            spans = [doc.char_span(s["start"], s["end"], label=s["label"]) for s in record["spans"]]
            pairs.extend([s["text"], None if span is None else span.text] for s, span in zip(record["spans"], spans))
            doc.spans["sc"] = [span for span in spans if span is not None]
            doc.ents = filter_spans([s for s in doc.spans["sc"] if s.label_ in record["meta"]["entity_labels"]])
            bin_.add(doc)
    with tempfile.TemporaryDirectory() as folder:
        bin_.to_disk(os.path.join(folder, "train.spacy"))
    return pairs


def read_conll_with_spacy(path):
    """The CoNLL export through `spacy convert -c ner` (its converter, in process), then a DocBin."""
    try:
        import spacy
        from spacy.tokens import DocBin
        from spacy.training.converters import conll_ner_to_docs
    except ImportError:
        return {"skip": "spaCy is not installed (pip install spacy)"}
    with open(path, encoding="utf-8") as handle:
        docs = list(conll_ner_to_docs(handle.read(), n_sents=10, no_print=True))
    bin_ = DocBin(docs=docs)
    nlp = spacy.blank("xx")
    return [f"{ent.label_} {ent.text}" for doc in bin_.get_docs(nlp.vocab) for ent in doc.ents]


def read_layers(path):
    """Which authors a layer export holds, as a consumer splitting the dataset by annotator reads them."""
    if path.endswith(".csv"):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return {"span_authors": sorted({row["author"] for row in csv.DictReader(handle, strict=True)})}
    span_authors, file_authors = set(), set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            span_authors.update(span["author"] for span in record["spans"])
            file_authors.add(tuple(record["meta"]["authors"] or []))
    return {"span_authors": sorted(span_authors), "meta_authors": [list(a) for a in sorted(file_authors)]}


READERS = {
    "csv": read_csv,
    "jsonl": read_jsonl,
    "brat": read_brat,
    "conll": read_conll,
    "conll-spacy": read_conll_with_spacy,
    "spacy": read_spacy,
    "layers": read_layers,
}

if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    json.dump(READERS[kind](path), sys.stdout, ensure_ascii=False)
