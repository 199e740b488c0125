"""The FastAPI application: the JSON/CSV/Parquet API under /api and the server-rendered pages."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import hmac
import io
import json
import os
import secrets
import tempfile
from collections import defaultdict
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, unquote, urlencode, urlsplit

import duckdb
import jinja2
from fastapi import Depends, FastAPI, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..confidence import uncounted_by
from ..csvsafe import csv_rows
from ..errors import DatelineError, Errors, StoreError
from ..ids import EVENT_ID_PATTERN
from ..store import (OUTLET_SQL, REVIEW_FIELDS, REVIEW_VERDICTS, Store, add_review,
                     stored_event_evidence)
from . import query as Q
from .db import Busy, Database, Gone
from .render import Mark, find, highlight

PACKAGE = resources.files("dateline.serve")
#: Longest text search or name a request may send, and longest review note.
MAX_TEXT = 200
MAX_NOTE = 2000
#: Largest request body (a review or a form) in bytes.
MAX_BODY = 16_384
Code = Annotated[str | None, Query(max_length=32, pattern=r"^[A-Za-z0-9_]+$")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]


def _code(description: str) -> Any:
    return Query(max_length=32, pattern=r"^[A-Za-z0-9_]+$", description=description)


def _text(description: str) -> Any:
    return Query(max_length=MAX_TEXT, description=description)


class ApiError(Exception):
    """A coded error answered as ``{"error": {"code", "status", "message"}}``."""

    def __init__(self, status: int, code: str, **fields: Any) -> None:
        self.status = status
        self.code = code
        self.message = getattr(Errors, code).format(**fields)
        super().__init__(f"[{code}] {self.message}")


def _offset(cursor: str | None) -> int:
    """The row offset a page cursor stands for; a malformed cursor is a 422 (E801)."""
    try:
        return Q.decode_cursor(cursor)
    except ValueError as err:
        raise ApiError(422, "E801", detail=str(err)) from err


def error_body(status: int, code: str, message: str, detail: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "status": status, "message": message}
    if detail is not None:
        body["detail"] = detail
    return {"error": body}


def event_filter(
    date_from: Annotated[dt.date | None, Query(description="events on or after this day (YYYY-MM-DD)")] = None,
    date_to: Annotated[dt.date | None, Query(description="events on or before this day")] = None,
    source_country: Annotated[str | None, _code("source's country code (USA)")] = None,
    target_country: Annotated[str | None, _code("target's country code")] = None,
    country: Annotated[str | None, Query(max_length=32, pattern=r"^[A-Za-z0-9_]+$",
                                         description="either side's country")] = None,
    source_code: Annotated[str | None, _code("source's full actor code (USAGOV)")] = None,
    target_code: Annotated[str | None, _code("target's full actor code")] = None,
    actor: Annotated[str | None, Query(max_length=32, pattern=r"^[A-Za-z0-9_]+$",
                                       description="either side's actor code; a code with no country (GOV) also under any country (NORGOV)")] = None,
    cameo_root: Annotated[str | None, Query(pattern=r"^\d\d$", description="two-digit CAMEO root")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code prefix")] = None,
    plover_event: Annotated[str | None, _code("PLOVER event type (CONSULT)")] = None,
    plover_mode: Annotated[str | None, _text("PLOVER mode")] = None,
    plover_context: Annotated[str | None, _text("PLOVER context")] = None,
    modality: Annotated[str | None, Query(pattern=r"^(asserted|intended|hypothetical|reported|historical)$",
                                          description="as the coder read the act")] = None,
    negated: Annotated[bool | None, Query(description="true: only acts the text says did not happen")] = None,
    asserted: Annotated[bool | None, Query(description="true: only what the export counts")] = None,
    confidence_min: Annotated[float | None, Query(ge=0, le=1, description="when a confidence column exists")] = None,
    quadclass: Annotated[int | None, Query(ge=1, le=4, description="1 verbal/2 material cooperation, "
                                                                    "3 verbal/4 material conflict")] = None,
    place: Annotated[str | None, _text("part of the place name, or its country code")] = None,
    outlet: Annotated[str | None, _text("the article's outlet as the exports name it: the input's outlet, else its "
                                        "source, else the masthead")] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="words in the sentence")] = None,
    article_id: Annotated[str | None, Query(pattern=r"^[0-9a-f]{16}$", description="one article's events")] = None,
    reviewed: Annotated[bool, Query(description="apply reviews as the exports do")] = False,
) -> Q.EventFilter:
    return Q.EventFilter(
        date_from=date_from, date_to=date_to, source_country=source_country, target_country=target_country,
        country=country, source_code=source_code, target_code=target_code, actor=actor, cameo_root=cameo_root,
        cameo=cameo, plover_event=plover_event, plover_mode=plover_mode, plover_context=plover_context,
        modality=modality, negated=negated, asserted=asserted, confidence_min=confidence_min, quadclass=quadclass,
        place=place, outlet=outlet, q=q, article_id=article_id, reviewed=reviewed,
    )


Filter = Annotated[Q.EventFilter, Depends(event_filter)]


class ReviewIn(BaseModel):
    """One review of one event, as POSTed to /api/reviews."""

    event_id: str = Field(pattern=EVENT_ID_PATTERN)
    verdict: str = Field(pattern="^(right|wrong|corrected)$")
    reviewer: str | None = Field(default=None, max_length=100)
    note: str | None = Field(default=None, max_length=MAX_NOTE)
    cameo: str | None = Field(default=None, pattern=r"^\d{2,4}$")
    source_code: str | None = Field(default=None, max_length=32, pattern=r"^[A-Z0-9]*$")
    target_code: str | None = Field(default=None, max_length=32, pattern=r"^[A-Z0-9]*$")
    date_value: str | None = Field(default=None, pattern=r"^(\d{4}(-\d\d(-\d\d)?)?)?$")
    location_name: str | None = Field(default=None, max_length=MAX_TEXT)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _one(con: Any, sql: str, params: list[Any] | None = None) -> Any:
    """The first column of the first row of a query (a count)."""
    row = con.execute(sql, params or []).fetchone()
    return row[0] if row else None


def _rows(cur: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [{k: _jsonable(v) for k, v in zip(names, row)} for row in cur.fetchall()]


class App:
    """The state behind the routes: the database, the review token, the templates."""

    def __init__(self, db: Database, *, token: str | None) -> None:
        self.db = db
        self.token = token
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(PACKAGE.joinpath("templates"))),
                                 autoescape=True)
        env.globals.update(version=__version__, can_review=token is not None, db_name=Path(db.path).name)
        env.filters["qs"] = lambda params: urlencode({k: v for k, v in params.items() if v not in (None, "")})
        self.templates = Jinja2Templates(env=env)

    @property
    def columns(self) -> set[str]:
        return set(self.db.event_columns)

    @cached_property
    def row_columns(self) -> list[str]:
        """The columns of an events row (:func:`Q.base_sql`: the `dateline events` export's, then ``outlet`` and
        ``sentence_start``), in this order in every format of ``/api/events`` (the JSON rows, the CSV and Parquet
        downloads), and the columns a request may sort on."""
        with self.db.read() as con:
            cur = con.execute(f"SELECT * FROM {Q.base_sql(reviewed=False, has_reviews=False)} LIMIT 0")
            return [d[0] for d in cur.description]

    def rows_sql(self, from_sql: str, *, sort: str | None) -> str:
        """The SELECT of one filter's rows (``from_sql``, :meth:`filtered`'s) in :attr:`row_columns`' order, sorted
        (without LIMIT): what the JSON page, the CSV and the Parquet download read."""
        try:
            order = Q.sort_sql(sort, self.row_columns)
        except ValueError as err:
            raise ApiError(422, "E801", detail=str(err)) from err
        columns = ", ".join(f'ev."{c}"' for c in self.row_columns)
        return f"SELECT {columns} {from_sql} {order}"

    def csrf(self) -> str:
        assert self.token is not None
        return hmac.new(self.token.encode(), b"dateline-csrf", hashlib.sha256).hexdigest()

    # -- events ---------------------------------------------------------------------------------

    def filtered(self, flt: Q.EventFilter) -> tuple[str, list[Any]]:
        where, params = Q.where_sql(flt, columns=self.columns)
        return f"FROM {Q.base_sql(reviewed=flt.reviewed, has_reviews=self.db.has_reviews)} {where}", params

    def events(self, flt: Q.EventFilter, *, sort: str | None, limit: int, offset: int) -> dict[str, Any]:
        from_sql, params = self.filtered(flt)
        select = self.rows_sql(from_sql, sort=sort)
        with self.db.read() as con:
            total = _one(con, f"SELECT count(*) {from_sql}", params)
            cur = con.execute(f"{select} LIMIT ? OFFSET ?", [*params, limit, offset])
            rows = _rows(cur)
        nxt = offset + len(rows)
        return {"count": int(total), "rows": rows, "next_cursor": Q.encode_cursor(nxt) if nxt < total else None}

    def facets(self, flt: Q.EventFilter, names: list[str]) -> dict[str, list[tuple[Any, int]]]:
        from_sql, params = self.filtered(flt)
        out: dict[str, list[tuple[Any, int]]] = {}
        with self.db.read() as con:
            for name in names:
                expr = Q.GROUPS[name]
                out[name] = [(r[0], int(r[1])) for r in con.execute(
                    f"SELECT {expr} AS k, count(*) AS n {from_sql} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 12",
                    params).fetchall()]
        return out

    def reviews_of(self, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        if not self.db.has_reviews or not event_ids:
            return {}
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        with self.db.read() as con:
            cur = con.execute("SELECT * FROM reviews WHERE list_contains(?, event_id) ORDER BY created_at DESC",
                              [event_ids])
            for row in _rows(cur):
                out[row["event_id"]].append(row)
        return out

    def event(self, event_id: str) -> dict[str, Any]:
        with self.db.read() as con:
            cur = con.execute(f"SELECT ev.* FROM {Q.base_sql(reviewed=False, has_reviews=False)} WHERE ev.id = ?",
                              [event_id])
            rows = _rows(cur)
            if not rows:
                raise ApiError(404, "E802", kind="event", key=event_id, db=Path(self.db.path).name)
            row = rows[0]
            reviewed = None
            if self.db.has_reviews:
                cur = con.execute(
                    f"SELECT ev.* FROM {Q.base_sql(reviewed=True, has_reviews=True)} WHERE ev.id = ?", [event_id])
                got = _rows(cur)
                reviewed = got[0] if got else None  # None: a reviewer marked it wrong
            article = _rows(con.execute(
                f"SELECT a.id, a.headline, a.publication, {OUTLET_SQL} AS outlet, a.published, a.url FROM articles a "
                "WHERE a.id = ?",
                [row["article_id"]]))[0]
            quote = None
            if row.get("quote_idx") is not None:
                got = _rows(con.execute("SELECT * FROM quotes WHERE article_id = ? AND idx = ?",
                                        [row["article_id"], row["quote_idx"]]))
                quote = got[0] if got else None
        evidence = json.loads(row["evidence"]) if row.get("evidence") else None
        return {"event": row, "reviewed": reviewed, "reviews": self.reviews_of([event_id]).get(event_id, []),
                "evidence": evidence, "article": article, "quote": quote}

    # -- articles -------------------------------------------------------------------------------

    def article(self, article_id: str) -> dict[str, Any]:
        with self.db.read() as con:
            got = _rows(con.execute("SELECT * EXCLUDE (body_offsets) FROM articles WHERE id = ?", [article_id]))
            if not got:
                raise ApiError(404, "E802", kind="article", key=article_id, db=Path(self.db.path).name)
            art = got[0]
            for key in ("captions", "pull_quotes", "removed", "metadata"):
                art[key] = json.loads(art[key]) if art.get(key) else None
            sentences = _rows(con.execute(
                "SELECT idx, start_char, end_char, text FROM sentences WHERE article_id = ? ORDER BY idx", [article_id]))
            actors = _rows(con.execute(
                "SELECT idx, name, code, country, sector, entity_type, n_mentions, kb_id FROM actors "
                "WHERE article_id = ? ORDER BY idx", [article_id]))
            mentions = _rows(con.execute(
                "SELECT actor_idx, idx, text, start_char, end_char, sentence FROM mentions WHERE article_id = ? "
                "ORDER BY start_char", [article_id]))
            events = _rows(con.execute(
                f"SELECT ev.* FROM {Q.base_sql(reviewed=False, has_reviews=False)} WHERE ev.article_id = ? "
                "ORDER BY ev.idx", [article_id]))
            quotes = _rows(con.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY idx", [article_id]))
        by_actor: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for m in mentions:
            by_actor[m["actor_idx"]].append(m)
        for actor in actors:
            actor["mentions"] = by_actor.get(actor["idx"], [])
        return {"article": art, "sentences": sentences, "actors": actors, "events": events, "quotes": quotes}


#: Methods that change nothing; any other request must come from the server's own pages or from a script.
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def cross_origin(request: Request) -> str | None:
    """The foreign origin of a state-changing browser request, else None (the check of Go's
    ``http.CrossOriginProtection``): a browser says where a request comes from in ``Sec-Fetch-Site`` (all current
    ones) or ``Origin``; a request from another site, or from another port of this host (which SameSite cookies do
    not tell apart), is refused. Scripts (curl, httpx) send neither header and pass, as do the server's own forms."""
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if site is not None:
        return None if site in ("same-origin", "none") else (origin or site)
    if origin is None:
        return None
    return None if urlsplit(origin).netloc == request.headers.get("host") else origin


#: The query parameters of each route (by id), read once from its signature and dependencies.
_KNOWN: dict[int, set[str]] = {}


def query_problems(request: Request) -> list[str]:
    """Query parameters the route does not take (a misspelt filter would otherwise be ignored and the answer
    hold every event) or that are given twice (only one value would be used): one problem each."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return []
    if id(route) not in _KNOWN:
        known: set[str] = set()
        todo = [dependant]
        while todo:  # the route's own parameters and those of its dependencies (the events filters)
            dep = todo.pop()
            known.update(p.alias for p in dep.query_params)
            todo.extend(dep.dependencies)
        _KNOWN[id(route)] = known
    known = _KNOWN[id(route)]  # (every one takes a single value)
    problems = []
    for name in dict.fromkeys(request.query_params.keys()):
        if name not in known:
            near = difflib.get_close_matches(name, sorted(known), n=1)
            hint = f" (did you mean {near[0]}?)" if near else ""
            problems.append(f"{name[:40]}: not a parameter of {request.url.path[:60]}{hint}")
        elif len(request.query_params.getlist(name)) > 1:
            problems.append(f"{name}: given {len(request.query_params.getlist(name))} times; give it once")
    return problems


def known_query(request: Request) -> None:
    """Every route's first dependency: refuse unknown and repeated query parameters (422 E801)."""
    problems = query_problems(request)
    if problems:
        raise ApiError(422, "E801", detail="; ".join(problems))


def create_app(db_path: str | Path, *, token: str | None = None) -> FastAPI:
    """The app over ``db_path``; with a ``token``, reviews may be written (API: Bearer token; pages:
    a cookie set at /login plus a CSRF field in every form)."""
    db = Database(db_path, writable=token is not None)
    state = App(db, token=token)
    # FastAPI's own docs pages load Swagger UI from a CDN: off; /api/docs is rendered here instead
    api = FastAPI(title="dateline", version=__version__, docs_url=None, redoc_url=None,
                  dependencies=[Depends(known_query)],
                  description="Explore, check and correct the events of a dateline store. Event rows use the "
                              "column names of the `events` table and the CSV export (docs/output.md).")
    api.mount("/static", StaticFiles(directory=str(PACKAGE.joinpath("static"))), name="static")

    @api.middleware("http")
    async def _bounded_bodies(request: Request, call_next: Any) -> Response:
        """Refuse state-changing requests from another origin's page (403 E808), and request bodies over MAX_BODY
        bytes (and bodies of unknown length) before reading them."""
        if request.method not in SAFE_METHODS and (origin := cross_origin(request)) is not None:
            return fail(request, 403, "E808", Errors.E808.format(origin=origin[:100]))
        if request.method in ("POST", "PUT", "PATCH"):
            length = request.headers.get("content-length")
            if length is None or not length.isdigit() or int(length) > MAX_BODY:
                return JSONResponse(error_body(413, "E801", Errors.E801.format(
                    detail=f"request body: give a Content-Length of at most {MAX_BODY} bytes")), status_code=413)
        response: Response = await call_next(request)
        return response
    tpl = state.templates

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("csrf", state.csrf() if state.token else None)
        context.setdefault("signed_in", bool(state.token) and request.cookies.get("dateline_review") == state.token)
        return tpl.TemplateResponse(request, name, context, status_code=status)

    def fail(request: Request, status: int, code: str, message: str, detail: Any = None) -> Response:
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse(error_body(status, code, message, detail), status_code=status)
        return page(request, "error.html", status=status, code=code, message=message)

    @api.exception_handler(ApiError)
    async def _api_error(request: Request, err: ApiError) -> Response:
        return fail(request, err.status, err.code, err.message)

    @api.exception_handler(DatelineError)
    async def _dateline_error(request: Request, err: DatelineError) -> Response:
        return fail(request, 422, err.code, err.detail)

    @api.exception_handler(Busy)
    async def _busy(request: Request, err: Busy) -> Response:
        return fail(request, 503, "E806", Errors.E806.format(db=Path(db.path).name))

    @api.exception_handler(RequestValidationError)
    async def _invalid(request: Request, err: RequestValidationError) -> Response:
        problems = [{"param": ".".join(str(p) for p in e.get("loc", ())[1:]), "problem": e.get("msg")}
                    for e in err.errors()]
        detail = "; ".join(f"{p['param']}: {p['problem']}" for p in problems)
        return fail(request, 422, "E801", Errors.E801.format(detail=detail), problems)

    @api.exception_handler(StarletteHTTPException)
    async def _http(request: Request, err: StarletteHTTPException) -> Response:
        if err.status_code == 404:
            return fail(request, 404, "E807", Errors.E807.format(path=request.url.path[:100]))
        if err.status_code == 400:  # a body Starlette could not parse (not UTF-8, a form part over its size)
            detail = f"request body: {err.detail} (send UTF-8 JSON or a form, within the documented sizes)"
            return fail(request, 422, "E801", Errors.E801.format(detail=detail), [{"param": "body", "problem": str(err.detail)}])
        return fail(request, err.status_code, f"H{err.status_code}", str(err.detail))

    @api.exception_handler(Gone)
    async def _gone(request: Request, err: Gone) -> Response:
        return fail(request, 503, "E809", Errors.E809.format(db=Path(db.path).name, detail=err.detail))

    @api.exception_handler(duckdb.CatalogException)
    async def _not_this_store(request: Request, err: duckdb.CatalogException) -> Response:
        # a table the server found at start is missing: the file was replaced by another database
        return fail(request, 503, "E809", Errors.E809.format(db=Path(db.path).name, detail=str(err).splitlines()[0][:200]))

    @api.exception_handler(Exception)
    async def _internal(request: Request, err: Exception) -> Response:
        # Starlette logs the traceback after this answer; the server goes on
        return fail(request, 500, "E810", Errors.E810.format(detail=type(err).__name__))

    def need_token(request: Request) -> str | None:
        if state.token is None:
            raise ApiError(403, "E803")
        auth = request.headers.get("authorization", "")
        if not hmac.compare_digest(auth.encode(), f"Bearer {state.token}".encode()):
            raise ApiError(401, "E804")
        return None

    # -- API ------------------------------------------------------------------------------------

    @api.get("/api/events", tags=["events"], summary="Events: filter, sort, page; JSON, CSV or Parquet")
    def api_events(
        flt: Filter,
        sort: Annotated[str | None, Query(max_length=40, description="a column, '-column' for descending")] = None,
        limit: Annotated[int, Query(ge=1, le=Q.MAX_DOWNLOAD, description=f"rows (JSON at most {Q.MAX_PAGE})")] = 100,
        cursor: Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")] = None,
        format: Annotated[str, Query(pattern="^(json|csv|parquet)$", description="json, csv or parquet")] = "json",
    ) -> Response:
        offset = _offset(cursor)
        if format == "json" and limit > Q.MAX_PAGE:
            raise ApiError(422, "E801", detail=f"limit: at most {Q.MAX_PAGE} rows a page as JSON (CSV/Parquet: "
                                               f"{Q.MAX_DOWNLOAD})")
        if format == "parquet":
            return _parquet(state, flt, sort=sort, limit=limit, offset=offset)
        page_ = state.events(flt, sort=sort, limit=limit, offset=offset)
        if format == "csv":
            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(state.row_columns)  # the JSON rows' and the Parquet file's columns (App.row_columns)
            # the cells `dateline events` writes: formulas neutralised, booleans as true/false (dateline.csvsafe)
            writer.writerows(csv_rows([r[c] for c in state.row_columns] for r in page_["rows"]))
            headers = {"Content-Disposition": 'attachment; filename="events.csv"'}
            if page_["next_cursor"]:
                headers["X-Next-Cursor"] = page_["next_cursor"]
            return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
        return Response(json.dumps(page_, ensure_ascii=False, default=str), media_type="application/json")

    @api.get("/api/events/{event_id}", tags=["events"], summary="One event with its evidence, sentence, quote and reviews")
    def api_event(event_id: Annotated[str, PathParam(pattern=EVENT_ID_PATTERN)]) -> Response:
        return Response(json.dumps(state.event(event_id), ensure_ascii=False, default=str),
                        media_type="application/json")

    @api.get("/api/articles", tags=["articles"], summary="Articles, newest first")
    def api_articles(
        q: Annotated[str | None, Query(max_length=MAX_TEXT, description="words in the headline")] = None,
        outlet: Text = None,
        limit: Annotated[int, Query(ge=1, le=Q.MAX_PAGE)] = 100,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
    ) -> dict[str, Any]:
        offset = _offset(cursor)
        clauses, params = [], []
        if q:
            clauses.append("contains(lower(coalesce(a.headline, '')), lower(?))")
            params.append(q)
        if outlet:
            clauses.append(f"{OUTLET_SQL} = ?")
            params.append(outlet)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        with db.read() as con:
            total = _one(con, f"SELECT count(*) FROM articles a {where}", params)
            rows = _rows(con.execute(
                f"""SELECT a.id, a.headline, {OUTLET_SQL} AS outlet, a.published, a.url,
                       (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events
                    FROM articles a {where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?""",
                [*params, limit, offset]))
        nxt = offset + len(rows)
        return {"count": int(total), "rows": rows, "next_cursor": Q.encode_cursor(nxt) if nxt < total else None}

    @api.get("/api/articles/{article_id}", tags=["articles"],
             summary="One article: structure, sentences, actors with mentions, events, quotes")
    def api_article(article_id: Annotated[str, PathParam(pattern=r"^[0-9a-f]{16}$")]) -> Response:
        return Response(json.dumps(state.article(article_id), ensure_ascii=False, default=str),
                        media_type="application/json")

    @api.get("/api/actors", tags=["actors"], summary="Actors by code, with their names, counts and KB roles as of a date")
    def api_actors(
        q: Annotated[str | None, Query(max_length=MAX_TEXT, description="part of a name")] = None,
        code: Code = None, country: Code = None,
        date: Annotated[dt.date | None, Query(description="KB roles held on this day")] = None,
        limit: Annotated[int, Query(ge=1, le=Q.MAX_PAGE)] = 100,
    ) -> dict[str, Any]:
        return {"rows": actors(q=q, code=code, country=country, date=date, limit=limit)}

    def actors(*, q: str | None, code: str | None, country: str | None, date: dt.date | None,
               limit: int) -> list[dict[str, Any]]:
        clauses, params = ["code IS NOT NULL"], []
        if q:
            clauses.append("contains(lower(name), lower(?))")
            params.append(q)
        if code:
            clauses.append("code = ?")
            params.append(code)
        if country:
            clauses.append("country = ?")
            params.append(country)
        with db.read() as con:
            rows = _rows(con.execute(
                f"""SELECT code, any_value(country) AS country, any_value(sector) AS sector,
                       list_distinct(list(name))[1:10] AS names, list_distinct(list(kb_id)) AS kb_ids,
                       count(DISTINCT article_id) AS n_articles, sum(n_mentions) AS n_mentions
                    FROM actors WHERE {' AND '.join(clauses)} GROUP BY code ORDER BY n_articles DESC, code
                    LIMIT ?""", [*params, limit]))
        if code or date:
            from ..kb import load_kb

            kb = load_kb()
            for row in rows:
                entries = [kb.entries[i] for i in (row["kb_ids"] or []) if i and i in kb.entries]
                row["kb"] = [{"id": e.id, "name": e.name, "kind": e.kind, "default": e.default,
                              "roles": [r.to_dict() for r in e.roles],
                              "role_on_date": (r.to_dict() if (r := e.role_at(date)) else None)}
                             for e in entries[:5]]
        return rows

    @api.get("/api/quotes", tags=["quotes"], summary="Quotes, filtered by speaker, article or words")
    def api_quotes(
        speaker_code: Code = None,
        article_id: Annotated[str | None, Query(pattern=r"^[0-9a-f]{16}$")] = None,
        q: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
        limit: Annotated[int, Query(ge=1, le=Q.MAX_PAGE)] = 100,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
    ) -> dict[str, Any]:
        offset = _offset(cursor)
        clauses, params = [], []
        for name, value in (("speaker_code", speaker_code), ("article_id", article_id)):
            if value:
                clauses.append(f"q.{name} = ?")
                params.append(value)
        if q:
            clauses.append("contains(lower(q.text), lower(?))")
            params.append(q)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        with db.read() as con:
            total = _one(con, f"SELECT count(*) FROM quotes q {where}", params)
            rows = _rows(con.execute(
                f"""SELECT q.*, a.published, {OUTLET_SQL} AS outlet FROM quotes q
                    JOIN articles a ON a.id = q.article_id {where}
                    ORDER BY a.published DESC NULLS LAST, q.article_id, q.idx LIMIT ? OFFSET ?""",
                [*params, limit, offset]))
        nxt = offset + len(rows)
        return {"count": int(total), "rows": rows, "next_cursor": Q.encode_cursor(nxt) if nxt < total else None}

    @api.get("/api/counts", tags=["aggregates"],
             summary="Event counts per period (day/week/month/year), per dyad or per map cell, with the events filters")
    def api_counts(
        flt: Filter,
        by: Annotated[str, Query(pattern="^(day|week|month|year|dyad|place)$")] = "month",
        stack: Annotated[str | None, Query(pattern="^(plover_event|cameo_root|quadclass|modality)$",
                                           description="split each period by this")] = None,
        level: Annotated[str, Query(pattern="^(country|code)$", description="dyads by country or actor code")] = "country",
        precision: Annotated[int, Query(ge=0, le=2, description="map cells: decimals of lat/lon")] = 0,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    ) -> dict[str, Any]:
        return counts(flt, by=by, stack=stack, level=level, precision=precision, limit=limit)

    def counts(flt: Q.EventFilter, *, by: str, stack: str | None = None, level: str = "country",
               precision: int = 0, limit: int = 1000) -> dict[str, Any]:
        from_sql, params = state.filtered(flt)
        quad = Q.quadclass_sql(state.columns)
        if by in Q.PERIODS:
            key = Q.GROUPS.get(stack or "", quad if stack == "quadclass" else "NULL")
            sql = (f"SELECT strftime(date_trunc('{by}', {Q.EVENT_DAY}), '%Y-%m-%d') AS period, {key} AS key, "
                   f"count(*) AS n {from_sql} AND {Q.EVENT_DAY} IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2 LIMIT ?")
        elif by == "dyad":
            side = "country" if level == "country" else "code"
            goldstein = ", avg(ev.goldstein) AS goldstein" if "goldstein" in state.columns else ""
            sql = (f"SELECT ev.source_{side} AS source, ev.target_{side} AS target, count(*) AS n, "
                   f"avg(CASE WHEN {quad} <= 2 THEN 1 WHEN {quad} >= 3 THEN -1 ELSE 0 END) AS cooperation"
                   f"{goldstein} {from_sql} AND ev.source_{side} IS NOT NULL AND ev.target_{side} IS NOT NULL "
                   f"GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?")
        else:
            sql = (f"SELECT round(avg(ev.lat), 4) AS lat, round(avg(ev.lon), 4) AS lon, count(*) AS n, "
                   f"mode(ev.location_name) AS name {from_sql} AND ev.lat IS NOT NULL AND ev.lon IS NOT NULL "
                   f"GROUP BY round(ev.lat, {precision}), round(ev.lon, {precision}) ORDER BY n DESC LIMIT ?")
        if "WHERE" not in from_sql:
            sql = sql.replace(f"{from_sql} AND", f"{from_sql} WHERE", 1)
        with db.read() as con:
            rows = _rows(con.execute(sql, [*params, limit]))
        return {"by": by, "stack": stack, "rows": rows}

    @api.get("/api/aggregate", tags=["aggregates"],
             summary="dateline counts over HTTP: fused events (reviews applied) by dyad, country, place, time and type")
    def api_aggregate(
        by: Annotated[str, Query(pattern=r"^[a-z]+(,[a-z]+)*$",
                                 description="comma-separated: dyad, country, place, day, month, year, root, plover, "
                                             "quadclass")] = "dyad,month",
        type_: Annotated[str, Query(alias="type", pattern="^(quadclass|root|plover|cameo|none)$",
                                    description="the event classification each count is split by")] = "quadclass",
        mentions: Annotated[bool, Query(description="count event mentions instead of fused events")] = False,
        min_confidence: Annotated[float | None, Query(ge=0, le=1, description="of the mentions at or above this "
                                                      "confidence only, fused again (--min-confidence)")] = None,
    ) -> dict[str, Any]:
        """The same table as ``dateline counts`` (``exports.counts``, reviews applied), one dict per row."""
        from ..exports import counts as count_rows, dimensions

        try:
            dims = dimensions(by)
        except ValueError as err:
            raise ApiError(422, "E801", detail=f"by: {str(err).rstrip('.')}") from err
        with db.read() as con:
            columns, rows = count_rows(Store.over(con), dims, type_, mentions=mentions, min_confidence=min_confidence)
        return {"by": dims, "type": type_, "mentions": mentions, "min_confidence": min_confidence, "columns": columns,
                "rows": [dict(zip(columns, row)) for row in rows]}

    @api.get("/api/reviews", tags=["reviews"], summary="Reviews, newest first")
    def api_reviews(
        event_id: Annotated[str | None, Query(pattern=EVENT_ID_PATTERN)] = None,
        limit: Annotated[int, Query(ge=1, le=Q.MAX_PAGE)] = 100,
    ) -> dict[str, Any]:
        if not db.has_reviews:
            return {"rows": []}
        where, params = ("WHERE event_id = ?", [event_id]) if event_id else ("", [])
        with db.read() as con:
            return {"rows": _rows(con.execute(
                f"SELECT * FROM reviews {where} ORDER BY created_at DESC LIMIT ?", [*params, limit]))}

    @api.post("/api/reviews", tags=["reviews"], status_code=201, dependencies=[Depends(need_token)],
              summary="Record a review (needs --allow-review and 'Authorization: Bearer TOKEN')")
    def api_review(review: ReviewIn) -> dict[str, Any]:
        return {"review": save_review(review)}

    def save_review(review: ReviewIn) -> dict[str, Any]:
        fixes = {k: getattr(review, k) for k in REVIEW_FIELDS}
        with db.read() as con:
            try:
                saved = add_review(con, review.event_id, verdict=review.verdict, reviewer=review.reviewer,
                                   note=review.note, corrections=fixes)
            except StoreError as err:
                status = 404 if "no event has this id" in err.detail else 422
                raise ApiError(status, "E205", event_id=review.event_id, detail=err.fields["detail"]) from err
        return {k: _jsonable(v) for k, v in saved.items()}

    # -- pages ----------------------------------------------------------------------------------

    @api.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        with db.read() as con:
            totals = {t: _one(con, f"SELECT count(*) FROM {t}")
                      for t in ("articles", "events", "actors", "quotes")}
            articles = _rows(con.execute(
                f"""SELECT a.id, a.headline, a.deck, {OUTLET_SQL} AS outlet, a.published,
                          (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events
                   FROM articles a ORDER BY a.published DESC NULLS LAST, a.id LIMIT 50"""))
        return page(request, "index.html", totals=totals, articles=articles)

    @api.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(
        request: Request, flt: Filter,
        sort: Annotated[str | None, Query(max_length=40)] = None,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
    ) -> HTMLResponse:
        offset = _offset(cursor)
        result = state.events(flt, sort=sort, limit=50, offset=offset)
        facets = state.facets(flt, ["plover_event", "cameo_root", "modality", "source_country",
                                    "target_country", "outlet"])
        reviews = state.reviews_of([r["id"] for r in result["rows"] if r.get("id")])
        for row in result["rows"]:
            row["sentence_html"] = _sentence_html(row)
            row["reviews"] = reviews.get(row["id"], [])
            row["evidence_obj"] = json.loads(row["evidence"]) if row.get("evidence") else None
            row["uncounted_by"] = _uncounted_by(row)
        params = flt.params()
        return page(request, "events.html", result=result, facets=facets, params=params, flt=flt, sort=sort,
                    has_confidence=state.db.has("confidence"), has_quadclass=state.db.has("quadclass"),
                    next_url=("/events?" + urlencode({**params, "sort": sort or "", "cursor": result["next_cursor"]}))
                    if result["next_cursor"] else None, fields=REVIEW_FIELDS, verdicts=REVIEW_VERDICTS,
                    here=str(request.url.path) + ("?" + request.url.query if request.url.query else ""))

    @api.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: Annotated[str, PathParam(pattern=r"^[0-9a-f]{16}$")]) -> HTMLResponse:
        data = state.article(article_id)
        art = data["article"]
        with db.read() as con:  # the outlet the exports and the other pages name (store.OUTLET_SQL), for the header
            art["named_outlet"] = _one(con, f"SELECT {OUTLET_SQL} FROM articles a WHERE a.id = ?", [article_id])
        marks = _article_marks(data)
        body = art["body"] or ""
        paragraphs = []
        start = 0
        for chunk in body.split("\n\n"):
            paragraphs.append(highlight(chunk, marks, base=start))
            start += len(chunk) + 2
        by_sentence: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for ev in data["events"]:
            ev["sentence_html"] = _sentence_html(ev)
            by_sentence[ev["sentence"]].append(ev)
        reviews = state.reviews_of([e["id"] for e in data["events"] if e.get("id")])
        for ev in data["events"]:
            ev["reviews"] = reviews.get(ev["id"], [])
            ev["uncounted_by"] = _uncounted_by(ev)
        return page(request, "article.html", **data, paragraphs=paragraphs, fields=REVIEW_FIELDS,
                    verdicts=REVIEW_VERDICTS, here=str(request.url.path))

    @api.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(
        request: Request, flt: Filter,
        by: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
        stack: Annotated[str, Query(pattern="^(plover_event|cameo_root|quadclass|modality)$")] = "plover_event",
    ) -> HTMLResponse:
        data = counts(flt, by=by, stack=stack, limit=5000)
        chart = _stacked_bars(data["rows"], by=by, stack=stack, params=flt.params())
        from_sql, params = state.filtered(flt)
        with db.read() as con:  # the events of the filter with no day at all are not on it: say how many (walk47)
            undated = _one(con, f"SELECT count(*) FILTER (WHERE {Q.EVENT_DAY} IS NULL) {from_sql}", params)
        return page(request, "timeline.html", chart=chart, by=by, stack=stack, params=flt.params(),
                    rows=data["rows"], undated=int(undated or 0))

    @api.get("/dyads", response_class=HTMLResponse, include_in_schema=False)
    def dyads_page(
        request: Request, flt: Filter,
        level: Annotated[str, Query(pattern="^(country|code)$")] = "country",
    ) -> HTMLResponse:
        data = counts(flt, by="dyad", level=level, limit=60)
        graph = _network(data["rows"], params=flt.params(), level=level)
        return page(request, "dyads.html", rows=data["rows"], graph=graph, level=level, params=flt.params())

    @api.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, flt: Filter) -> HTMLResponse:
        cells = counts(flt, by="place", precision=1, limit=5000)["rows"]
        return page(request, "map.html", params=flt.params(), cells=cells,
                    n_events=sum(c["n"] for c in cells))

    @api.get("/actors/{code}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(
        request: Request,
        code: Annotated[str, PathParam(max_length=32, pattern=r"^[A-Za-z0-9_]+$")],
        date: Annotated[dt.date | None, Query()] = None,
    ) -> HTMLResponse:
        found = actors(q=None, code=code, country=None, date=date, limit=1)
        flt = Q.EventFilter(actor=code)
        series = counts(flt, by="month", stack="plover_event", limit=5000)["rows"]
        chart = _stacked_bars(series, by="month", stack="plover_event", params=flt.params())
        recent = state.events(flt, sort="-published", limit=20, offset=0)
        with db.read() as con:
            quotes = _rows(con.execute(
                """SELECT q.article_id, q.text, q.cue, a.published FROM quotes q JOIN articles a ON a.id = q.article_id
                   WHERE q.speaker_code = ? ORDER BY a.published DESC NULLS LAST LIMIT 20""", [code]))
        if not found and not recent["rows"]:
            raise ApiError(404, "E802", kind="actor", key=code, db=Path(db.path).name)
        return page(request, "actor.html", code=code, actor=found[0] if found else None, chart=chart,
                    recent=recent, quotes=quotes, date=date)

    # -- review forms (pages) ---------------------------------------------------------------------

    @api.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        """The API reference as a page, from the OpenAPI document (works offline)."""
        doc = api.openapi()
        ops = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "params": [{"name": p["name"], "in": p["in"], "description": p.get("description", ""),
                            "schema": p.get("schema", {})} for p in op.get("parameters", [])]}
               for path, methods in doc["paths"].items() for method, op in methods.items()]
        return page(request, "api.html", ops=ops)

    @api.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request) -> HTMLResponse:
        if state.token is None:
            raise ApiError(403, "E803")
        return page(request, "login.html")

    @api.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        if state.token is None:
            raise ApiError(403, "E803")
        form = await request.form(max_files=0, max_fields=10, max_part_size=4096)
        token, name = str(form.get("token", "")), str(form.get("reviewer", ""))[:100]
        if not hmac.compare_digest(token.encode(), state.token.encode()):
            raise ApiError(401, "E804")
        resp = RedirectResponse("/events", status_code=303)
        resp.set_cookie("dateline_review", state.token, httponly=True, samesite="strict")
        # quoted: a cookie is Latin-1 in the header, a reviewer's name may be any text
        resp.set_cookie("dateline_reviewer", quote(name or "reviewer", safe=""), httponly=True, samesite="strict")
        return resp

    @api.post("/review", include_in_schema=False)
    async def review_form(request: Request) -> Response:
        if state.token is None:
            raise ApiError(403, "E803")
        if not hmac.compare_digest(request.cookies.get("dateline_review", "").encode(), state.token.encode()):
            raise ApiError(401, "E804")
        form = await request.form(max_files=0, max_fields=20, max_part_size=MAX_NOTE * 4)
        if not hmac.compare_digest(str(form.get("csrf", "")).encode(), state.csrf().encode()):
            raise ApiError(403, "E805")
        data: dict[str, Any] = {k: (str(v) if v not in ("", None) else None) for k, v in form.items()
                                if k in {"event_id", "verdict", "note", *REVIEW_FIELDS}}
        if data.get("verdict") is None and any(data.get(k) for k in REVIEW_FIELDS):
            data["verdict"] = "corrected"
        try:
            review = ReviewIn(reviewer=unquote(request.cookies.get("dateline_reviewer", "")) or None, **data)
        except ValueError as err:
            raise ApiError(422, "E801", detail=str(err).splitlines()[0] if str(err) else "bad review") from err
        save_review(review)
        back = str(form.get("next", "/events"))
        if not back.startswith("/") or back.startswith("//"):
            back = "/events"
        return RedirectResponse(back, status_code=303)

    return api


def _uncounted_by(row: dict[str, Any]) -> str | None:
    """Why an asserted, not negated stored event the coder did not count is left out
    (:func:`dateline.confidence.uncounted_by`: the act filter, a rule gate by name, its confidence), or None (a
    counted event, one not asserted or negated, a row from before ``counted``)."""
    if row.get("counted") is not False or row.get("modality") != "asserted" or row.get("negated"):
        return None  # (the modality or negation shown already says why)
    stored = row["evidence_obj"] if "evidence_obj" in row else row.get("evidence")  # the events page read it already
    return uncounted_by({"modality": row.get("modality"), "evidence": stored_event_evidence(stored)})


def _sentence_html(row: dict[str, Any]) -> Any:
    """The event's sentence with its trigger, source, target, date and place highlighted."""
    text = row.get("sentence_text") or ""
    base = row.get("sentence_start")
    marks = []
    if row.get("start_char") is not None and base is not None:  # the trigger's offsets are the body's
        marks.append(Mark(row["start_char"] - base, row["end_char"] - base, "trigger", row.get("cameo"),
                          f"trigger, CAMEO {row.get('cameo')}"))
    else:
        marks += find(text, row.get("trigger"), "trigger", label=row.get("cameo"))
    marks += find(text, row.get("source_text"), "source", label=row.get("source_code"))
    marks += find(text, row.get("target_text"), "target", label=row.get("target_code"))
    marks += find(text, row.get("date_text"), "date", label=row.get("date_value"))
    marks += find(text, row.get("location_name"), "place", label=row.get("location_country"))
    return highlight(text, marks)


def _article_marks(data: dict[str, Any]) -> list[Mark]:
    marks: list[Mark] = []
    for actor in data["actors"]:
        for m in actor["mentions"]:
            marks.append(Mark(m["start_char"], m["end_char"], "actor", actor.get("code"),
                              f"{actor['name']} ({actor.get('code') or 'no code'})"))
    for ev in data["events"]:
        if ev.get("start_char") is not None:
            marks.append(Mark(ev["start_char"], ev["end_char"], "trigger", ev.get("cameo"),
                              f"event {ev.get('cameo')} {ev.get('plover_event') or ''}"))
    sentences = {s["idx"]: s for s in data["sentences"]}
    for ev in data["events"]:
        sent = sentences.get(ev.get("sentence"))
        if not sent:
            continue
        marks += find(sent["text"], ev.get("date_text"), "date", offset=sent["start_char"], label=ev.get("date_value"))
        marks += find(sent["text"], ev.get("location_name"), "place", offset=sent["start_char"],
                      label=ev.get("location_country"))
    for q in data["quotes"]:
        if q.get("start_char") is not None:
            marks.append(Mark(q["start_char"], q["end_char"], "quote", None,
                              f"quote ({q.get('kind')}) by {q.get('speaker_text') or 'unknown'}"))
    return marks


PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac", "#86bcb6", "#d37295", "#fabfd2", "#b6992d", "#499894", "#79706e"]


def _stacked_bars(rows: list[dict[str, Any]], *, by: str, stack: str, params: dict[str, str]) -> dict[str, Any]:
    """Geometry of a stacked bar chart (drawn as SVG by the template); every bar piece links to its events."""
    periods = _all_periods(sorted({r["period"] for r in rows}), by)
    for r in rows:
        r["label"] = "(none)" if r["key"] is None else str(r["key"])
    keys = sorted({r["label"] for r in rows})
    colour = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)}
    totals: dict[str, int] = defaultdict(int)
    for r in rows:
        totals[r["period"]] += r["n"]
    top = max(totals.values(), default=1)
    width = max(1, min(40, 900 // max(1, len(periods))))
    height = 240
    bars = []
    stacked: dict[str, float] = defaultdict(float)
    for r in sorted(rows, key=lambda r: (r["period"], r["label"])):
        x = periods.index(r["period"]) * width
        h = r["n"] / top * height
        y = height - stacked[r["period"]] - h
        stacked[r["period"]] += h
        first = dt.date.fromisoformat(r["period"])
        last = _period_end(first, by)
        link = {**params, "date_from": first.isoformat(), "date_to": last.isoformat(), stack: str(r["key"])}
        # a piece with no value ("(none)": a CAMEO 01 statement has no PLOVER type) has no link: the events filters
        # cannot ask for a missing value, and the period's events without it would not be the piece's count
        bars.append({"x": x, "y": round(y, 1), "w": max(1, width - 2), "h": round(h, 1), "fill": colour[r["label"]],
                     "title": f"{r['period']} {r['label']}: {r['n']}", "n": r["n"],
                     "href": "/events?" + urlencode(link) if r["key"] is not None else None})
    return {"bars": bars, "width": max(1, len(periods)) * width, "height": height, "legend": colour,
            "periods": periods, "top": top}


def _all_periods(seen: list[str], by: str, most: int = 400) -> list[str]:
    """Every period from the first to the last seen (empty ones too, so that gaps show), unless
    there would be more than ``most``: then only those seen."""
    if len(seen) < 2:
        return seen
    out: list[str] = []
    day, last = dt.date.fromisoformat(seen[0]), dt.date.fromisoformat(seen[-1])
    while day <= last and len(out) <= most:
        out.append(day.isoformat())
        day = _period_end(day, by) + dt.timedelta(days=1)
    return out if len(out) <= most else seen


def _period_end(first: dt.date, by: str) -> dt.date:
    if by == "day":
        return first
    if by == "week":
        return first + dt.timedelta(days=6)
    if by == "month":
        nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return nxt - dt.timedelta(days=1)
    return first.replace(month=12, day=31)


def _network(rows: list[dict[str, Any]], *, params: dict[str, str] | None = None, level: str = "country") -> dict[str, Any]:
    """A circular layout of the dyads: nodes by activity, edges by count, coloured by cooperation; each edge links to
    its events under the page's filter (``params``), by country or actor code (``level``), as the table's rows do."""
    import math

    weight: dict[str, int] = defaultdict(int)
    for r in rows:
        weight[r["source"]] += r["n"]
        weight[r["target"]] += r["n"]
    nodes = sorted(weight, key=lambda k: -weight[k])[:30]
    size, radius = 520, 200
    pos = {k: (size / 2 + radius * math.cos(2 * math.pi * i / max(1, len(nodes))),
               size / 2 + radius * math.sin(2 * math.pi * i / max(1, len(nodes)))) for i, k in enumerate(nodes)}
    top = max((r["n"] for r in rows), default=1)
    top_w = max(weight.values(), default=1)
    side = "country" if level == "country" else "code"
    radius_of = {k: 6 + 14 * weight[k] / top_w for k in nodes}
    edges = []
    for r in rows:
        if r["source"] in pos and r["target"] in pos and r["source"] != r["target"]:
            (x1, y1), (x2, y2) = pos[r["source"]], pos[r["target"]]
            length = math.hypot(x2 - x1, y2 - y1) or 1.0
            ux, uy = (x2 - x1) / length, (y2 - y1) / length
            # from rim to rim, shifted sideways so that A->B and B->A are two lines
            x1, y1 = x1 + ux * radius_of[r["source"]] - uy * 4, y1 + uy * radius_of[r["source"]] + ux * 4
            x2, y2 = x2 - ux * (radius_of[r["target"]] + 2) - uy * 4, y2 - uy * (radius_of[r["target"]] + 2) + ux * 4
            coop = r.get("cooperation") or 0.0
            colour = "#2a9d4b" if coop > 0.2 else "#d62828" if coop < -0.2 else "#888888"
            edges.append({"x1": round(x1, 1), "y1": round(y1, 1), "x2": round(x2, 1), "y2": round(y2, 1),
                          "w": round(1 + 6 * r["n"] / top, 1), "colour": colour,
                          "title": f"{r['source']} -> {r['target']}: {r['n']} events, cooperation {coop:+.2f}",
                          "href": "/events?" + urlencode({**(params or {}), f"source_{side}": r["source"],
                                                          f"target_{side}": r["target"]})})
    circles = [{"x": round(x, 1), "y": round(y, 1), "r": round(radius_of[k], 1), "label": k}
               for k, (x, y) in pos.items()]
    return {"size": size, "nodes": circles, "edges": edges}


def _parquet(state: App, flt: Q.EventFilter, *, sort: str | None, limit: int, offset: int) -> Response:
    from_sql, params = state.filtered(flt)
    select = state.rows_sql(from_sql, sort=sort)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "events.parquet")
        with state.db.read() as con:
            con.execute(f"COPY ({select} LIMIT {int(limit)} OFFSET {int(offset)}) TO '{out}' (FORMAT parquet)", params)
        data = Path(out).read_bytes()
    return Response(data, media_type="application/vnd.apache.parquet",
                    headers={"Content-Disposition": 'attachment; filename="events.parquet"'})


def new_token() -> str:
    return secrets.token_urlsafe(24)
