"""The annotation drawing of `dateline serve` (no server needed): escaped text, overlapping marks."""

from __future__ import annotations

from dateline.serve.render import Mark, find, highlight


def test_serve_render_escapes_text_and_labels() -> None:
    text = 'A <script>x()</script> & <img src=x onerror="y()"> B'
    html = str(highlight(text, [Mark(0, 1, "actor", '<b>"X"</b>')]))
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;x()&lt;/script&gt; &amp; &lt;img src=x onerror=&#34;y()&#34;&gt;" in html
    assert '<span class="tag tag-actor">&lt;b&gt;&#34;X&#34;&lt;/b&gt;</span>' in html


def test_serve_render_overlapping_marks_cut_at_every_boundary() -> None:
    text = "Kim met Trump in Hanoi"
    marks = [Mark(0, 13, "quote"), Mark(0, 3, "actor", "PRKGOV"), Mark(4, 7, "trigger", "040")]
    html = str(highlight(text, marks))
    assert html.startswith('<mark class="m-actor m-quote" title="quote; actor">Kim<span class="tag tag-actor">PRKGOV')
    assert '<mark class="m-quote m-trigger" title="quote; trigger">met<span class="tag tag-trigger">040</span></mark>' in html
    assert html.endswith(" in Hanoi")
    # offsets relative to a paragraph that starts at 100
    assert str(highlight("Hanoi", [Mark(100, 105, "place")], base=100)) == '<mark class="m-place" title="place">Hanoi</mark>'


def test_serve_render_find_first_occurrence_only() -> None:
    assert find("a b a", "a", "source") == [Mark(0, 1, "source", None)]
    assert find("a b a", "c", "source") == [] and find("a b", None, "source") == []
