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
from typing import Any, NoReturn

import click

from . import __version__
from .budget import DEFAULT_PER_10K, MINIMUM_SECONDS, Budget
from .errors import EXIT_BELOW_FLOOR, EXIT_FATAL, EXIT_REJECTED, DatelineError, InputError
from .models import Rejection
from .nlp import load_nlp
from .ingest import read_articles
from .pipeline import Batch, code_paths
from .store import DEFAULT_DB, Store

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
    help="Parse in N processes on a local Dask cluster (default: in this process).",
)
scheduler_option = click.option(
    "--scheduler", metavar="ADDRESS",
    help="Parse on the Dask cluster at ADDRESS (tcp://HOST:8786); its workers need dateline installed.",
)
timeout_option = click.option(
    "--article-timeout", "per_10k", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_PER_10K,
    show_default=True, metavar="SECONDS",
    help=f"Time budget per 10,000 characters of an article (at least {MINIMUM_SECONDS:g} s per article); "
         "an article over it is rejected (E016) and the batch goes on.",
)
db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="The DuckDB database file."
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
@timeout_option
def extract(paths: tuple[str, ...], published: str | None, actors_file: str | None, fmt: str, per_10k: float) -> None:
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
        nlp = load_nlp(actors_file=actors_file)
        # One article per batch: a stream prints each article when it is done, not 32 at a time.
        batches = code_paths(paths, published=date, nlp=nlp, batch_size=1, budget=Budget(per_10k))
        for batch in _progress(batches, label="extract"):
            for line in batch.lines:
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
def ingest(paths: tuple[str, ...], db: str, published: str | None, actors_file: str | None, replace: bool,
           workers: int | None, scheduler: str | None, per_10k: float) -> None:
    """Code articles into the database. Running it twice on the same input changes nothing.

    Each batch is one transaction; rejected inputs go to the `rejected` table with their code.

    \b
    Example:
        dateline ingest article.txt --published 2019-01-19
        dateline ingest 'news/**/*.jsonl' --db events.duckdb
        dateline ingest 'news/**/*.jsonl' --db events.duckdb --workers 4
    """
    if workers and scheduler:
        raise click.UsageError("--workers starts a local cluster and --scheduler uses another: give one of them.")
    totals = _ingest(paths, db=db, published=parse_published(published), replace=replace, actors_file=actors_file,
                     workers=workers, scheduler=scheduler, budget=Budget(per_10k))
    click.echo(
        f"{db}: stored {totals['stored']} article(s), skipped {totals['skipped']} already stored, "
        f"rejected {totals['rejected']} input(s)."
    )
    if totals["rejected"]:
        sys.exit(EXIT_REJECTED)


def _ingest(paths: tuple[str, ...] | list[str], *, db: str, published: dt.date | None, replace: bool,
            actors_file: str | None = None, workers: int | None = None, scheduler: str | None = None,
            budget: Budget | None = None) -> dict[str, int]:
    totals = {"stored": 0, "skipped": 0, "rejected": 0}
    try:
        with contextlib.ExitStack() as stack:
            client = None
            if workers or scheduler:
                from .cluster import code_items_distributed, connect

                client = stack.enter_context(connect(workers=workers, scheduler=scheduler))
            store = stack.enter_context(Store(db))
            skip = None if replace else store.known_ids
            batches: Iterator[Batch]
            if client is not None:
                batches = code_items_distributed(read_articles(paths, published=published), client=client,
                                                 actors_file=actors_file, skip=skip, budget=budget)
            else:
                batches = code_paths(paths, published=published, skip=skip, nlp=load_nlp(actors_file=actors_file),
                                     budget=budget)
            for batch in _progress(batches, label="ingest"):
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
              help="Include negated, intended, hypothetical, reported and historical events.")
@click.option("--raw-csv", is_flag=True,
              help="CSV: write cells as stored. By default a cell starting with = + - @ (a formula to a "
                   "spreadsheet) gets a ' in front (OWASP's rule against CSV injection).")
def events(db: str, fmt: str, out: str | None, include_all: bool, raw_csv: bool) -> None:
    """Export events, one row each, with their article and sentence.

    By default only asserted, non-negated events: the ones to count.

    \b
    Example:
        dateline events --format csv --out events.csv
        dateline events --db events.duckdb --format parquet --out events.parquet
    """
    if fmt == "parquet" and not out:
        raise click.UsageError("--format parquet needs --out FILE (Parquet is binary).")
    try:
        with Store(db, read_only=True) as store:
            if out:
                n = store.export_events(out, fmt, include_all=include_all, raw_csv=raw_csv)
                click.echo(f"{out}: {n} event(s)", err=True)
                return
            columns, rows = store.events(include_all=include_all)
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


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--floors", type=click.Path(dir_okay=False), help="Fail (exit 4) if a score is below its floor in this JSON file.")
@click.option("--update-floors", is_flag=True, help="Raise the floors in --floors to the scores reached.")
@click.option("--allow-regression", is_flag=True, help="With --update-floors: allow a floor to go down.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_(gold: str, floors: str | None, update_floors: bool, allow_regression: bool, as_json: bool) -> None:
    """Score the event coder against a gold JSON Lines file.

    Each line: {"id", "text", "date", "expected": [{"source", "target", "code"}]}, codes CAMEO or
    PLOVER. Prints precision, recall and F1 for event type; type + source/target country; type +
    full actor codes; and the false positives on records that expect no event.

    \b
    Example:
        dateline eval ../shared/data/eventgold/plover_gsr_cameo_manual.jsonl --floors eval/floors.json
    """
    from .evaluate import check_floors, evaluate, format_report, update_floors as raise_floors
    from .pipeline import code_texts

    def coder(records: Any) -> list[list[dict[str, Any]]]:
        return code_texts([r.text for r in records], dates=[r.date for r in records])

    try:
        scores = evaluate(gold, coder)
        click.echo(json.dumps(scores.to_dict(), indent=2) if as_json else format_report(scores))
        if floors and update_floors:
            raise_floors(scores, floors, allow_regression=allow_regression)
            click.echo(f"{floors}: floors updated", err=True)
        elif floors:
            below = check_floors(scores, floors)
            if below:
                click.echo(f"Below the floors in {floors}: {', '.join(below)}", err=True)
                sys.exit(EXIT_BELOW_FLOOR)
            click.echo(f"All scores at or above the floors in {floors}.", err=True)
    except DatelineError as err:
        fail(err)


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
        with Store(db, read_only=True) as store:
            click.echo(summary(store, sources=paths, db=db))
    except DatelineError as err:
        fail(err)


def _register_subcommands() -> None:
    from .kb import kb_command

    cli.add_command(kb_command)


_register_subcommands()


def main() -> None:
    cli(prog_name="dateline")
