"""The data path, end to end: inputs -> Articles -> spaCy Docs -> output records, batch by batch.

Front ends (the CLI, the eval harness, the benchmark) call these functions and add nothing to the
coding. Order is kept: each :class:`Batch` lists its output lines in input order, so a JSON Lines
input gives one output line per input line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .budget import ArticleTimeout, Budget, Deadline
from .errors import InputError
from .ingest import read_articles
from .models import Article, ArticleParts, OffsetMap, Rejection, content_id
from .nlp import BATCH_SIZE, load_nlp, model_version, parse, set_article
from .record import article_record, rejection_record

log = logging.getLogger(__name__)

#: Articles longer than this many characters are parsed in pieces (cut at paragraphs) and joined
#: back into one Doc: the parser's memory grows with the text it holds (a 982 KB article took
#: 3.35 GB in one piece), and spaCy refuses texts over 1,000,000 characters.
PIECE_CHARS = 100_000
#: Runs of non-space characters longer than this are tokenised in slices of this length: spaCy's
#: tokenizer is quadratic in the length of a run it splits into many tokens (16,000 "€" took 50 s,
#: 8,000 "?" 7 s), and no word, URL or number in news is this long.
LONG_RUN = 200
_LONG_RUN = re.compile(r"\S{%d,}" % (LONG_RUN + 1))


@dataclass
class Batch:
    """One batch of inputs after coding."""

    records: list[dict[str, Any]] = field(default_factory=list)  # coded articles
    rejections: list[Rejection] = field(default_factory=list)
    skipped: list[Article] = field(default_factory=list)  # already stored, not parsed again
    lines: list[dict[str, Any]] = field(default_factory=list)  # records and rejections, input order

    def __len__(self) -> int:
        return len(self.lines) + len(self.skipped)


def code_items(
    items: Iterable[Article | Rejection],
    *,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    skip: Callable[[Sequence[str]], set[str]] | None = None,
    budget: Budget | None = None,
) -> Iterator[Batch]:
    """Code Articles in batches; Rejections pass through in place.

    skip: given the ids of a batch, returns those not to parse (already stored).
    budget: the time each article may take (default :class:`dateline.budget.Budget`).
    """
    nlp = nlp or load_nlp()
    model = model_version(nlp)
    for chunk, to_parse, known in chunks(items, batch_size=batch_size, skip=skip):
        yield assemble(chunk, known, code_batch(to_parse, nlp=nlp, model=model, batch_size=batch_size, budget=budget))


def chunks(
    items: Iterable[Article | Rejection], *, batch_size: int, skip: Callable[[Sequence[str]], set[str]] | None
) -> Iterator[tuple[list[Article | Rejection], list[Article], set[str]]]:
    """(chunk, articles to parse, ids already stored) for each batch of ``batch_size`` inputs."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, batch_size)):
        articles = [item for item in chunk if isinstance(item, Article)]
        known = skip([a.id for a in articles]) if skip and articles else set()
        yield chunk, [a for a in articles if a.id not in known], known


def assemble(
    chunk: Sequence[Article | Rejection], known: set[str], coded: dict[int, dict[str, Any] | Rejection]
) -> Batch:
    """The Batch of one chunk, in input order: ``coded`` maps ``id(article)`` to its record or Rejection."""
    batch = Batch()
    for item in chunk:
        if isinstance(item, Rejection):
            result: dict[str, Any] | Rejection = item
        elif item.id in known:
            batch.skipped.append(item)
            continue
        else:
            result = coded[id(item)]
        if isinstance(result, Rejection):
            batch.rejections.append(result)
            batch.lines.append(rejection_record(result))
        else:
            batch.records.append(result)
            batch.lines.append(result)
    return batch


def code_batch(
    articles: list[Article], *, nlp: Language, model: str, batch_size: int, budget: Budget | None = None
) -> dict[int, dict[str, Any] | Rejection]:
    """Code a batch; ``coded`` maps ``id(article)`` to its record, or to a Rejection.

    The model's compiled components (tagger, parser, NER) run over the whole batch, long articles
    in pieces; dateline's stages then run article by article under the article's time budget (see
    :mod:`dateline.budget`). A failure costs only its article (E012), a timeout too (E016).
    """
    budget = budget or Budget()
    warm(nlp)
    head, stages = split_pipeline(nlp)
    out: dict[int, dict[str, Any] | Rejection] = {}
    docs: dict[int, Doc] = {}
    started = time.perf_counter()
    try:
        docs = _run_model(articles, nlp=nlp, head=head, batch_size=batch_size)
    except Exception:  # noqa: BLE001 - isolate the failing article below
        log.warning("pipeline failed on a batch; retrying article by article", exc_info=True)
        for article in articles:
            try:
                docs.update(_run_model([article], nlp=nlp, head=head, batch_size=1))
            except Exception as err:  # noqa: BLE001 - one article must never stop a batch
                out[id(article)] = _rejection(article, "E012", detail=f"{type(err).__name__}: {err}")
    model_seconds = time.perf_counter() - started
    total_chars = sum(len(a.body) for a in articles if id(a) in docs) or 1
    for article in articles:
        doc = docs.pop(id(article), None)
        if doc is None:
            continue
        allowed = budget.seconds(len(article.body))
        # The batch's model time, charged to each article by its share of the characters.
        remaining = allowed - model_seconds * len(article.body) / total_chars
        try:
            with Deadline(remaining):
                for _, proc in stages:
                    doc = proc(doc)
                out[id(article)] = article_record(article, doc, model=model)
        except ArticleTimeout:
            out[id(article)] = _rejection(article, "E016", budget=allowed, per_10k=budget.per_10k,
                                          size=len(article.body))
        except Exception as err:  # noqa: BLE001 - one article must never stop a batch
            log.warning("%s: a stage failed", article.where, exc_info=True)
            out[id(article)] = _rejection(article, "E012", detail=f"{type(err).__name__}: {err}")
    return out


def tokenize(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` in linear time and for any length (no ``max_length``): long runs of
    non-space characters are tokenised in slices of :data:`LONG_RUN`. ``doc.text == text`` always."""
    if not _LONG_RUN.search(text):
        return nlp.tokenizer(text)
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    segments: list[str] = []
    for match in _LONG_RUN.finditer(text):
        segments.append(text[pos:match.start()])
        segments += [text[i:min(i + LONG_RUN, match.end())] for i in range(match.start(), match.end(), LONG_RUN)]
        pos = match.end()
    segments.append(text[pos:])
    for segment in segments:
        for token in nlp.tokenizer(segment) if segment else ():
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
    return Doc(nlp.vocab, words=words, spaces=spaces)


def make_doc(nlp: Language, article: Article) -> Doc:
    """:func:`dateline.nlp.make_doc`, tokenised by :func:`tokenize`."""
    return set_article(tokenize(nlp, article.body), article)


def _rejection(article: Article, code: str, **fields: Any) -> Rejection:
    wrapped = InputError(code, source=article.where, **fields)
    return Rejection(article.source, article.record, wrapped.code, wrapped.detail, article.input_id)


def split_pipeline(nlp: Language) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    """(the model's components, dateline's stages after them): the stages are the trailing
    ``dateline_*`` components (``dateline_paragraphs`` runs inside the model's part)."""
    pipeline = list(nlp.pipeline)
    cut = len(pipeline)
    while cut > 0 and pipeline[cut - 1][0].startswith("dateline_") and pipeline[cut - 1][0] != "dateline_paragraphs":
        cut -= 1
    return pipeline[:cut], pipeline[cut:]


def _run_model(articles: list[Article], *, nlp: Language, head: list[tuple[str, Any]],
               batch_size: int) -> dict[int, Doc]:
    """Tokenise and run the model's components over the articles' pieces; one Doc per article."""
    units: list[Doc] = []
    owners: list[Article] = []
    for article in articles:
        doc = make_doc(nlp, article)
        for piece in pieces(doc):
            units.append(piece)
            owners.append(article)
    stream: Iterable[Doc] = units
    for _, proc in head:
        stream = proc.pipe(stream, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, stream)
    grouped: dict[int, list[Doc]] = {}
    for article, piece in zip(owners, stream):
        grouped.setdefault(id(article), []).append(piece)
    by_id = {id(a): a for a in articles}
    docs: dict[int, Doc] = {}
    for key, parts in grouped.items():
        doc = parts[0] if len(parts) == 1 else set_article(Doc.from_docs(parts, ensure_whitespace=False), by_id[key])
        docs[key] = doc
    return docs


def pieces(doc: Doc, *, size: int | None = None) -> list[Doc]:
    """``doc`` itself, or for a long article, Docs of about ``size`` characters cut after paragraph
    breaks (after a line break if a paragraph is longer; anywhere if a line is), so that the
    parser's memory and time stay those of a normal article. Joined back, they are ``doc``."""
    size = size or PIECE_CHARS
    if len(doc.text) <= size:
        return [doc]
    cuts = [0]
    best: dict[int, int] = {}  # rank of break -> token index after the last such break in the window
    for token in doc:
        start = doc[cuts[-1]].idx
        if token.idx - start >= size and token.i > cuts[-1]:
            # the last paragraph break in the window's second half, else the last line break, else here
            late = [i for i in (best.get(2), best.get(1)) if i is not None and doc[i].idx - start >= size // 2]
            cut = late[0] if late else token.i
            cuts.append(cut)
            best = {rank: i for rank, i in best.items() if i > cut}
        if token.is_space or token.whitespace_:
            text = token.text + token.whitespace_
            rank = 2 if text.count("\n") >= 2 else 1 if "\n" in text else 0
            if rank:
                best[rank] = token.i + 1
    cuts.append(len(doc))
    return [doc[a:b].as_doc() for a, b in zip(cuts, cuts[1:]) if b > a]


#: A short article run once per process before any deadline applies, so that lazily built
#: caches (the knowledge base, the gazetteer) are complete before a timeout could interrupt them.
_WARM_TEXT = ("WASHINGTON \u2014 President Joe Biden met Japanese Prime Minister Fumio Kishida in Tokyo on "
              "Friday, the White House said. \u201cWe agreed to talk again next month,\u201d Biden said.")
_warmed: set[int] = set()


def warm(nlp: Language) -> None:
    """Run :data:`_WARM_TEXT` through ``nlp`` once (per pipeline object), without a deadline."""
    if id(nlp) in _warmed:
        return
    for _ in parse([sentence_article(_WARM_TEXT, published=dt.date(2023, 1, 13))], nlp=nlp):
        pass
    _warmed.add(id(nlp))


def code_paths(
    paths: Iterable[str],
    *,
    published: dt.date | None = None,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    skip: Callable[[Sequence[str]], set[str]] | None = None,
    budget: Budget | None = None,
) -> Iterator[Batch]:
    """Read, structure and code every input under ``paths``."""
    return code_items(read_articles(paths, published=published), nlp=nlp, batch_size=batch_size, skip=skip,
                      budget=budget)


def sentence_article(text: str, *, published: dt.date | None = None, source: str = "<text>", record: int | None = None,
                     input_id: str | None = None) -> Article:
    """An Article whose body is ``text`` as given, without structure detection (gold sentences)."""
    parts = ArticleParts(body=text, offsets=OffsetMap())
    parts.offsets.add(0, 0, len(text))
    return Article(id=content_id(text), text=text, parts=parts, source=source, record=record,
                   input_id=input_id, published=published)


def code_texts(
    texts: Sequence[str], *, dates: Sequence[dt.date | None] | None = None, nlp: Language | None = None
) -> list[list[dict[str, Any]]]:
    """Events for each text, in order: the coder as the eval harness sees it (with the scoring budget,
    :meth:`Budget.scoring`, so that no text times out on a busy machine)."""
    dates = dates or [None] * len(texts)
    articles = [sentence_article(t, published=d, record=i + 1) for i, (t, d) in enumerate(zip(texts, dates))]
    events: list[list[dict[str, Any]]] = []
    for batch in code_items(articles, nlp=nlp, budget=Budget.scoring()):
        events.extend(line.get("events", []) for line in batch.lines)
    return events
