"""Readers: text, HTML, JSON Lines, directories, globs; bad inputs become coded rejections."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.ingest import build_article, decode, expand_paths, read_articles, read_raw
from dateline.models import Article, RawDocument, Rejection

STORY = "LONDON — Ministers met on Tuesday.\n\nThey agreed to meet again next month.\n"


def write(path: Path, data: str | bytes) -> str:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


def test_ingest_text_file_becomes_article(tmp_path: Path) -> None:
    items = list(read_articles([write(tmp_path / "a.txt", STORY)]))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert items[0].body.startswith("Ministers met on Tuesday.")
    assert items[0].parts.dateline == "LONDON"


def test_ingest_id_is_stable_content_hash(tmp_path: Path) -> None:
    a = list(read_articles([write(tmp_path / "a.txt", STORY)]))[0]
    b = list(read_articles([write(tmp_path / "b.txt", STORY.replace("\n", "\r\n"))]))[0]
    c = list(read_articles([write(tmp_path / "c.txt", STORY + "Another paragraph.\n")]))[0]
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(c, Article)
    assert a.id == b.id and len(a.id) == 16
    assert a.id != c.id


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "E003"),
        (b"caf\xe9 au lait, \xff\xfe", "E002"),
        (b"   \n\n  \t", "E004"),
        ("".join(chr(i) for i in range(1, 31)) * 20, "E003"),
    ],
    ids=["binary", "latin1", "empty", "control-chars"],
)
def test_ingest_bad_file_rejected_with_code(tmp_path: Path, data: str | bytes, code: str) -> None:
    path = write(tmp_path / "bad.txt", data)
    items = list(read_articles([path]))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert items[0].code == code
    assert path in items[0].reason


def test_ingest_missing_file_is_e001(tmp_path: Path) -> None:
    (item,) = read_articles([str(tmp_path / "nope.txt")])
    assert isinstance(item, Rejection) and item.code == "E001"
    assert "no such file" in item.reason


def test_ingest_oversized_file_is_e005(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "word " * 1000)
    (item,) = read_articles([path], max_bytes=1000)
    assert isinstance(item, Rejection) and item.code == "E005"
    assert "under the limit" in item.reason and "--max-bytes" not in item.reason


def test_ingest_bad_file_does_not_stop_batch(tmp_path: Path) -> None:
    paths = [
        write(tmp_path / "1.txt", STORY),
        write(tmp_path / "2.txt", b"\x00\x01\x02binary"),
        write(tmp_path / "3.txt", "PARIS — The talks ended.\n"),
    ]
    items = list(read_articles(paths))
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Article"]


def test_ingest_jsonl_fields_and_metadata(tmp_path: Path) -> None:
    lines = [
        {"id": "a1", "text": STORY, "title": "Ministers meet", "published": "2019-01-19", "url": "http://x/1",
         "source": "Wire", "section": "world"},
        {"id": "a2", "text": "Second story.", "date": "2020-02-03T10:00:00Z"},
    ]
    path = write(tmp_path / "n.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    first, second = read_articles([path])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.input_id == "a1" and first.record == 1
    assert first.published == dt.date(2019, 1, 19)
    assert first.url == "http://x/1" and first.outlet == "Wire"
    assert first.metadata == {"section": "world"}
    assert first.parts.headline == "Ministers meet"
    assert second.published == dt.date(2020, 2, 3) and second.record == 2


def test_ingest_published_override_wins(tmp_path: Path) -> None:
    path = write(tmp_path / "n.jsonl", json.dumps({"id": "x", "text": STORY, "published": "2019-01-19"}))
    (article,) = read_articles([path], published=dt.date(2001, 9, 11))
    assert isinstance(article, Article) and article.published == dt.date(2001, 9, 11)


def test_ingest_jsonl_bad_lines_rejected_others_kept(tmp_path: Path) -> None:
    content = "\n".join([
        json.dumps({"id": "ok1", "text": "Fine story."}),
        "{not json",
        json.dumps({"id": "nofield", "title": "no text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "baddate", "text": "x", "published": "last Tuesday"}),
        "",
        json.dumps({"id": "ok2", "text": "Another fine story."}),
    ])
    path = write(tmp_path / "mixed.jsonl", content)
    items = list(read_articles([path]))
    summary = [(type(i).__name__, i.record, getattr(i, "code", None)) for i in items]
    assert summary == [
        ("Article", 1, None),
        ("Rejection", 2, "E006"),
        ("Rejection", 3, "E007"),
        ("Rejection", 4, "E010"),
        ("Rejection", 5, "E008"),
        ("Article", 7, None),
    ]
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert rejected and all(f"{path}: line" in r.reason for r in rejected)
    assert rejected[1].input_id == "nofield" and rejected[3].input_id == "baddate"


def test_ingest_html_through_trafilatura(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>Paragraph {i}: the foreign ministers of both countries met in Geneva to discuss the ceasefire "
        f"and agreed to continue the talks next week, officials said.</p>" for i in range(6)
    )
    html = (
        "<!DOCTYPE html><html><head><title>Ministers meet in Geneva</title>"
        '<meta property="og:title" content="Ministers meet in Geneva">'
        '<meta name="date" content="2021-05-04"></head><body>'
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>Ministers meet in Geneva</h1>{paragraphs}</article>"
        "<footer>Copyright 2021 Example News. All rights reserved.</footer></body></html>"
    )
    (article,) = read_articles([write(tmp_path / "page.html", html)])
    assert isinstance(article, Article)
    assert "foreign ministers of both countries met in Geneva" in article.body
    assert "Home" not in article.body and "All rights reserved" not in article.body
    assert article.parts.headline == "Ministers meet in Geneva"
    assert article.published == dt.date(2021, 5, 4)


def test_ingest_html_keeps_the_pages_paragraphs_headline_dateline_and_author(tmp_path: Path) -> None:
    # trafilatura gives one line per <p> with no blank line between: each line is a paragraph, so the
    # heading repeating the title leaves the body, the dateline is found and no sentence spans two paragraphs
    html = (
        "<!DOCTYPE html><html><head><title>Envoys agree on river survey</title>"
        '<meta name="author" content="Jo Example"><meta name="date" content="2023-04-02"></head><body>'
        "<article><h1>Envoys agree on river survey</h1>"
        "<p>RIVERTON - Envoys of two neighbouring states agreed on Monday to survey the shared river together "
        "before the dry season, their offices said.</p>"
        "<p>The survey will start in May and its results will be published by both governments.</p>"
        "</article></body></html>"
    )
    (article,) = read_articles([write(tmp_path / "page.html", html)])
    assert isinstance(article, Article)
    parts = article.parts
    assert parts.headline == "Envoys agree on river survey" and parts.dateline == "RIVERTON"
    assert parts.byline == "Jo Example"
    assert article.body.startswith("Envoys of two neighbouring states agreed")
    assert "said.\n\nThe survey will start" in article.body
    assert [r.kind for r in parts.removed] == ["headline", "dateline"]


def test_ingest_html_metadata_keys_are_documented(tmp_path: Path) -> None:
    # an HTML page's author and description land in article.metadata as html_author, html_description, which
    # docs/output.md did not name (walk47)
    html = (
        "<!DOCTYPE html><html><head><title>Envoys agree on river survey</title>"
        '<meta name="author" content="Jo Example"><meta name="description" content="Two states will survey a river.">'
        '<meta name="date" content="2023-04-02"></head><body><article><h1>Envoys agree on river survey</h1>'
        "<p>Envoys of two neighbouring states agreed on Monday to survey the shared river together before the dry "
        "season, their offices said.</p><p>The survey will start in May.</p></article></body></html>"
    )
    (article,) = read_articles([write(tmp_path / "page.html", html)])
    assert isinstance(article, Article)
    assert set(article.metadata) == {"html_author", "html_description"}
    doc = (Path(__file__).resolve().parents[2] / "docs" / "output.md").read_text(encoding="utf-8")
    row = next(line for line in doc.splitlines() if line.startswith("| `article.metadata` |"))
    assert all(f"`{key}`" in row for key in article.metadata)


def test_ingest_html_without_text_is_e009(tmp_path: Path) -> None:
    (item,) = read_articles([write(tmp_path / "empty.html", "<html><body><script>x=1</script></body></html>")])
    assert isinstance(item, Rejection) and item.code == "E009"


def test_ingest_directories_and_globs(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "sub" / "b.txt", "PARIS — Talks ended.\n")
    write(tmp_path / "sub" / "photo.jpg", b"\xff\xd8\xff")
    write(tmp_path / ".hidden.txt", "secret")
    assert [Path(p).name for p in expand_paths([str(tmp_path)])] == ["a.txt", "b.txt"]
    assert [Path(p).name for p in expand_paths([str(tmp_path / "**" / "*.txt")])] == ["a.txt", "b.txt"]
    assert list(expand_paths([str(tmp_path / "*.none")])) == [str(tmp_path / "*.none")]


def test_ingest_decode_strips_bom() -> None:
    assert decode("x", "\ufeffHello".encode()) == "Hello"


def test_ingest_build_article_rejects_blank_text() -> None:
    with pytest.raises(InputError) as info:
        build_article(RawDocument(source="s.jsonl", record=3, text="   "))
    assert info.value.code == "E004"


def test_ingest_read_raw_keeps_input_order(tmp_path: Path) -> None:
    paths = [write(tmp_path / f"{i}.txt", f"Story {i}.") for i in range(5)]
    texts = [r.text for r in read_raw(paths) if isinstance(r, RawDocument)]
    assert texts == [f"Story {i}." for i in range(5)]


def test_ingest_repeated_record_id_is_kept_with_w002(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    first = write(tmp_path / "a.jsonl", '{"id": "r1", "text": "Story one."}\n{"id": "r2", "text": "Story two."}\n')
    second = write(tmp_path / "b.jsonl", '{"id": "r1", "text": "Story three."}\n')
    with caplog.at_level("WARNING", logger="dateline.ingest"):
        items = list(read_raw([first, second]))
    assert [r.input_id for r in items if isinstance(r, RawDocument)] == ["r1", "r2", "r1"]
    assert "[W002]" in caplog.text and f"{second}: line 1 has id 'r1'" in caplog.text
    assert caplog.text.count("W002") == 1


# -- issue 15: hostile inputs get coded, per-line answers ----------------------------------------


def _jsonl(*objs: object) -> str:
    return "".join(json.dumps(o) + "\n" for o in objs)


@pytest.mark.issue(15)
def test_ingest_lone_surrogates_replaced_in_every_field(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write(tmp_path / "s.jsonl", _jsonl(
        {"id": "a\ud800", "title": "Talks\udc00", "text": "Ministers \ud800met.", "extra": ["x\udfff"]},
        {"id": "b", "text": "Ministers met again."},
    ))
    items = list(read_articles([path]))
    assert [type(i).__name__ for i in items] == ["Article", "Article"]
    first = items[0]
    assert isinstance(first, Article)
    assert first.input_id == "a\ufffd" and first.parts.headline in (None, "Talks\ufffd")
    assert "\ufffd" in first.text and first.metadata == {"extra": ["x\ufffd"]}
    first.text.encode("utf-8")  # raises on a surrogate: nothing downstream can choke on it
    assert "W003" in caplog.text and f"{path}: line 1" in caplog.text


@pytest.mark.issue(15)
def test_ingest_nul_byte_rejects_only_its_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "g", "text": "Ministers met."}).encode()
    path = write(tmp_path / "n.jsonl", good + b"\n" + b'{"id": "n", "text": "a\x00b"}\n' + good + b"\n")
    items = list(read_raw([path]))
    assert [(type(i).__name__, i.record) for i in items] == [("RawDocument", 1), ("Rejection", 2), ("RawDocument", 3)]
    assert isinstance(items[1], Rejection) and items[1].code == "E003" and f"{path}:2" in items[1].reason


def test_ingest_binary_file_named_jsonl_is_one_rejection(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n\x00\x01\n" * 50)
    items = list(read_raw([path]))
    assert len(items) == 1 and isinstance(items[0], Rejection) and items[0].code == "E003"


@pytest.mark.issue(15)
def test_ingest_text_not_a_string_says_what_it_is(tmp_path: Path) -> None:
    path = write(tmp_path / "t.jsonl", _jsonl({"id": 1, "text": 5}, {"id": 2}))
    first, second = read_raw([path])
    assert isinstance(first, Rejection) and first.code == "E007" and "'text' is a JSON number" in first.reason
    assert isinstance(second, Rejection) and "it has no 'text' or 'html' field (its fields: 'id')" in second.reason


def test_ingest_record_without_text_names_the_fields_it_has(tmp_path: Path) -> None:
    # "line 2 has no article text: it has neither field." left the user to guess that the body was under another
    # name (walk47)
    path = write(tmp_path / "b.jsonl", _jsonl({"id": "a", "title": "T", "body": "Kenya accused Uganda."}, {}))
    first, second = read_raw([path])
    assert isinstance(first, Rejection) and first.code == "E007"
    assert "b.jsonl: line 1 has no article text: it has no 'text' or 'html' field (its fields: 'id', 'title', " \
           "'body')" in first.reason
    assert isinstance(second, Rejection) and "(it is {})" in second.reason


@pytest.mark.issue(15)
def test_ingest_gzip_bz2_xz_jsonl_read(tmp_path: Path) -> None:
    import bz2
    import gzip
    import lzma

    data = _jsonl({"id": "1", "text": "Ministers met."}, {"id": "2", "text": "They talked."}).encode()
    paths = [write(tmp_path / "a.jsonl.gz", gzip.compress(data)), write(tmp_path / "b.jsonl.bz2", bz2.compress(data)),
             write(tmp_path / "c.jsonl.xz", lzma.compress(data)),
             write(tmp_path / "d.txt", gzip.compress(b"PARIS \xe2\x80\x94 The talks ended.\n"))]
    items = list(read_raw(paths))
    assert [(Path(i.source).name, i.record) for i in items] == [
        ("a.jsonl.gz", 1), ("a.jsonl.gz", 2), ("b.jsonl.bz2", 1), ("b.jsonl.bz2", 2),
        ("c.jsonl.xz", 1), ("c.jsonl.xz", 2), ("d.txt", None)]
    assert all(isinstance(i, RawDocument) for i in items)
    assert isinstance(items[-1], RawDocument) and items[-1].text == "PARIS — The talks ended.\n"
    # a directory walk picks compressed corpora up too
    assert [Path(p).name for p in expand_paths([str(tmp_path)])] == ["a.jsonl.gz", "b.jsonl.bz2", "c.jsonl.xz", "d.txt"]


@pytest.mark.issue(15)
def test_ingest_corrupt_or_unsupported_archive_is_e017(tmp_path: Path) -> None:
    import zipfile

    broken = write(tmp_path / "broken.jsonl.gz", b"\x1f\x8b\x08\x00garbage")
    zipped = tmp_path / "z.txt"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("in.txt", "text")
    import gzip

    good = gzip.compress(json.dumps({"id": "1", "text": "Ministers met."}).encode() * 500)
    corrupt = write(tmp_path / "corrupt.jsonl.gz", good[:30] + bytes(b ^ 0x55 for b in good[30:60]) + good[60:])
    (bad_stream,) = read_raw([corrupt])  # zlib.error in the middle of the stream, found by bench_junk
    assert isinstance(bad_stream, Rejection) and bad_stream.code == "E017"
    first, second = read_raw([broken, str(zipped)])
    assert isinstance(first, Rejection) and first.code == "E017" and "gzip -t" in first.reason
    assert isinstance(second, Rejection) and second.code == "E017" and "zip archive" in second.reason


@pytest.mark.issue(15)
def test_ingest_symlink_loop_is_e015(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to("loop.txt")
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to("nowhere.txt")
    items = list(read_raw([str(loop), str(dangling), str(tmp_path)]))
    assert [(Path(i.source).name, getattr(i, "code", None)) for i in items] == [
        ("loop.txt", "E015"), ("gone.txt", "E001"), ("gone.txt", "E001"), ("loop.txt", "E015")]


@contextlib.contextmanager
def _unprivileged() -> Iterator[None]:
    """Root reads everything: drop to user nobody's effective ids so the real OS says no, then back."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.mark.issue(15)
def test_ingest_unreadable_file_and_directory_are_e014() -> None:
    import shutil
    import tempfile

    tmp_path = Path(tempfile.mkdtemp(prefix="dateline-perm-"))  # pytest's tmp_path is root-only
    tmp_path.chmod(0o755)
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "b.txt", STORY + "More.\n")
    (tmp_path / "b.txt").chmod(0)
    (tmp_path / "closed").mkdir()
    write(tmp_path / "closed" / "c.txt", STORY)
    (tmp_path / "closed").chmod(0)
    write(tmp_path / "d.txt", "PARIS — The talks ended.\n")
    try:
        with _unprivileged():
            items = list(read_raw([str(tmp_path), str(tmp_path / "b.txt")]))
    finally:
        (tmp_path / "closed").chmod(0o755)
        shutil.rmtree(tmp_path)
    got = [(Path(i.source).name, getattr(i, "code", None)) for i in items]
    assert got == [("a.txt", None), ("b.txt", "E014"), ("closed", "E014"), ("d.txt", None), ("b.txt", "E014")]
    assert isinstance(items[1], Rejection) and "Permission denied" in items[1].reason


@pytest.mark.issue(15)
def test_ingest_fifo_is_rejected_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # nobody ever writes to it: opening it would block forever
    write(tmp_path / "z.txt", STORY)
    items = list(read_raw([str(tmp_path)]))
    assert [(Path(i.source).name, getattr(i, "code", None)) for i in items] == [("pipe.txt", "E014"), ("z.txt", None)]
    assert isinstance(items[0], Rejection) and "not a regular file" in items[0].reason


def test_ingest_text_file_of_json_lines_is_read_as_json_lines(tmp_path: Path) -> None:
    lines = [{"id": "a1", "text": STORY}, {"id": "a2", "text": "Second story."}]
    path = write(tmp_path / "n.txt", "\n".join(json.dumps(x) for x in lines) + "\n")
    first, second = read_articles([path])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.input_id, second.input_id) == ("a1", "a2")


def test_ingest_text_file_opening_with_a_brace_stays_one_text(tmp_path: Path) -> None:
    path = write(tmp_path / "n.txt", "{Editor's note: updated.}\n" + STORY)
    (article,) = read_articles([path])
    assert isinstance(article, Article) and "Editor's note" in article.text


def test_ingest_text_file_with_a_brace_and_a_nul_is_one_rejection(tmp_path: Path) -> None:
    path = write(tmp_path / "n.txt", b"{\n\x00")
    (rejection,) = read_articles([path])
    assert isinstance(rejection, Rejection) and rejection.code == "E003"


# Session 45 (robust45): hostile inputs attacked with the real CLI; each failure found, fixed at its one place.

def test_ingest_directory_without_inputs_is_e018(tmp_path: Path) -> None:
    """A folder that holds no article file is a coded rejection, not a run that codes nothing in silence."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "images").mkdir()
    write(tmp_path / "images" / "a.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path / "images" / "b.csv", "a,b\n")
    items = list(read_raw([str(tmp_path / "empty"), str(tmp_path / "images")]))
    assert [(Path(i.source).name, getattr(i, "code", None)) for i in items] == [("empty", "E018"), ("images", "E018")]
    assert isinstance(items[0], Rejection) and "it is empty" in items[0].reason
    assert isinstance(items[1], Rejection) and "2 other or hidden file(s): .csv, .png" in items[1].reason


def test_ingest_nul_byte_anywhere_in_a_text_is_e003(tmp_path: Path) -> None:
    """A NUL byte past the first 8 KB was coded into the article; one in the first 8 KB was rejected."""
    path = write(tmp_path / "late.txt", STORY.encode() * 300 + b"\x00" + STORY.encode())
    (item,) = read_raw([path])
    assert isinstance(item, Rejection) and item.code == "E003" and f"a NUL byte at byte {len(STORY.encode()) * 300:,}" in item.reason


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_ingest_utf16_text_is_decoded_with_w001(tmp_path: Path, encoding: str, caplog: pytest.LogCaptureFixture) -> None:
    """UTF-16 text was "a binary file"; a whole text or HTML file in UTF-16 or UTF-32 is read, with a warning."""
    path = write(tmp_path / "u.txt", STORY.encode(encoding))
    (item,) = read_articles([path])
    assert isinstance(item, Article) and item.body.startswith("Ministers met on Tuesday.")
    assert "W001" in caplog.text and path in caplog.text


def test_ingest_utf16_json_lines_is_e002_naming_the_encoding(tmp_path: Path) -> None:
    path = write(tmp_path / "u.jsonl", _jsonl({"id": "a", "text": STORY}).encode("utf-16"))
    (item,) = read_raw([path])
    assert isinstance(item, Rejection) and item.code == "E002" and "UTF-16 text" in item.reason


def test_ingest_json_lines_decode_errors_name_the_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "g", "text": "Ministers met."}).encode()
    path = write(tmp_path / "b.jsonl", good + b"\n" + b'{"id": "b", "text": "caf\xe9"}\n' + good + b"\n")
    items = list(read_raw([path]))
    assert [getattr(i, "code", None) for i in items] == [None, "E002", None]
    assert isinstance(items[1], Rejection) and f"{path}:2: not valid UTF-8" in items[1].reason


def test_ingest_json_lines_name_json_kinds(tmp_path: Path) -> None:
    """Python's type names (int, str, NoneType) were shown; a null 'text' was "neither field"."""
    path = write(tmp_path / "k.jsonl", "[1]\n42\n\"s\"\nnull\ntrue\n" + _jsonl({"id": 1, "text": None}, {"id": 2, "text": 3.5}))
    reasons = [i.reason for i in read_raw([path]) if isinstance(i, Rejection)]
    kinds = ["a JSON array", "a JSON number", "a JSON string", "a JSON null", "a JSON boolean"]
    assert [kind in reason for kind, reason in zip(kinds, reasons)] == [True] * 5
    assert "'text' is null" in reasons[5] and "'text' is a JSON number" in reasons[6]


def test_ingest_broken_json_line_names_the_column(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", '{"id": "x", "text": "unterminated\n')
    (item,) = read_raw([path])
    assert isinstance(item, Rejection) and item.code == "E006" and "column 21" in item.reason


def _page(title: str, head: str = "", h1: str | None = "Kenya and Uganda sign a border accord") -> str:
    """An invented news page: a <title>, more of <head>, an <h1> and three paragraphs (walk48)."""
    paragraphs = "".join(f"<p>{p}</p>" for p in (
        "Kenya signed a border accord with Uganda on Monday after two days of talks in a lakeside town.",
        "The Ugandan president thanked Kenya for the talks and said the crossing would open within a month.",
        "Kenya's foreign minister praised Uganda on Tuesday and promised engineers to repair the road."))
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body><article>{heading}{paragraphs}"
            "</article></body></html>")


@pytest.mark.parametrize(("title", "head", "h1", "publication", "outlet"), [
    # the page's only site name is in its <title>, after the headline (walk47 left it: no publication, no outlet)
    ("Kenya and Uganda sign a border accord | The Lakeside Courier", "", "Kenya and Uganda sign a border accord",
     "The Lakeside Courier", "The Lakeside Courier"),
    ("Kenya and Uganda sign a border accord - The Lakeside Courier", "", "Kenya and Uganda sign a border accord",
     "The Lakeside Courier", "The Lakeside Courier"),
    ("Kenya and Uganda sign a border accord \u2014 Lakeside Courier", "", "Kenya and Uganda sign a border accord",
     "Lakeside Courier", "Lakeside Courier"),
    # the title's headline shorter than the page's (walk47's page)
    ("Kenya and Uganda sign border accord | The Lakeside Courier", "",
     "Kenya and Uganda sign border accord after weeks of tension", "The Lakeside Courier", "The Lakeside Courier"),
    # the headline confirmed by og:title when the page has no h1
    ("Kenya and Uganda sign a border accord | The Lakeside Courier",
     '<meta property="og:title" content="Kenya and Uganda sign a border accord">', None,
     "The Lakeside Courier", "The Lakeside Courier"),
    # a better source first: og:site_name, JSON-LD's publisher (trafilatura's sitename)
    ("Kenya and Uganda sign a border accord | Lakeside", '<meta property="og:site_name" content="The Lakeside Courier">',
     "Kenya and Uganda sign a border accord", "The Lakeside Courier", "The Lakeside Courier"),
    ("Kenya and Uganda sign a border accord",
     '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
     '"publisher": {"@type": "Organization", "name": "The Lakeside Courier"}}</script>',
     "Kenya and Uganda sign a border accord", "The Lakeside Courier", "The Lakeside Courier"),
    # the title's name before the URL's host name, trafilatura's last resort; the host alone stays the outlet only
    ("Kenya and Uganda sign a border accord | The Lakeside Courier",
     '<link rel="canonical" href="https://www.lakeside-courier.example/news/accord">',
     "Kenya and Uganda sign a border accord", "The Lakeside Courier", "The Lakeside Courier"),
    ("Kenya and Uganda sign a border accord", '<link rel="canonical" href="https://www.lakeside-courier.example/a">',
     "Kenya and Uganda sign a border accord", None, "lakeside-courier.example"),
    # no site name: a title that is the headline alone, a section before the headline, a colon, a headline's own
    # dash, a part that is a sentence or too long, a title the page does not confirm as its headline
    ("Kenya and Uganda sign a border accord", "", "Kenya and Uganda sign a border accord", None, None),
    ("World | Kenya and Uganda sign a border accord", "", "Kenya and Uganda sign a border accord", None, None),
    ("Kenya and Uganda sign a border accord: The Lakeside Courier", "", "Kenya and Uganda sign a border accord",
     None, None),
    ("Kenya - Uganda border accord signed", "", None, None, None),
    ("Kenya - Uganda border accord signed", "", "Kenya - Uganda border accord signed after talks", None, None),
    ("Kenya and Uganda sign a border accord | Read the full story here!", "", "Kenya and Uganda sign a border accord",
     None, None),
    # a part with a dot, trafilatura's sitename: a host name is one, a sentence is not (it stays trafilatura's outlet)
    ("Kenya and Uganda sign a border accord | lakeside-courier.example", "", "Kenya and Uganda sign a border accord",
     "lakeside-courier.example", "lakeside-courier.example"),
    ("Kenya and Uganda sign a border accord | Read the full story here.", "", "Kenya and Uganda sign a border accord",
     None, "Read the full story here."),
    ("Kenya and Uganda sign a border accord | the courier of the lakeside towns of east africa", "",
     "Kenya and Uganda sign a border accord", None, None),
    ("Kenya and Uganda sign a border accord | The Lakeside Courier", "", "Border accord signed", None, None),
])
def test_ingest_html_publication_from_the_pages_site_name(tmp_path: Path, title: str, head: str, h1: str | None,
                                                           publication: str | None, outlet: str | None) -> None:
    (article,) = read_articles([write(tmp_path / "page.html", _page(title, head, h1))])
    assert isinstance(article, Article)
    assert (article.parts.publication, article.outlet) == (publication, outlet)
    assert "Kenya signed a border accord" in article.body


def test_ingest_html_title_site_is_not_taken_from_a_record_or_a_text_file(tmp_path: Path) -> None:
    # the input's own outlet wins (a record's `source`), and only an HTML page's title is read for a site name
    record = {"id": "p1", "html": _page("Kenya and Uganda sign a border accord | The Lakeside Courier"),
              "source": "Courier Wire"}
    (article,) = read_articles([write(tmp_path / "p.jsonl", json.dumps(record) + "\n")])
    assert isinstance(article, Article)
    assert (article.parts.publication, article.outlet) == ("The Lakeside Courier", "Courier Wire")
    (text,) = read_articles([write(tmp_path / "t.txt", "Kenya and Uganda sign a border accord | The Lakeside "
                                   "Courier\n\n" + STORY)])
    assert isinstance(text, Article) and text.parts.publication is None
