"""Every SQL statement in ``pipeline/`` and ``dashboard/`` is built from constants; values go in as
parameters (``?``). Checked on the source's syntax tree, so a new f-string with a user's value fails.

A statement passed to ``execute``/``executemany``/``executescript``/``sql`` is safe when it is made
of string constants, module constants (UPPER_CASE), numbers, ``?`` placeholders repeated or joined,
and local names bound only to such values. A function that passes its parameter straight to
``execute`` (a query helper) is checked at every call site instead. What the analysis cannot see
through is listed in ``ALLOWED`` with the reason it is safe; keep that list short.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pipeline", "dashboard")
SINKS = frozenset({"execute", "executemany", "executescript", "sql"})
NOT_SQL = frozenset({"pn.state.execute"})  # calls of those names that run no SQL: Panel's scheduler
# (file, function, name): why the value is safe though the analysis cannot prove it.
ALLOWED = {
    ("pipeline/catalog/stats.py", "_counts", "column"): "called with the constants 'family' and 'form'",
    ("pipeline/orders/store.py", "_one", "column"): "called with our column names, never a value",
    ("pipeline/catalog/browse.py", "browse", "sql"): "_Where renders ? placeholders and known columns",
    ("pipeline/catalog/browse.py", "_counts", "sql"): "as browse's sql: _Where.render",
    ("pipeline/catalog/browse.py", "_total", "sql"): "as browse's sql: _Where.render",
    ("pipeline/catalog/writer.py", "_fill", "columns"): "the parts table's own columns, asked of DuckDB",
}
NUMBERS = frozenset({"len", "int", "float", "range"})  # a number is never an injection
CONTAINERS = frozenset({"str", "enumerate", "sorted", "tuple", "list", "reversed"})  # safe if made of safe
STRING_METHODS = frozenset({"strip", "lower", "upper", "split", "replace", "format", "join"})


def is_constant_name(name: str) -> bool:
    return name.strip("_").replace("_", "").isupper()


@dataclass
class Scope:
    """A function (or a module) and the places its local names get their values."""

    path: str
    name: str
    node: ast.AST
    params: set[str] = field(default_factory=set)
    bindings: dict[str, list[tuple[str, ast.expr]]] = field(default_factory=dict)  # (how, value)


def own_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a function or module body, not those of functions defined inside it."""
    for child in ast.iter_child_nodes(node):
        yield child
        if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            yield from own_nodes(child)


def scope_of(path: str, node: ast.AST) -> Scope:
    scope = Scope(path, getattr(node, "name", "<module>"), node)
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        scope.params = {arg.arg for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]}

    def bind(target: ast.expr, how: str, value: ast.expr) -> None:
        if isinstance(target, ast.Name):
            scope.bindings.setdefault(target.id, []).append((how, value))
        elif isinstance(target, ast.Tuple):
            branches = [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
            for position, element in enumerate(target.elts):
                for branch in branches:
                    if isinstance(branch, ast.Tuple) and how == "value":
                        bind(element, "value", branch.elts[position])
                    elif how == "item" and _is_call(branch, "enumerate"):  # (a count, an item)
                        count, items = ("value", ast.Constant(0)), ("item", branch.args[0])
                        bind(element, *(count if position == 0 else items))
                    else:
                        bind(element, "opaque", branch)

    for child in own_nodes(node):
        if isinstance(child, ast.Assign):
            for target in child.targets:
                bind(target, "value", child.value)
        elif isinstance(child, ast.AnnAssign | ast.AugAssign) and child.value is not None:
            bind(child.target, "value", child.value)
        elif isinstance(child, ast.For):
            bind(child.target, "item", child.iter)
        elif isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
            owner = child.func.value
            if isinstance(owner, ast.Name) and child.func.attr in ("append", "extend") and child.args:
                how = "value" if child.func.attr == "append" else "item"
                scope.bindings.setdefault(owner.id, []).append((how, child.args[-1]))
    return scope


def _is_call(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name


class Checker:
    def __init__(self, scope: Scope, sink_params: set[str] = frozenset()) -> None:
        self.scope = scope
        self.sink_params = sink_params  # checked at the call sites instead
        self.unsafe: list[str] = []
        self._busy: set[str] = set()

    def safe(self, node: ast.expr, bound: frozenset[str] = frozenset()) -> bool:
        match node:
            case ast.Constant():
                return True
            case ast.JoinedStr(values=values):
                return all(self.safe(v, bound) for v in values)
            case ast.FormattedValue(value=value) | ast.Starred(value=value) | ast.Subscript(value=value):
                return self.safe(value, bound)
            case ast.BinOp(left=left, op=ast.Mult(), right=right):
                repeated_text = any(
                    isinstance(s, ast.Constant) and isinstance(s.value, str) for s in (left, right)
                )
                return repeated_text or (self.safe(left, bound) and self.safe(right, bound))
            case ast.BinOp(left=left, right=right):
                return self.safe(left, bound) and self.safe(right, bound)
            case ast.IfExp(body=body, orelse=orelse):
                return self.safe(body, bound) and self.safe(orelse, bound)
            case ast.Tuple(elts=elts) | ast.List(elts=elts):
                return all(self.safe(e, bound) for e in elts)
            case ast.Attribute(attr=attr):
                return is_constant_name(attr)
            case ast.Name(id=name):
                return name in bound or self.name_safe(name)
            case ast.ListComp() | ast.GeneratorExp() | ast.SetComp():
                return self.comprehension_safe(node, bound)
            case ast.Call():
                return self.call_safe(node, bound)
        return False

    def call_safe(self, node: ast.Call, bound: frozenset[str]) -> bool:
        arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
        function = node.func.id if isinstance(node.func, ast.Name) else None
        if function in NUMBERS:
            return True
        if function == "filter" and len(node.args) == 2:  # filter(predicate, items): the items
            return self.safe(node.args[1], bound)
        if function in CONTAINERS:
            return all(self.safe(a, bound) for a in arguments)
        if isinstance(node.func, ast.Attribute) and node.func.attr in STRING_METHODS:
            return self.safe(node.func.value, bound) and all(self.safe(a, bound) for a in arguments)
        return False

    def comprehension_safe(
        self, node: ast.ListComp | ast.GeneratorExp | ast.SetComp, bound: frozenset[str]
    ) -> bool:
        names = set(bound)
        for generator in node.generators:
            targets = {n.id for n in ast.walk(generator.target) if isinstance(n, ast.Name)}
            if self.safe(generator.iter, frozenset(names)):
                names |= targets
        return self.safe(node.elt, frozenset(names))

    def name_safe(self, name: str) -> bool:
        if is_constant_name(name) or name in self._busy:
            return True  # a module constant; or a name being checked already (x += ...)
        if (self.scope.path, self.scope.name, name) in ALLOWED or name in self.sink_params:
            return True
        values = self.scope.bindings.get(name, [])
        if not values or name in self.scope.params:
            self.unsafe.append(name)
            return False
        self._busy.add(name)
        try:
            verdicts = [how != "opaque" and self.safe(value) for how, value in values]
        finally:
            self._busy.discard(name)
        if not all(verdicts):
            self.unsafe.append(name)
        return all(verdicts)


def _statement(call: ast.Call, position: int | None, keyword: str) -> ast.expr | None:
    if position is not None and len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def scopes(path: Path) -> Iterator[Scope]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative = path.relative_to(ROOT).as_posix()
    yield scope_of(relative, tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield scope_of(relative, node)


def calls(scope: Scope) -> Iterator[tuple[str, ast.Call]]:
    for node in own_nodes(scope.node):
        if isinstance(node, ast.Call) and ast.unparse(node.func) not in NOT_SQL:
            func = node.func
            yield (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")), node


@dataclass(frozen=True)
class Helper:
    """A function that passes its parameter ``param`` (at ``position``) straight to ``execute``."""

    position: int
    param: str
    params: tuple[str, ...]

    def statement(self, call: ast.Call) -> ast.expr | None:
        """The SQL a call passes, or None when the call cannot be to this helper (another function
        of the same name: ``index.rows(grade, form, window)`` is not ``store.rows(sql)``)."""
        if len(call.args) > len(self.params) or any(k.arg not in self.params for k in call.keywords):
            return None
        return _statement(call, self.position, self.param)


def query_helpers(all_scopes: list[Scope]) -> dict[str, Helper]:
    """Functions that pass a parameter straight to ``execute``, by name."""
    helpers = {}
    for scope in all_scopes:
        for name, call in calls(scope):
            first = _statement(call, 0, "sql")
            if name in SINKS and isinstance(first, ast.Name) and first.id in scope.params:
                params = tuple(a.arg for a in scope.node.args.args if a.arg not in ("self", "cls"))
                helpers[scope.name] = Helper(params.index(first.id), first.id, params)
    return helpers


def statement_of(name: str, call: ast.Call, helpers: dict[str, Helper]) -> ast.expr | None:
    """The SQL this call runs, if it runs any."""
    if name in SINKS:
        return _statement(call, 0, "sql")
    return helpers[name].statement(call) if name in helpers else None


def verdicts(scope: Scope, helpers: dict[str, Helper]) -> Iterator[tuple[ast.Call, Checker, bool]]:
    """(call, its checker, whether its SQL is safe) for each statement ``scope`` runs."""
    own_param = {helpers[scope.name].param} if scope.name in helpers else set()
    for name, call in calls(scope):
        statement = statement_of(name, call, helpers)
        if statement is not None:
            checker = Checker(scope, own_param)
            yield call, checker, checker.safe(statement)


def unsafe_statements() -> list[str]:
    paths = [path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))]
    all_scopes = [scope for path in paths for scope in scopes(path)]
    helpers = query_helpers(all_scopes)
    return [
        f"{scope.path}:{call.lineno} {scope.name}(): {', '.join(checker.unsafe)}"
        for scope in all_scopes
        for call, checker, safe in verdicts(scope, helpers)
        if not safe
    ]


def test_every_sql_statement_is_built_from_constants() -> None:
    assert unsafe_statements() == []


def test_the_check_catches_a_value_formatted_into_sql(tmp_path: Path) -> None:
    source = """
def find(connection, name):
    connection.execute(f"SELECT * FROM parts WHERE grade = '{name}'")

def find_safely(connection, name):
    where = ["grade = ?"]
    where.append("form = ?")
    connection.execute(f"SELECT * FROM parts WHERE {' AND '.join(where)}", (name, "sheet"))

def helper(connection, sql):
    return connection.execute(sql).fetchall()

def caller(connection, text):
    helper(connection, "SELECT 1")
    helper(connection, "SELECT " + text)
"""
    tree = ast.parse(source)
    module = [scope_of("x.py", tree), *(scope_of("x.py", n) for n in tree.body)]
    helpers = query_helpers(module)
    assert helpers == {"helper": Helper(1, "sql", ("connection", "sql"))}
    found = {scope.name: [safe for _, _, safe in verdicts(scope, helpers)] for scope in module[1:]}
    assert found == {"find": [False], "find_safely": [True], "helper": [True], "caller": [True, False]}
