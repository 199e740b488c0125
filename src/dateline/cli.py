"""The ``dateline`` command: a thin front end over :mod:`dateline.pipeline` and :mod:`dateline.store`.

Commands validate their options, call the library and map its coded errors to exit codes (see
:mod:`dateline.errors`). No coding logic lives here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import click

from . import __version__
from .budget import DEFAULT_PER_10K, MAXIMUM_CHARS, MINIMUM_SECONDS, Budget
from .confidence import apply_min_confidence
from .errors import EXIT_BELOW_FLOOR, EXIT_FATAL, EXIT_REJECTED, DatelineError, GoldError, InputError, ModelError
from .models import Rejection
from .ingest import read_articles
from .cluster import code_items_local
from .nlp import BATCH_SIZE
from .pipeline import Batch
#: The database file of --db (dateline.store.DEFAULT_DB): the store, and DuckDB with it, is imported only by
#: the commands that open a database, not by `dateline extract` (0.06 s of its start).
DEFAULT_DB = "dateline.duckdb"

log = logging.getLogger("dateline")


class Failure(click.ClickException):
    """A coded dateline error, printed as ``Error: [E0xx] ...`` with exit code 1."""

    exit_code = EXIT_FATAL


def fail(err: DatelineError) -> NoReturn:
    raise Failure(str(err)) from err


def parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise Failure(str(InputError("E011", value=value))) from err


def _progress(batches: Iterator[Batch], *, label: str) -> Iterator[Batch]:
    """Show a progress bar on a terminal once a run takes more than a moment (so: many articles)."""
    from tqdm import tqdm

    bar = tqdm(desc=label, unit=" articles", disable=not sys.stderr.isatty(), delay=1.0, file=sys.stderr)
    try:
        for batch in batches:
            bar.update(len(batch))
            yield batch
    finally:
        bar.close()


def _report_rejections(rejections: list[Rejection]) -> None:
    for rej in rejections:
        click.echo(f"rejected [{rej.code}] {rej.reason}", err=True)


published_option = click.option(
    "--published", metavar="YYYY-MM-DD", help="Publication date for every input (else each record's own; else none)."
)
actors_option = click.option(
    "--actors", "actors_file", type=click.Path(exists=True, dir_okay=False),
    help="CSV or JSON file of actors that add to or override the knowledge base.",
)
workers_option = click.option(
    "--workers", type=click.IntRange(min=1), metavar="N",
    help="Parse in N processes on this machine (default: one per core; 1: in this process). "
         "Inputs under 64 articles stay in one process.",
)
scheduler_option = click.option(
    "--scheduler", metavar="ADDRESS",
    help="Parse on the Dask cluster at ADDRESS (tcp://HOST:8786); its workers need dateline installed.",
)
timeout_option = click.option(
    "--article-timeout", "per_10k", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_PER_10K,
    show_default=True, metavar="SECONDS",
    help=f"Time budget per 10,000 characters of an article (at least {MINIMUM_SECONDS:g} s per article; the "
         f"length counted stops at {MAXIMUM_CHARS:,} characters); "
         "an article over it is rejected (E016) and the batch goes on.",
)
db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="The DuckDB database file."
)
#: ``--min-confidence X``: keep only events whose confidence (dateline.confidence) is at least X.
min_confidence_option = click.option(
    "--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
    help="Keep only events whose confidence is at least this (0-1; see docs/output.md). Default: every counted event.",
)

#: dateline events, export and counts: reviews apply (dateline serve --allow-review), unless --raw.
reviewed_option = click.option(
    "--reviewed/--raw", default=True, show_default=True,
    help="Apply reviews (drop events marked wrong, use corrections) or give the coder's rows as stored.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """dateline: news articles in, political event data out.

    \b
    Example:
        dateline extract article.txt --published 2019-01-19
        dateline ingest news/ --db events.duckdb
        dateline events --db events.duckdb --format csv --out events.csv
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@published_option
@actors_option
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one indented object per article; jsonl: one line per article (and per input line).")
@workers_option
@timeout_option
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Print only events whose confidence is at least this (0-1; see docs/output.md); their `counted` "
                   "field still says which to count. Default: every event, counted or not.")
def extract(paths: tuple[str, ...], published: str | None, actors_file: str | None, fmt: str,
            workers: int | None, per_10k: float, min_confidence: float | None) -> None:
    """Print one JSON object per article: structure, actors, events, quotes.

    PATHS are .txt, .html or .jsonl files, directories, globs, or - for stdin.
    Nothing is stored. Rejected inputs are printed as {"id", "error"} objects. Each article is
    printed as soon as it (and every one before it) is coded.

    \b
    Example:
        dateline extract article.txt --published 2019-01-19
        dateline extract news.jsonl --format jsonl > coded.jsonl
    """
    date = parse_published(published)
    rejections: list[Rejection] = []
    try:
        # A stream: in one process each article is printed when it is done (batches of one), with
        # workers each worker's batch as soon as every input before it is printed.
        batches = code_items_local(read_articles(paths, published=date), workers=workers, actors_file=actors_file,
                                   batch_size=1, budget=Budget(per_10k))
        for batch in _progress(batches, label="extract"):
            for line in batch.lines:
                apply_min_confidence(line, min_confidence, drop=True)
                indent = 2 if fmt == "json" else None
                click.echo(json.dumps(line, ensure_ascii=False, indent=indent))
                sys.stdout.flush()
            rejections.extend(batch.rejections)
    except DatelineError as err:
        fail(err)
    _report_rejections(rejections)
    if rejections:
        sys.exit(EXIT_REJECTED)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@published_option
@actors_option
@click.option("--replace", is_flag=True, help="Recode articles that are already stored (default: skip them).")
@workers_option
@scheduler_option
@timeout_option
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Store every event, but count (the `counted` field) only those whose confidence is at least "
                   "this (default: the model's threshold); an event the learned act filter (evidence.act_filter) "
                   "or a rule gate (evidence.rules.gate) un-counted stays uncounted (dateline.confidence.is_counted).")
def ingest(paths: tuple[str, ...], db: str, published: str | None, actors_file: str | None, replace: bool,
           workers: int | None, scheduler: str | None, per_10k: float, min_confidence: float | None) -> None:
    """Code articles into the database. Running it twice on the same input changes nothing.

    Each batch is one transaction; rejected inputs go to the `rejected` table with their code.

    \b
    Example:
        dateline ingest article.txt --published 2019-01-19
        dateline ingest 'news/**/*.jsonl' --db events.duckdb
        dateline ingest 'news/**/*.jsonl' --db events.duckdb --workers 4
    """
    if workers and scheduler:
        raise click.UsageError("--workers parses on this machine and --scheduler on a Dask cluster: give one of them.")
    totals = _ingest(paths, db=db, published=parse_published(published), replace=replace, actors_file=actors_file,
                     workers=workers, scheduler=scheduler, budget=Budget(per_10k), min_confidence=min_confidence)
    click.echo(
        f"{db}: stored {totals['stored']} article(s), skipped {totals['skipped']} already stored, "
        f"rejected {totals['rejected']} input(s)."
    )
    if min_confidence is not None and totals["skipped"]:
        # --min-confidence sets `counted` as a record is stored: an article skipped as stored keeps its own (walk47)
        click.echo(f"--min-confidence {min_confidence:g} counted the events of the {totals['stored']} article(s) stored "
                   f"now; the {totals['skipped']} already stored keep the `counted` of their own ingest. Run again with "
                   f"--replace to recount them, or give --min-confidence to dateline events, export or counts.",
                   err=True)
    if totals["rejected"]:
        sys.exit(EXIT_REJECTED)


def _ingest(paths: tuple[str, ...] | list[str], *, db: str, published: dt.date | None, replace: bool,
            actors_file: str | None = None, workers: int | None = None, scheduler: str | None = None,
            budget: Budget | None = None, min_confidence: float | None = None) -> dict[str, int]:
    totals = {"stored": 0, "skipped": 0, "rejected": 0}
    try:
        with contextlib.ExitStack() as stack:
            client = None
            if scheduler:
                from .cluster import code_items_distributed, connect

                client = stack.enter_context(connect(scheduler=scheduler))
            from .store import SharedStore  # DuckDB is imported by the commands that open a database
            store = stack.enter_context(SharedStore(db))  # free between batches for `dateline serve`
            skip = None if replace else store.known_ids
            batches: Iterator[Batch]
            if client is not None:
                batches = code_items_distributed(read_articles(paths, published=published), client=client,
                                                 actors_file=actors_file, skip=skip, budget=budget)
            else:
                batches = code_items_local(read_articles(paths, published=published), workers=workers,
                                           actors_file=actors_file, skip=skip, budget=budget, group=BATCH_SIZE)
            for batch in _progress(batches, label="ingest"):
                for record in batch.records:
                    apply_min_confidence(record, min_confidence, drop=False)
                result = store.write(batch.records, batch.rejections, replace=replace)
                totals["stored"] += result.stored
                totals["skipped"] += result.skipped + len(batch.skipped)
                totals["rejected"] += result.rejected
                _report_rejections(batch.rejections)
    except DatelineError as err:
        fail(err)
    return totals


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Output file (required for parquet; default stdout).")
@click.option("--all", "include_all", is_flag=True,
              help="Every event: also negated, intended, hypothetical, reported and historical ones, and those "
                   "under the confidence threshold or un-counted by the act filter.")
@reviewed_option
@min_confidence_option
@click.option("--raw-csv", is_flag=True,
              help="CSV: write cells as stored. By default a cell starting with = + - @ (a formula to a "
                   "spreadsheet) gets a ' in front (OWASP's rule against CSV injection).")
def events(db: str, fmt: str, out: str | None, include_all: bool, reviewed: bool, min_confidence: float | None,
           raw_csv: bool) -> None:
    """Export events, one row each, with their article and sentence.

    By default only counted events (dateline.confidence.is_counted: asserted, not negated, not un-counted by
    the act filter or a rule gate, at or above the confidence threshold): the ones to count, with reviews applied.

    \b
    Example:
        dateline events --format csv --out events.csv
        dateline events --db events.duckdb --format parquet --out events.parquet --min-confidence 0.3
    """
    if fmt == "parquet" and not out:
        raise click.UsageError("--format parquet needs --out FILE (Parquet is binary).")
    try:
        from .store import Store  # DuckDB is imported by the commands that open a database
        with Store(db, read_only=True) as store:
            if out:
                n = store.export_events(out, fmt, include_all=include_all, reviewed=reviewed,
                                        min_confidence=min_confidence, raw_csv=raw_csv)
                click.echo(f"{out}: {n} event(s)", err=True)
                return
            columns, rows = store.events(include_all=include_all, reviewed=reviewed, min_confidence=min_confidence)
    except DatelineError as err:
        fail(err)
    _print_rows(columns, rows, fmt, raw_csv=raw_csv)


def _print_rows(columns: list[str], rows: list[tuple[Any, ...]], fmt: str, *, raw_csv: bool = False) -> None:
    import csv

    from .csvsafe import csv_rows

    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(csv_rows(rows, raw=raw_csv))
    else:
        for row in rows:
            click.echo(json.dumps(dict(zip(columns, row)), default=str, ensure_ascii=False))


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["gdelt", "icews", "polecat", "plover-json"]), required=True,
              help="gdelt: the GDELT 2.0 event table (tab-separated, no header); icews: ICEWS coded event data "
                   "(tab-separated, header); polecat: POLECAT's columns; plover-json: one PLOVER JSON object a line.")
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="Output file.")
@click.option("--mentions", is_flag=True,
              help="One row per event mention instead of per fused event (gdelt: the GDELT 2.0 mentions table).")
@click.option("--one-a-day", "daily", is_flag=True,
              help="Phoenix's convention: one mention per day, source, target and CAMEO code, instead of fused events.")
@min_confidence_option
@reviewed_option
def export(db: str, fmt: str, out: str, mentions: bool, daily: bool, min_confidence: float | None,
           reviewed: bool) -> None:
    """Export fused events in the field's standard formats, to load into existing scripts unchanged.

    One row per real-world act (fused from all its mentions), with GDELT's NumMentions, NumSources
    and NumArticles, the Goldstein scale value and QuadClass. Fields dateline cannot fill are empty.
    Reviews apply: a mention marked wrong is in no row and no count, a corrected one is fused as corrected.

    \b
    Example:
        dateline export --format gdelt --out events.gdelt.tsv
        dateline export --format gdelt --mentions --out mentions.gdelt.tsv
        dateline export --format icews --one-a-day --out events.icews.tsv
    """
    from .exports import export as write_export

    if mentions and daily:
        raise click.UsageError("--one-a-day already gives mention rows: give one of --mentions and --one-a-day.")
    try:
        from .store import Store  # DuckDB is imported by the commands that open a database
        with Store(db, must_exist=True) as store:  # not read-only: an older file gets its fused events
            stats: dict[str, int] = {}
            n = write_export(store, fmt, out, mentions=mentions, daily=daily, min_confidence=min_confidence,
                             stats=stats, reviewed=reviewed)
    except DatelineError as err:
        fail(err)
    click.echo(f"{out}: {n} row(s)", err=True)
    if stats.get("undated"):
        click.echo(f"{out}: {stats['undated']} of them have no date (no day in their text and no publication date), "
                   "so their date fields are empty; ingest with --published YYYY-MM-DD, or give JSON Lines records "
                   "a 'published' field, to date them.", err=True)


@cli.command()
@db_option
@click.option("--by", default="dyad,month", show_default=True, metavar="DIMS",
              help="Comma-separated: dyad, country, place, day, month, year, root, plover, quadclass.")
@click.option("--type", "type_", type=click.Choice(["quadclass", "root", "plover", "cameo", "none"]),
              default="quadclass", show_default=True, help="The event classification each count is split by.")
@click.option("--mentions", is_flag=True, help="Count event mentions instead of fused events.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Output file (default stdout).")
@reviewed_option
@min_confidence_option
def counts(db: str, by: str, type_: str, mentions: bool, fmt: str, out: str | None, reviewed: bool,
           min_confidence: float | None) -> None:
    """Count fused events (and their mentions) by dyad, country, place, time and event type: a tidy table.
    Reviews apply, as in dateline export. dateline serve's GET /api/aggregate serves the same table.
    With --min-confidence, of the mentions at or above it only, fused again (as dateline export).

    Country is the source actor's; place is the event's location country; time is the event's
    day when known, else its first report's.

    \b
    Example:
        dateline counts --by dyad,month --type quadclass
        dateline counts --by country,year --type plover --out counts.csv
    """
    from .exports import counts as count_rows, counts_text, dimensions

    try:
        dims = dimensions(by)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--by") from err
    try:
        from .store import Store  # DuckDB is imported by the commands that open a database
        with Store(db, must_exist=True) as store:
            columns, rows = count_rows(store, dims, type_, mentions=mentions, reviewed=reviewed,
                                       min_confidence=min_confidence)
    except DatelineError as err:
        fail(err)
    text = counts_text(columns, rows, fmt)
    if out:
        with open(out, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        click.echo(f"{out}: {len(rows)} row(s)", err=True)
    else:
        click.echo(text, nl=False)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False), required=False)
@click.option("--reviews", is_flag=True,
              help="Instead of GOLD: precision per CAMEO root, rule and confidence band from the reviews in --db.")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="With --reviews: the database whose reviews to score.")
@click.option("--floors", type=click.Path(dir_okay=False), help="Fail (exit 4) if a score is below its floor in this JSON file.")
@click.option("--update-floors", is_flag=True, help="Raise the floors in --floors to the scores reached.")
@click.option("--allow-regression", is_flag=True, help="With --update-floors: allow a floor to go down.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--news", "news_dir", type=click.Path(file_okay=False), default="../shared/data/news", show_default=True,
              help="Labelled real news: the folder of the corpora the labels point into.")
@click.option("--split", type=click.Choice(["train", "dev", "test", "fresh", "all"]), default="dev", show_default=True,
              help="Labelled real news: which split to score (test and fresh are locked: aggregate numbers only).")
@click.option("--errors", "errors_out", type=click.Path(dir_okay=False),
              help="Labelled real news: write each wrong counted event with its label as JSON Lines (not for test or fresh).")
@click.option("--by-rule", is_flag=True,
              help="Labelled real news: also print each rule's count and precision among counted events (not for test or fresh).")
@click.option("--by-corpus", is_flag=True,
              help="Labelled real news: also print the scores of each corpus's articles (AllSides, BBC, Reuters; not for "
                   "test or fresh).")
def eval_(gold: str | None, reviews: bool, db: str, floors: str | None, update_floors: bool, allow_regression: bool,
          as_json: bool, news_dir: str, split: str, errors_out: str | None, by_rule: bool, by_corpus: bool) -> None:
    """Score the event coder against a gold JSON Lines file, against labelled real news, or from reviews.

    Gold sentences, one per line: {"id", "text", "date", "expected": [{"source", "target", "code"}]},
    codes CAMEO or PLOVER. Prints precision, recall and F1 for event type; type + source/target
    country; type + full actor codes; and the false positives on records that expect no event.

    Labelled real news (eval/news/labels.jsonl, docs/annotation.md): re-codes the labelled
    articles of --split and prints the precision of counted events (a real act, root and countries
    right), the share that are real acts, field accuracy, recall on the articles whose every act was
    listed (and at any confidence: before the default threshold of `counted`), their F1, and a strict
    precision and F1 that count the counted events with no label on those articles as wrong. Floors
    for it are keys news_<split>_precision / _recall / _strict_f1 / _expected_kept /
    _forbidden_dropped / _reach_recall / _reach_expected_kept, and news_<split>_allsides_abp_strict_f1
    (the AllSides articles' own: a change may not buy the totals with a loss on modern news).

    With --reviews (and no GOLD): precision as the reviewers of `dateline serve` judged it.

    \b
    Example:
        dateline eval ../shared/data/eventgold/plover_gsr_cameo_manual.jsonl --floors eval/floors.json
        dateline eval eval/news/labels.jsonl --split dev --floors eval/floors_news.json
        dateline eval --reviews --db events.duckdb
    """
    from .evaluate import check_floors, evaluate, format_report, update_floors as raise_floors
    from .newseval import is_news_labels

    if reviews:
        if gold:
            raise click.UsageError("--reviews scores the reviews in --db: give no GOLD file with it.")
        from .evaluate import format_review_precision, review_precision

        try:
            from .store import Store  # DuckDB is imported by the commands that open a database
            with Store(db, read_only=True) as store:
                report = review_precision(store.con)
        except DatelineError as err:
            fail(err)
        click.echo(json.dumps(report, indent=2) if as_json else format_review_precision(report))
        return
    if not gold:
        raise click.UsageError("Give a GOLD file, or --reviews --db FILE.")
    from .pipeline import code_texts

    if Path(gold).exists() and is_news_labels(gold):
        _eval_news(gold, news_dir, split, errors_out, floors, update_floors, allow_regression, as_json, by_rule,
                   by_corpus)
        return

    def coder(records: Any) -> list[list[dict[str, Any]]]:
        return code_texts([r.text for r in records], dates=[r.date for r in records])

    try:
        scores = evaluate(gold, coder)
        click.echo(json.dumps(scores.to_dict(), indent=2) if as_json else format_report(scores))
        _apply_floors(floors, update_floors,
                      lambda path: raise_floors(scores, path, allow_regression=allow_regression),
                      lambda path: check_floors(scores, path))
    except DatelineError as err:
        fail(err)


def _apply_floors(floors: str | None, update: bool, raise_: Any, check: Any) -> None:
    """``--floors``: raise them (``--update-floors``), or exit 4 naming the scores below them."""
    if floors and update:
        raise_(floors)
        click.echo(f"{floors}: floors updated", err=True)
    elif floors:
        below = check(floors)
        if below:
            click.echo(f"Below the floors in {floors}: {', '.join(below)}", err=True)
            sys.exit(EXIT_BELOW_FLOOR)
        click.echo(f"All scores at or above the floors in {floors}.", err=True)


@cli.command()
@click.argument("labels", type=click.Path(exists=True, dir_okay=False), default="eval/news/labels.jsonl")
@click.option("--news", "news_dir", type=click.Path(file_okay=False), default="../shared/data/news", show_default=True,
              help="The folder of the corpora the labels point into.")
@click.option("--out", type=click.Path(dir_okay=False), default="src/dateline/data/confidence/model.json",
              show_default=True, help="Where to write the model (the package's own model by default).")
@click.option("--exclude-rounds", default=None, help="Comma-separated train labelling rounds left out (a blind set; "
              "default: those blind_rounds.json beside the labels names, '' for none).")
@click.option("--no-learned", is_flag=True, help="No second stage over the learned side chooser's and root "
              "correction's probabilities.")
@click.option("--force", is_flag=True, help="Overwrite a cross-fitted model (one `make train` wrote) all the same.")
@click.option("--threshold-only", is_flag=True, help="Do not fit: choose the default threshold of the model at --out "
              "again on dev (after the dev labels changed) and write it into that file.")
def train(labels: str, news_dir: str, out: str, exclude_rounds: str | None, no_learned: bool, force: bool,
          threshold_only: bool) -> None:
    """Train the confidence model from labelled real news (needs scikit-learn: pip install 'dateline[train]').

    Fits on the train split (less the blind rounds, blind_rounds.json beside the labels), then a second
    stage over the learned side chooser's and root correction's probabilities on the train rounds neither
    was fitted on (their model.json's meta.fitted_rounds), calibrates on dev, picks the threshold of
    `counted` on dev (the lowest reaching precision 0.80 if that keeps a quarter of the counted events,
    else the one of 0, 0.05 ... 0.6 with the best dev strict F1), and prints the dev reliability table
    and expected calibration error. --threshold-only chooses the threshold of the model at --out again,
    without fitting (after the dev labels changed).

    Alone it writes a first-stage model: the shipped components are fitted on every train round, which
    leaves no row for the second stage. The shipped model comes from `make train` (tools/crossfit_train.py,
    the second stage on cross-fitted rows); this command refuses to overwrite such a model without --force.

    \b
    Example:
        dateline train eval/news/labels.jsonl --news ../shared/data/news --out build/confidence_model.json
    """
    from .train import train as run_training

    if threshold_only:
        from .train import choose_default_threshold

        try:
            dev = choose_default_threshold(out, labels, news_dir)
        except ImportError as err:
            fail(ModelError("E311", detail=str(err)))
        except DatelineError as err:
            fail(err)
        _echo_threshold(dev)
        return
    if not force and _crossfitted(out):
        fail(ModelError("E312", path=out))
    rounds = None if exclude_rounds is None else tuple(int(r) for r in exclude_rounds.split(",") if r.strip())
    try:
        report = run_training(labels, news_dir, out, learned=not no_learned, exclude_rounds=rounds)
    except ImportError as err:
        fail(ModelError("E311", detail=str(err)))
    except DatelineError as err:
        fail(err)
    dev = report["dev"]
    click.echo(f"{out}: trained on {report['labels']['train_events']} events of {report['labels']['train_articles']} "
               f"articles (labels {report['labels']['sha1']}), calibrated on {report['labels']['dev_events']} dev events")
    stage = report["stage"]
    if stage.get("fitted"):
        click.echo(f"second stage: fitted on {stage['events']} events of {stage['articles']} train articles (rounds "
                   f"{stage['rounds']}, unseen by the learned components), C {stage['c']}: base {stage['base']:+.2f}, "
                   + ", ".join(f"{k} {w:+.2f}" for k, w in stage["weights"].items()))
    else:
        click.echo("second stage: not fitted" + (f" ({stage['why_not']})" if stage.get("why_not") else ""))
    for name, key in (("first stage", "cross_fitted_first_stage"), ("model", "cross_fitted")):
        if key in dev:
            x = dev[key]
            click.echo(f"dev, calibration cross-fitted by article, {name}: counted AP {x['counted_ap']}, "
                       + ", ".join(f"{cut}: {x[f'at_{cut}']['precision']} / {x[f'at_{cut}']['share']:.0%}" for cut in (0.3, 0.5, 0.7))
                       + f", 0.80 point: {x['point_080']['precision']} / {x['point_080']['share']:.1%} at "
                       f"{x['point_080']['threshold']}, ECE {x['ece']}")
    click.echo(f"dev: expected calibration error {dev['ece']:.3f} in sample, {dev['ece_cross_fitted']:.3f} cross-fitted "
               f"by article (uncalibrated {dev['ece_uncalibrated']:.3f})")
    _echo_threshold(dev)
    click.echo("min confidence   asserted kept   precision (judged)")
    for row in dev["by_min_confidence"]:
        click.echo(f"{row['min_confidence']:>14.2f}  {row['counted_kept']:>14}  {row['precision']}")
    click.echo("confidence   events   right")
    for row in dev["reliability"]:
        click.echo(f"{row['bin']:>10}  {row['events']:>7}  {row['right']:.3f} (mean confidence {row['mean_confidence']:.3f})")


def _echo_threshold(dev: dict[str, Any]) -> None:
    """How `dateline train` chose the default threshold, with the dev rows behind it."""
    click.echo(f"dev: precision {dev['target_precision']:.2f} is reached at confidence {dev['target_threshold']:.3f} "
               f"keeping {dev['counted_kept_at_threshold']:.0%} of asserted events; default threshold "
               f"{dev['threshold']:.3f} ({dev.get('threshold_rule', 'target precision')})")
    if dev.get("by_min_confidence_scored"):
        click.echo("min confidence   counted   right   strict precision   recall   strict F1")
        for row in dev["by_min_confidence_scored"]:
            click.echo(f"{row['min_confidence']:>14.2f}  {row['counted']:>8}  {row['right']:>6}  "
                       f"{row['strict_precision']:>16.4f}  {row['recall']:>7.4f}  {row['strict_f1']:>9.4f}")


def _crossfitted(path: str) -> bool:
    """True when the model file at ``path`` has a second stage fitted on cross-fitted rows (``make train``)."""
    try:
        meta = json.loads(Path(path).read_text(encoding="utf-8")).get("meta") or {}
    except (OSError, ValueError):
        return False
    fitted_on = (meta.get("stage") or {}).get("components_fitted_on_rounds") or {}
    return isinstance(fitted_on, dict) and "crossfit" in fitted_on


def _eval_news(labels: str, news_dir: str, split: str, errors_out: str | None, floors: str | None,
               update_floors: bool, allow_regression: bool, as_json: bool, by_rule: bool = False,
               by_corpus: bool = False) -> None:
    """``dateline eval`` on labelled real news (see :mod:`dateline.newseval`)."""
    from .newseval import (LOCKED, check_news_floors, evaluate_news, format_by_corpus, format_by_rule, format_news_report,
                           raise_news_floors)

    try:
        if (errors_out or by_rule or by_corpus) and split in LOCKED:
            raise GoldError("E310", split=split)
        errors: list[dict[str, Any]] | None = [] if errors_out else None
        # the floors of a corpus's own (newseval.FLOORED_CORPORA) need the scores by corpus
        corpora: dict[str, Any] | None = {} if by_corpus or floors else None
        scores = evaluate_news(labels, news_dir, split, errors, by_corpus=corpora)
        if as_json:
            out = scores.to_dict()
            if not by_rule or split in LOCKED:
                out.pop("by_rule", None)
            if by_corpus and corpora is not None:
                out["by_corpus"] = {c: {k: v for k, v in s.to_dict().items() if k not in ("by_rule", "per_article")}
                                    | {"strict_f1": round(s.strict_f1, 4)} for c, s in corpora.items()}
            click.echo(json.dumps(out, indent=2))
        else:
            click.echo(format_news_report(scores))
            if by_rule:
                click.echo(format_by_rule(scores))
            if by_corpus and corpora is not None:
                click.echo(format_by_corpus(corpora))
        if errors_out and errors is not None:
            Path(errors_out).write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors),
                                        encoding="utf-8")
        _apply_floors(floors, update_floors,
                      lambda path: raise_news_floors(scores, path, allow_regression=allow_regression, by_corpus=corpora),
                      lambda path: check_news_floors(scores, path, corpora))
    except DatelineError as err:
        fail(err)


@cli.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(dir_okay=False))
@db_option
def merge(shards: tuple[str, ...], db: str) -> None:
    """Merge dateline database files (the shards of a parallel ingest) into --db, then fuse again.

    Articles already in --db are skipped, so merging is idempotent; see docs/scale.md.

    \b
    Example:
        dateline merge shard-*.duckdb --db events.duckdb
    """
    try:
        from .store import Store  # DuckDB is imported by the commands that open a database
        with Store(db) as store:
            for shard in shards:
                added = store.merge_from(shard)
                click.echo(f"{shard}: {added} article(s) added to {db}", err=True)
            counts = store.counts()
    except DatelineError as err:
        fail(err)
    click.echo(f"{db}: {counts['articles']} article(s), {counts['events']} events ({counts['events_counted']} counted)")


@cli.command()
@db_option
def demo(db: str) -> None:
    """Code the bundled sample article(s) into the database and show what came out.

    \b
    Example:
        dateline demo --db dateline.duckdb
    """
    from .report import summary

    samples = resources.files("dateline").joinpath("samples")
    index = json.loads(samples.joinpath("index.json").read_text(encoding="utf-8"))
    paths = []
    for entry in index:
        path = str(samples.joinpath(entry["file"]))
        paths.append(path)
        _ingest([path], db=db, published=parse_published(entry.get("published")), replace=True)
    click.echo(f"Coded {len(paths)} sample article(s) into {db}.\n")
    try:
        from .store import Store  # DuckDB is imported by the commands that open a database
        with Store(db, read_only=True) as store:
            click.echo(summary(store, sources=paths, db=db))
    except DatelineError as err:
        fail(err)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="The DuckDB database file.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 exposes it to the network (put a reverse proxy in front).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port (0: any free one).")
@click.option("--allow-review", is_flag=True,
              help="Let reviewers mark events right or wrong and correct them; prints the token they sign in with.")
def serve(db: str, host: str, port: int, allow_review: bool) -> None:
    """Browse, check and correct the events in a web app with a JSON/CSV/Parquet API.

    Read-only on the database unless --allow-review. `dateline ingest` may add articles to the same
    database while it runs. Pages: /, /events, /articles/ID, /timeline, /dyads, /map, /actors/CODE;
    API under /api, described at /openapi.json. See docs/serve.md.

    \b
    Example:
        dateline serve --db dateline.duckdb
        dateline serve --db events.duckdb --allow-review --port 8080
    """
    import uvicorn

    from .serve import create_app
    from .serve.app import new_token

    token = new_token() if allow_review else None
    try:
        app = create_app(db, token=token)
    except DatelineError as err:
        fail(err)
    import socket

    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        # listen before the address is printed: a client that connects as soon as it reads it is
        # queued, not refused, while uvicorn starts (a loaded machine takes seconds)
        sock.listen(2048)
    except OSError as err:
        raise Failure(f"cannot listen on {host}:{port} ({err}). Is the port taken? Pass another --port.") from err
    bound = sock.getsockname()[1]
    click.echo(f"dateline serve: http://{host}:{bound}/ on {db} "
               f"({'reviews allowed' if token else 'read-only'}); Ctrl-C stops it.", err=True)
    if token:
        click.echo(f"review token: {token}", err=True)
    # keep-alive well above the default 5 s: under load, a request that arrives as an idle connection
    # times out would be dropped (the load test saw it); a reverse proxy may pool connections longer
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_keep_alive=30)
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run(sockets=[sock])


@click.group(name="reviews")
def reviews_command() -> None:
    """Reviews recorded with `dateline serve --allow-review`.

    Example: dateline reviews export --db events.duckdb --out labels.jsonl
    """


@reviews_command.command(name="export")
@db_option
@click.option("--out", type=click.Path(dir_okay=False), help="Output JSON Lines file (default stdout).")
def reviews_export(db: str, out: str | None) -> None:
    """Write the latest review of each event as labels: one JSON line per event.

    Each line: {"event_id", "label" (1 right, 0 wrong or corrected), "verdict", the event's columns as
    coded, and the corrections}: the labelled examples a confidence model trains on.

    \b
    Example:
        dateline reviews export --db events.duckdb --out labels.jsonl
    """
    from .store import review_labels

    try:
        from .store import Store  # DuckDB is imported by the commands that open a database
        with Store(db, read_only=True) as store:
            labels = review_labels(store.con)
    except DatelineError as err:
        fail(err)
    lines = [json.dumps(label, ensure_ascii=False, default=str) for label in labels]
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.writelines(line + "\n" for line in lines)
        click.echo(f"{out}: {len(lines)} label(s)", err=True)
    else:
        for line in lines:
            click.echo(line)


def _register_subcommands() -> None:
    from .kb import kb_command

    cli.add_command(kb_command)
    cli.add_command(reviews_command)


_register_subcommands()


def main() -> None:
    cli(prog_name="dateline")
