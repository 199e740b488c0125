"""List the tests that may be unable to fail, for a reader to judge (session 45, tests45).

A static pass over the test files (Python's ``ast``; nothing is imported or run). Each row is a candidate, not a
verdict: a loop over a fixed non-empty literal is fine, a loop over what the code returns may be empty. Kinds:

- ``all``: ``assert all(...)`` or ``assert not any(...)`` (true on an empty iterable) whose iterable no other assert
  of the test names (``assert xs``, ``assert len(xs) == 2``, ``assert xs == [...]``).
- ``empty``: an assert that a collection built from another is empty (``assert not [...]``, ``assert [...] == []``,
  ``<=`` / ``issubset`` of a comprehension), under the same condition.
- ``loop``: a ``for`` loop whose body asserts (itself, or through a helper of the module that asserts) over an
  iterable that is neither a non-empty literal nor named by another assert of the test.
- ``self``: ``assert x == x`` (the same expression on both sides of a comparison).
- ``const``: ``assert`` of a constant.
- ``try``: an assert inside ``try`` whose handler catches ``AssertionError``, ``Exception``, ``BaseException`` or
  everything.
- ``skip``: ``pytest.skip``, ``importorskip``, ``skipif``/``skip``/``xfail`` marks, and ``need_shared`` /
  ``fixture_rows`` without ``gate=True`` (these skip under CI too when ../shared is absent).
- ``noassert``: a test with no assert, no ``pytest.raises``/``warns``/``fail`` and no call of a module helper that
  asserts.
- ``mock``: a test that ``monkeypatch.setattr``s a function to a lambda returning a constant and asserts that
  constant (an assert on the mock's own return).

A name counts as "checked" when an assert outside ``all``/``any`` and outside the loop names it, or when it is bound
to a non-empty literal (in the test or at module level). Prints one line a candidate (``path:line kind test: what``)
and the counts by kind.

    python tools/test_audit.py [tests] [--kinds all,loop] [--json build/test_audit.json]
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

BROAD = {"Exception", "BaseException", "AssertionError"}
CHECKERS = {"raises", "warns", "fail", "deprecated_call"}
#: Calls that skip a test: pytest's, and conftest.need_module (a skip outside CI only, so not listed).
SKIPS = {"pytest.skip", "pytest.importorskip", "pytest.xfail"}
#: conftest's readers of ../shared: a skip, under CI too, unless gate=True.
SHARED = {"need_shared", "fixture_rows"}


@dataclass
class Candidate:
    path: str
    line: int
    kind: str
    test: str
    what: str


def _names(node: ast.AST) -> set[str]:
    """The Names an expression reads (``events`` of ``events[0]["x"]``, ``len(events)``, ``e.events``)."""
    out = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            out.add(sub.id)
        elif isinstance(sub, ast.Attribute):
            out.add(ast.unparse(sub))
    return out


def _nonempty_literal(node: ast.AST, consts: dict[str, ast.AST]) -> bool:
    """A literal with at least one element, a non-empty string, a ``range(n)`` of a positive constant, or a name bound
    to one of those, or ``enumerate``/``zip``/``sorted``/``.items()`` of one."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return bool(node.elts)
    if isinstance(node, ast.Dict):
        return bool(node.keys)
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (str, bytes)) and bool(node.value)
    if isinstance(node, ast.Name) and node.id in consts:
        return _nonempty_literal(consts[node.id], {k: v for k, v in consts.items() if k != node.id})
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "range" and node.args:
            last = node.args[0] if len(node.args) == 1 else node.args[1]
            first = node.args[0] if len(node.args) > 1 else ast.Constant(0)
            if isinstance(last, ast.Constant) and isinstance(first, ast.Constant):
                return isinstance(last.value, int) and last.value > first.value
            return False
        if isinstance(func, ast.Name) and func.id in {"enumerate", "sorted", "list", "tuple", "reversed", "zip", "set"}:
            return bool(node.args) and all(_nonempty_literal(a, consts) for a in node.args)
        if isinstance(func, ast.Attribute) and func.attr in {"items", "keys", "values", "split", "splitlines"}:
            return _nonempty_literal(func.value, consts)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in consts:
        return False
    return False


def _root_names(node: ast.AST) -> set[str]:
    """The names an iterable is built from: ``events`` of ``events``, ``enumerate(events)``, ``events.items()``,
    ``zip(a, b)``, ``x["events"]``; a comprehension's own iterables."""
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.Attribute):
        return {ast.unparse(node)} | _root_names(node.value)
    if isinstance(node, ast.Subscript):
        return {ast.unparse(node)} | _root_names(node.value)
    if isinstance(node, ast.Call):
        out = set()
        if isinstance(node.func, ast.Attribute):
            out |= _root_names(node.func.value)
        for arg in node.args:
            out |= _root_names(arg)
        return out | {ast.unparse(node)}
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        out = set()
        for gen in node.generators:
            out |= _root_names(gen.iter)
        return out
    return _names(node) | {ast.unparse(node)}


def _comp_iters(node: ast.AST) -> list[ast.AST]:
    """The outermost iterable of each comprehension in an expression."""
    return [sub.generators[0].iter for sub in ast.walk(node)
            if isinstance(sub, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp))]


def _is_call(node: ast.AST, *names: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names


def _asserting_helpers(tree: ast.Module) -> set[str]:
    """Module functions that assert (directly or through another such function), fixed point."""
    funcs = {f.name: f for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
    asserting = {name for name, f in funcs.items() if any(isinstance(s, ast.Assert) or _pytest_check(s)
                                                            for s in ast.walk(f))}
    changed = True
    while changed:
        changed = False
        for name, f in funcs.items():
            if name in asserting:
                continue
            if any(isinstance(s, ast.Call) and isinstance(s.func, ast.Name) and s.func.id in asserting for s in ast.walk(f)):
                asserting.add(name)
                changed = True
    return asserting


def _pytest_check(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CHECKERS
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "pytest")


def _module_consts(tree: ast.Module) -> dict[str, ast.AST]:
    out: dict[str, ast.AST] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            out[stmt.targets[0].id] = stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            out[stmt.target.id] = stmt.value
    return out


def _local_consts(func: ast.AST) -> dict[str, ast.AST]:
    out: dict[str, ast.AST] = {}
    for stmt in ast.walk(func):
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            out[stmt.targets[0].id] = stmt.value
    return out


def _parametrized(func: ast.FunctionDef, consts: dict[str, ast.AST]) -> dict[str, ast.AST]:
    """Parameters fed by ``pytest.mark.parametrize`` from a literal: name -> a literal that stands for them (the
    parameter is taken as non-empty when every value given is)."""
    out: dict[str, ast.AST] = {}
    for dec in func.decorator_list:
        if not (isinstance(dec, ast.Call) and ast.unparse(dec.func).endswith("parametrize") and len(dec.args) >= 2):
            continue
        names_node, values = dec.args[0], dec.args[1]
        if isinstance(values, ast.Name) and values.id in consts:
            values = consts[values.id]
        if not isinstance(names_node, ast.Constant) or not isinstance(values, (ast.List, ast.Tuple)):
            continue
        names = [n.strip() for n in str(names_node.value).split(",") if n.strip()]
        for i, name in enumerate(names):
            cells = []
            for row in values.elts:
                if isinstance(row, ast.Call) and ast.unparse(row.func).endswith("param"):
                    row = row.args[0] if len(names) == 1 else ast.Tuple(elts=list(row.args))
                cell = row if len(names) == 1 else (row.elts[i] if isinstance(row, ast.Tuple) and i < len(row.elts) else None)
                cells.append(cell)
            if cells and all(c is not None and _nonempty_literal(c, consts) for c in cells):
                out[name] = ast.List(elts=[ast.Constant(1)])
    return out


class _Test:
    def __init__(self, path: str, func: ast.FunctionDef, helpers: set[str], consts: dict[str, ast.AST]):
        self.path, self.func, self.helpers = path, func, helpers
        self.consts = {**consts, **_local_consts(func), **_parametrized(func, consts)}
        self.out: list[Candidate] = []

    def add(self, node: ast.AST, kind: str, what: str) -> None:
        self.out.append(Candidate(self.path, getattr(node, "lineno", self.func.lineno), kind, self.func.name, what))

    def asserts(self) -> list[ast.Assert]:
        return [s for s in ast.walk(self.func) if isinstance(s, ast.Assert)]

    def checked(self, roots: set[str], exclude: ast.AST | None = None) -> bool:
        """Whether another assert names one of these names outside an ``all``/``any``/emptiness check, or one is a
        non-empty literal."""
        if any(r in self.consts and _nonempty_literal(self.consts[r], self.consts) for r in roots):
            return True
        inside = set()
        if exclude is not None:
            inside = {id(s) for s in ast.walk(exclude)}
        for a in self.asserts():
            test = a.test
            for part in (test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]):
                if id(part) in inside or _vacuous_shape(part) is not None or _self_compare(part):
                    continue
                if _names(part) & roots:
                    return True
        # a pytest helper checking them: helper(events) whose helper asserts; or a counter asserted later
        for call in ast.walk(self.func):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in self.helpers:
                if id(call) in inside:
                    continue
                if any(_names(arg) & roots for arg in call.args):
                    return True
        return False

    def run(self) -> list[Candidate]:
        f = self.func
        body_asserts = self.asserts()
        checks = [s for s in ast.walk(f) if _pytest_check(s)]
        helper_calls = [s for s in ast.walk(f) if isinstance(s, ast.Call) and isinstance(s.func, ast.Name)
                        and s.func.id in self.helpers]
        if not body_asserts and not checks and not helper_calls:
            self.add(f, "noassert", "no assert, pytest.raises or asserting helper")
        for a in body_asserts:
            test = a.test
            if isinstance(test, ast.Constant):
                self.add(a, "const", ast.unparse(a)[:120])
            for sub in ast.walk(test):
                if _self_compare(sub):
                    self.add(a, "self", ast.unparse(sub)[:120])
            for part in (test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]):
                shape = _vacuous_shape(part)
                if shape is None:
                    continue
                kind, iters = shape
                roots = set().union(*(_root_names(i) for i in iters)) if iters else set()
                if iters and all(_nonempty_literal(i, self.consts) for i in iters):
                    continue
                if not self.checked(roots, exclude=part):
                    self.add(a, kind, ast.unparse(part)[:140])
        for loop in ast.walk(f):
            if not isinstance(loop, (ast.For, ast.AsyncFor)):
                continue
            asserting = any(isinstance(s, ast.Assert) or _pytest_check(s) or (
                isinstance(s, ast.Call) and isinstance(s.func, ast.Name) and s.func.id in self.helpers)
                for stmt in loop.body for s in ast.walk(stmt))
            if not asserting or _nonempty_literal(loop.iter, self.consts):
                continue
            roots = _root_names(loop.iter)
            # a loop variable of an enclosing loop over a literal of non-empty literals
            if not self.checked(roots, exclude=loop):
                self.add(loop, "loop", f"for {ast.unparse(loop.target)} in {ast.unparse(loop.iter)}"[:140])
        for node in ast.walk(f):
            if isinstance(node, ast.Try):
                has_assert = any(isinstance(s, ast.Assert) for stmt in node.body for s in ast.walk(stmt))
                broad = [h for h in node.handlers if h.type is None or any(
                    isinstance(t, ast.Name) and t.id in BROAD for t in ast.walk(h.type))]
                if has_assert and broad:
                    self.add(node, "try", "assert inside try/except " + ", ".join(
                        ast.unparse(h.type) if h.type else "(bare)" for h in broad))
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                if name in SKIPS:
                    self.add(node, "skip", ast.unparse(node)[:140])
                if name in SHARED and not _gated(node):
                    self.add(node, "skip", ast.unparse(node)[:140] + " (skips under CI without ../shared)")
        for dec in f.decorator_list:
            text = ast.unparse(dec)
            if any(m in text for m in ("mark.skip", "mark.xfail")):
                self.add(dec, "skip", text[:140])
        self._mocks()
        return self.out

    def _mocks(self) -> None:
        """monkeypatch.setattr(obj, "name", lambda ...: CONST) and then an assert comparing with CONST."""
        consts = []
        for node in ast.walk(self.func):
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("setattr") and node.args:
                value = node.args[-1]
                if isinstance(value, ast.Lambda) and isinstance(value.body, ast.Constant):
                    consts.append(value.body.value)
        if not consts:
            return
        for a in self.asserts():
            for sub in ast.walk(a.test):
                if isinstance(sub, ast.Compare):
                    for side in [sub.left, *sub.comparators]:
                        if isinstance(side, ast.Constant) and side.value in consts and side.value not in (None, True, False):
                            self.add(a, "mock", ast.unparse(a)[:140])


def _self_compare(node: ast.AST) -> bool:
    """``x == x``, ``x is x`` (but not ``f(x) is f(x)``, which checks a memo and can fail)."""
    return (isinstance(node, ast.Compare) and len(node.comparators) == 1
            and ast.dump(node.left) == ast.dump(node.comparators[0])
            and not (isinstance(node.ops[0], (ast.Is, ast.IsNot)) and isinstance(node.left, ast.Call)))


def _vacuous_shape(node: ast.AST) -> tuple[str, list[ast.AST]] | None:
    """``all(...)``, ``not any(...)``, ``not [comp]``, ``[comp] == []``, ``set(comp) <= X``, ``X.issubset``: the kind
    and the iterables it ranges over, or None."""
    if _is_call(node, "all") and node.args:
        arg = node.args[0]
        iters = _comp_iters(arg)[:1] or [arg]
        return "all", iters
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = node.operand
        if _is_call(inner, "any") and inner.args:
            arg = inner.args[0]
            return "none", _comp_iters(arg)[:1] or [arg]
        if isinstance(inner, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)) or (
                isinstance(inner, ast.Call) and _comp_iters(inner)):
            return "none", _comp_iters(inner)[:1]
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        left, op, right = node.left, node.ops[0], node.comparators[0]
        empty = lambda n: (isinstance(n, (ast.List, ast.Tuple, ast.Set, ast.Dict)) and not getattr(n, "elts", getattr(n, "keys", [1]))) or (  # noqa: E731
            _is_call(n, "set", "list", "dict", "tuple") and not n.args) or (isinstance(n, ast.Constant) and n.value == 0
                                                                            and False)
        if isinstance(op, (ast.Eq, ast.Is)) and (empty(right) or empty(left)):
            other = left if empty(right) else right
            iters = _comp_iters(other)[:1]
            if iters:
                return "none", iters
        if isinstance(op, (ast.LtE, ast.Lt)) and _comp_iters(left):
            return "subset", _comp_iters(left)[:1]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "issubset":
        iters = _comp_iters(node.func.value)[:1]
        if iters:
            return "subset", iters
    return None


def audit_file(path: Path) -> list[Candidate]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    helpers = _asserting_helpers(tree)
    consts = _module_consts(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            out += _Test(str(path), node, helpers, consts).run()
    # skips outside the tests: at module level (they apply to every test of the file) and in fixtures and helpers
    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name.startswith("test"):
            continue
        where = f"({stmt.name})" if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) else "(module)"
        for node in ast.walk(stmt):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                if name in SKIPS or (name in SHARED and not _gated(node)):
                    out.append(Candidate(str(path), node.lineno, "skip", where, ast.unparse(node)[:140]))
    return out


def _gated(call: ast.Call) -> bool:
    return any(k.arg == "gate" and isinstance(k.value, ast.Constant) and k.value.value for k in call.keywords)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", default=["tests"])
    ap.add_argument("--kinds", default="", help="comma-separated kinds to print (default: all)")
    ap.add_argument("--json", help="write the candidates here")
    args = ap.parse_args(argv)
    files = sorted(p for arg in args.paths for p in ([Path(arg)] if Path(arg).is_file() else Path(arg).rglob("test_*.py")))
    rows = [c for p in files for c in audit_file(p)]
    kinds = set(filter(None, args.kinds.split(",")))
    shown = [c for c in rows if not kinds or c.kind in kinds]
    for c in shown:
        print(f"{c.path}:{c.line} {c.kind} {c.test}: {c.what}")
    counts = Counter(c.kind for c in rows)
    tests = sum(1 for p in files for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name.startswith("test"))
    print(f"# {len(files)} files, {tests} test functions, {len(rows)} candidates: "
          + ", ".join(f"{k} {v}" for k, v in counts.most_common()), file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(c) for c in rows], indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
