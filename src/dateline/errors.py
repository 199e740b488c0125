"""The one catalogue of dateline's coded errors and warnings.

Every message names what it is about (a file, a record, a database) and says what to do. Errors are
raised as subclasses of the standard exception types, so callers may catch ``ValueError`` or
``OSError`` as usual, and the code travels with them into logs, the ``rejected`` table and the CLI.

Exit codes of the ``dateline`` command (documented in docs/cli.md):

====  ==========================================================================
0     success
1     a fatal error: nothing (more) could be done, the message says why
2     usage error: a bad option or argument (click's convention)
3     finished, but some inputs were rejected (they are listed and stored)
4     ``dateline eval --floors``: a score fell below its floor
====  ==========================================================================
"""

from __future__ import annotations

from typing import Any

EXIT_OK = 0
EXIT_FATAL = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3
EXIT_BELOW_FLOOR = 4


class Errors:
    """Message templates by code. ``E0xx`` inputs, ``E1xx`` NLP, ``E2xx`` store, ``E3xx`` eval."""

    # Inputs: each names the file (and record) and says what to do.
    E001 = "{source}: no such file or directory. Check the path, or quote a glob so the shell does not expand it."
    E002 = "{source}: not valid UTF-8 text ({detail}). Re-save it as UTF-8, or convert it with `iconv -f ENCODING -t UTF-8 FILE`, ENCODING being the one it was saved in (WINDOWS-1252, UTF-16, ...)."
    E003 = "{source}: looks like a binary file ({detail}), not text, HTML or JSON Lines. Pass only .txt, .html or .jsonl files."
    E004 = "{source}: no article text (the input is empty or only white space). Remove it from the batch or fill it."
    E005 = "{source}: {size:,} bytes is over the limit of {limit:,} for one article. Split it into articles (JSON Lines: one per line) under the limit."
    E006 = "{source}: line {record} is not valid JSON ({detail}). Fix that line; the other lines were read."
    E007 = "{source}: line {record} has no article text: {detail}. Every JSON Lines record needs a non-empty string in 'text' or 'html'."
    E008 = "{source}: line {record} field '{field}' is {value!r}, not a date. Use YYYY-MM-DD (or drop the field)."
    E009 = "{source}: no main text could be extracted from the HTML. Pass the page's text instead, or check it is an article."
    E010 = "{source}: line {record} is a JSON {kind}, not an object. Each line must be one JSON object."
    E011 = "--published {value!r} is not a date. Use YYYY-MM-DD, e.g. --published 2019-01-19."
    E012 = "{source}: could not be processed ({detail}). The rest of the batch went on; please report this with the file."
    E018 = "{source}: a directory with no .txt, .html or .jsonl file in it ({detail}). Pass a folder of articles (compressed or not), or name the files."
    E014 = "{source}: cannot be read ({detail}). Check its permissions (`ls -ld`), or leave it out of the batch; the rest of the batch went on."
    E015 = "{source}: is a symbolic link that loops back on itself. Point it at a real file, or remove it."
    E016 = "{source}: took longer than its time budget of {budget:.1f} s (--article-timeout {per_10k:g} s per 10,000 characters, {size:,} characters). It was abandoned and the batch went on; raise --article-timeout, or check the text is an article."
    E017 = "{source}: could not be decompressed ({detail}). dateline reads .gz, .bz2 and .xz files; {hint}."
    E013 = "{source}: its batch was lost with its worker process, local or Dask ({detail}). Nothing stored was touched; run the same command again and only the missing articles are coded."

    # NLP
    E101 = "The spaCy model package '{package}' is not installed. Run `make demo` (or `pip install {requirement}`); dateline never downloads models at run time."
    E102 = "Pipeline stage '{name}' is not registered. Known stages: {known}."
    E103 = "Could not start or reach the Dask cluster ({detail}). Check the --scheduler address (tcp://HOST:8786), or leave --scheduler out to parse on this machine's cores (--workers N)."

    # Store
    E201 = "{db}: the database has schema version {found}, newer than this dateline ({supported}). Upgrade dateline, or use a new --db file."
    E202 = "{db}: could not open the database ({detail}). Is another process writing to it? Close it or use another --db file."
    E203 = "{db}: no such database. Run `dateline ingest PATH --db {db}` first."
    E204 = "{db}: the database is not a dateline store (no 'meta' table). Pass the right --db file."
    E206 = "{db}: cannot create or write the database ({detail}). Check that its folder exists and that you may write the folder and the file (`ls -ld`), or pass --db a path in a folder you can write to."
    E205 = "Review of event {event_id!r} refused: {detail}. Check the event id (GET /api/events/ID) and the fields."

    # Serve (issue 12): the HTTP API answers these as {"error": {"code", "message", "status"}}
    E801 = "Bad request parameter(s): {detail}. See /openapi.json for each parameter's type and allowed values."
    E802 = "No {kind} {key!r} in {db}. Check the id; lists are at /api/{kind}s."
    E803 = "Reviews are read-only on this server. Restart it with `dateline serve --allow-review` to record reviews."
    E804 = "Missing or wrong review token. Use the token `dateline serve --allow-review` printed at start (Authorization: Bearer TOKEN)."
    E805 = "The form's CSRF token is missing or stale. Reload the page and submit again."
    E806 = "{db}: the database stayed busy (another process is writing to it). Try again in a moment."
    E807 = "No page {path!r}. The pages are /, /events, /articles/ID, /timeline, /dyads, /map, /actors/CODE; the API is under /api (see /openapi.json)."
    E808 = "Cross-origin request refused: a page of {origin} may not change this server's data. Submit the form from the server's own pages, or send a script's request without an Origin header (curl, httpx)."
    E809 = "{db}: the database cannot be read ({detail}). It was deleted, moved or replaced since `dateline serve` started: put it back, or restart the server on the new file."
    E810 = "Internal error ({detail}); the server logged it and goes on answering. Report it with the request that caused it."

    # Eval
    E301 = "{source}: line {record} is not a gold record ({detail}). Each needs 'id', 'text' and 'expected' [{{source, target, code}}]."
    E302 = "{source}: unknown event code {event_code!r} on line {record}. Use a CAMEO code such as '036' or a PLOVER type such as 'CONSULT'."
    E303 = "{floors}: the new scores would lower the floor(s) {names}. Floors only rise; pass --allow-regression to lower them on purpose."
    E304 = "{source}: CAMEO code {event_code!r} on line {record} has no PLOVER event type (PLOVER does not code CAMEO 01 statements). Give the event a PLOVER type, or drop it."
    E305 = "{floors}: not a usable floors file ({detail}). It must be JSON like {{\"gold\": \"GOLD.jsonl\", \"metrics\": {{\"type_f1\": 0.0, ...}}, \"max_no_event_fp_rate\": 1.0}}; see eval/README.md."
    E306 = "{floors}: the floors were set on gold {expected!r}, but these scores come from {found!r}. Evaluate on the same gold file, or use a floors file made for it."
    E307 = "{source}: the labelled articles list is missing or empty. A labels file (eval/news/labels.jsonl) needs its articles.jsonl beside it."
    E308 = "{source}: no such corpus file. The labels point into news corpora: pass their folder with --news DIR (in a development checkout, ../shared/data/news)."
    E309 = "{source}: the corpus record is missing or its text has changed since it was labelled (SHA-1 check). Use the corpus the labels were made on."
    E310 = "--split {split}: this split is locked (test is scored once per release, fresh once per session) for the aggregate numbers only; per-event and per-part output (--errors, --by-rule, --by-corpus) is refused."
    E311 = "dateline train needs scikit-learn ({detail}). Install it with `pip install 'dateline[train]'` (make train does)."
    E312 = "{path}: this confidence model's second stage was fitted on cross-fitted rows (`make train`, tools/crossfit_train.py); dateline train alone would replace it with a first-stage model. Write elsewhere with --out, run `make train`, or pass --force."
    E313 = "{path}: the act filter's model reads feature sets this dateline does not compute ({detail}). Its other weights would score without them: upgrade dateline, or refit the model with `make train-learned`."

    # Quotes
    E701 = "{name}: line {line} of the quote cue data lacks {columns}. Fix the row (tab-separated, with a header row)."

    # Events (issue 4)
    E501 = "The event lexicon file '{file}' could not be read ({detail}). Reinstall dateline; the lexicon ships in dateline/data/lexicon."
    E502 = "The event lexicon file '{file}' is malformed at line {line} ({detail}). Rebuild it with tools/build_lexicon.py or fix the row."

    # Actors knowledge base
    E401 = "{source}: cannot read the actors file ({detail}). Give a UTF-8 CSV with a header row, or a JSON list of objects; see `dateline kb --help`."
    E402 = "{where}: no {missing}. Each actor needs a name and a code such as USAGOV (or country and sector columns)."
    E403 = "{where}: {value!r} is not a date. Use YYYY-MM-DD, YYYY-MM or YYYY, or leave it empty."
    E404 = "{source}: missing column(s) {missing}. A Wikidata export needs person, QID, position, country, start, end."
    E405 = "{where}: unknown country {country!r}. Use a country name or its ISO3/CAMEO code (e.g. SWE)."
    E406 = "No knowledge-base entry {entry_id!r}. Find ids with `dateline kb search NAME`."

    # Warnings
    W001 = "{source}: decoded as {encoding} after UTF-8 failed; check the characters look right."
    W003 = "{source}: line {record} had {count} lone UTF-16 surrogate(s) (like \\ud800) in its fields; each was replaced by U+FFFD."
    W002 = "{source}: line {record} has id {input_id!r} already seen in this batch; kept both (dateline ids are content hashes)."


class DatelineError(Exception):
    """Base class: carries ``code`` and the formatted message ``[E0xx] ...``."""

    def __init__(self, code: str, **fields: Any) -> None:
        self.code = code
        self.fields = fields
        template = getattr(Errors, code)
        self.detail = template.format(**fields)
        super().__init__(f"[{code}] {self.detail}")


class InputError(DatelineError, ValueError):
    """An input (file or record) that cannot become an article. Becomes a Rejection."""


class ModelError(DatelineError, OSError):
    """The spaCy model or a pipeline stage is missing."""


class ClusterError(DatelineError, OSError):
    """The Dask cluster cannot be started or reached."""


class StoreError(DatelineError, OSError):
    """The database cannot be opened, migrated or written."""


class GoldError(DatelineError, ValueError):
    """A gold file for ``dateline eval`` is malformed."""


class FloorError(DatelineError, ValueError):
    """A floor would be lowered without --allow-regression."""
