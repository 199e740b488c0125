"""Readable summaries of what is in a store, for ``dateline demo`` and the terminal."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

from .confidence import uncounted_by
from .store import COUNTED, Store, stored_event_evidence


def _shorten(text: str | None, width: int = 90) -> str:
    return "-" if not text else textwrap.shorten(" ".join(text.split()), width=width, placeholder=" ...")


def summary(store: Store, *, sources: Sequence[str], db: str) -> str:
    """Structure, actors, events and quotes of the articles read from ``sources``, with counts."""
    con = store.con
    rows = con.execute(
        """SELECT id, publication, headline, deck, byline, dateline, published, captions, pull_quotes, removed,
                  length(body), (SELECT count(*) FROM sentences s WHERE s.article_id = a.id)
           FROM articles a WHERE list_contains(?, source) ORDER BY source""",
        [list(sources)],
    ).fetchall()
    out: list[str] = []
    for (aid, publication, headline, deck, byline, dateline, published, captions, pulls, removed,
         body_len, n_sents) in rows:
        captions, pulls, removed = json.loads(captions), json.loads(pulls), json.loads(removed)
        out += [
            f"Article {aid}",
            "  Structure",
            f"    publication  {publication or '-'}",
            f"    headline     {_shorten(headline)}",
            f"    deck         {_shorten(deck)}",
            f"    byline       {byline or '-'}",
            f"    dateline     {dateline or '-'}",
            f"    published    {published or '-'}",
            f"    body         {body_len} characters, {n_sents} sentences",
            f"    captions     {len(captions)}" + "".join(
                f"\n                 {_shorten(c['text'], 70)} (credit: {c['credit'] or '-'})" for c in captions),
            f"    pull quotes  {len(pulls)}" + "".join(
                f"\n                 {_shorten(p['text'], 70)} ({p['attribution'] or '-'})" for p in pulls),
            f"    removed      {len(removed)}: " + (", ".join(sorted({r['kind'] for r in removed})) or "-"),
        ]
        actors = con.execute(
            "SELECT name, entity_type, code, country, sector, n_mentions FROM actors WHERE article_id = ? "
            "ORDER BY n_mentions DESC, name", [aid]).fetchall()
        out.append(f"  Actors ({len(actors)})")
        for name, etype, code, country, sector, n in actors[:12]:
            coded = code or "uncoded"
            out.append(f"    {name:<32} {etype or '':<7} {coded:<10} mentions: {n}")
        if len(actors) > 12:
            out.append(f"    ... and {len(actors) - 12} more")
        events = con.execute(
            f"SELECT cameo, plover_event, source_code, target_code, trigger, date_value, location_name, negated, "
            f"modality, evidence, ({COUNTED}) FROM events WHERE article_id = ? ORDER BY idx", [aid]).fetchall()
        counted = sum(1 for e in events if e[-1])
        out.append(f"  Events ({len(events)}, {counted} counted; CAMEO, PLOVER, source -> target, trigger, date, place)")
        for cameo, plover, src, tgt, trigger, date, place, negated, modality, evidence, is_counted in events[:15]:
            flag = "negated" if negated else modality
            if flag == "asserted" and not is_counted:  # the act filter, a rule gate or the confidence left it out
                why = uncounted_by({"modality": modality, "evidence": stored_event_evidence(evidence)})
                flag += f", not counted: {why}"
            out.append(f"    {cameo:<5} {plover or '-':<9} {src or '-':>9} -> {tgt or '-':<9} "
                       f"{trigger or '':<12} {date or '-':<10} {(place or '-')[:12]:<12} {flag}")
        if len(events) > 15:
            out.append(f"    ... and {len(events) - 15} more")
        quotes = con.execute(
            "SELECT text, kind, speaker_text, pull_quote FROM quotes WHERE article_id = ? ORDER BY idx",
            [aid]).fetchall()
        out.append(f"  Quotes ({len(quotes)})")
        for text, kind, speaker, pull in quotes[:10]:
            out.append(f"    {kind:<9} {speaker or '(no speaker)':<24} {_shorten(text, 60)}"
                       + ("  [pull quote]" if pull else ""))
        out.append("")
    counts = store.counts()
    out += [
        f"The database {db} now holds {counts['articles']} article(s), {counts['sentences']} sentences, "
        f"{counts['actors']} actors, {counts['events']} events ({counts['events_counted']} counted), "
        f"{counts['quotes']} quotes and {counts['rejected']} rejected input(s).",
        "",
        "Try next:",
        "  .venv/bin/dateline extract src/dateline/samples/*.txt --published 2025-03-14  # the JSON record",
        f"  .venv/bin/dateline events --db {db} --format csv --all                # events as CSV",
        "  .venv/bin/dateline ingest YOUR_FOLDER_OR_FILE --db my.duckdb                  # your own news",
        f"  .venv/bin/python -c \"import duckdb; con = duckdb.connect('{db}'); con.sql('FROM actors').show()\"  # SQL",
    ]
    return "\n".join(out)
