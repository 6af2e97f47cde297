"""Emitting values: expressions, calls, list values and divert targets onto the evaluation stack.

A mixin of the emitter (`emit._Emitter`), kept apart because it is the one part that follows the
expression grammar rather than the story's structure.
"""

from __future__ import annotations

from dreamphases.compiler import ast as A
from dreamphases.compiler.builtins import BUILTINS
from dreamphases.compiler.resolved import Resolved
from dreamphases.compiler.runtime_tree import Container, Ref

__all__ = ["ValueEmitter"]

#: ink operators whose runtime name differs from their source spelling
_OPS = {"^": "L^"}


class ValueEmitter:
    # provided by the emitter
    res: Resolved

    def container_for(self, node: object) -> Container:
        raise NotImplementedError

    def inlines(self, items: list[A.Inline], c: Container, flow: A.Flow) -> None:
        raise NotImplementedError

    def postfix(self, p: A.Postfix, c: Container) -> None:
        name = p.target.name
        kind = self.res.names.get(id(p.target), ("var", name))
        c.add({"VAR?": name})
        c.add(1)
        c.add("+" if p.op == "++" else "-")
        is_temp = kind[0] == "var" and name not in {v.name for v in self.res.story.variables}
        c.add({"temp=": name, "re": True} if is_temp else {"VAR=": name, "re": True})

    # -- inline --------------------------------------------------------------------------------------

    def target_value(self, target: object, text: str, c: Container) -> None:
        if isinstance(target, tuple):
            c.add({"VAR?": target[1]})
        elif target is None or isinstance(target, str):
            c.add({"^->": text})
        else:
            c.add(Ref("^->", self.container_for(target)))

    # -- blocks --------------------------------------------------------------------------------------

    def list_value(self, origin: str | None, items: list[tuple[str, str, int]]) -> dict:
        value: dict[str, object] = {"list": {f"{lst}.{item}": v for lst, item, v in items}}
        if not items and origin:
            value["origins"] = [origin]
        return value

    def expr(self, e: object, c: Container) -> None:
        if isinstance(e, A.Number):
            c.add(e.value)
        elif isinstance(e, A.Bool):
            c.add(e.value)
        elif isinstance(e, A.StringLit):
            c.add("str")
            self.inlines(e.parts, c, self.res.story.root)
            c.add("/str")
        elif isinstance(e, A.Name):
            kind, payload = self.res.names.get(id(e), ("var", e.name))
            if kind == "var":
                c.add({"VAR?": payload})
            elif kind == "const":
                self.expr(payload, c)
            elif kind == "item":
                c.add(self.list_value(None, [payload]))  # type: ignore[list-item]
            elif kind == "count":
                c.add(Ref("CNT?", self.container_for(payload)))
            elif kind == "ref":
                c.add({"^var": payload, "ci": -1})
        elif isinstance(e, A.DivertTarget):
            self.target_value(self.res.targets.get(id(e)), e.path, c)
        elif isinstance(e, A.ListLit):
            items = []
            for name in e.items:
                found = self._item(name)
                if found:
                    items.append(found)
            c.add(self.list_value(None, items))
        elif isinstance(e, A.Unary):
            self.expr(e.operand, c)
            c.add("_" if e.op == "-" else "!")
        elif isinstance(e, A.Binary):
            self.expr(e.left, c)
            self.expr(e.right, c)
            c.add(_OPS.get(e.op, e.op))
        elif isinstance(e, A.Call):
            self.call(e, c)
        elif isinstance(e, A.Postfix):
            self.postfix(e, c)
            c.add({"VAR?": e.target.name})

    def _item(self, name: str) -> tuple[str, str, int] | None:
        if "." in name:
            lst, item = name.split(".", 1)
            for l2, i2, v in self.res.list_items.get(item, []):
                if l2 == lst:
                    return (l2, i2, v)
            return None
        found = self.res.list_items.get(name)
        return found[0] if found else None

    def call(self, e: A.Call, c: Container) -> None:
        kind, payload = self.res.calls.get(id(e), ("builtin", e.name))
        if kind == "builtin":
            name = str(payload)
            for arg in e.args:
                if isinstance(arg, A.DivertTarget):
                    self.target_value(self.res.targets.get(id(arg)), arg.path, c)
                else:
                    self.expr(arg, c)
            c.add(BUILTINS[name][2])
        elif kind == "listcast":
            if not e.args:  # `listname()` is the empty list of that list
                c.add(self.list_value(str(payload), []))
                return
            c.add("^" + str(payload))
            for arg in e.args:
                self.expr(arg, c)
            c.add("listInt")
        elif kind == "varcall":  # a function called through a divert-target variable
            for arg in e.args:
                self.expr(arg, c)
            c.add({"f()": str(payload), "var": True})
        elif kind == "function":
            flow = payload
            assert isinstance(flow, A.Flow)
            for i, arg in enumerate(e.args):
                if i < len(flow.params) and flow.params[i].ref and isinstance(arg, A.Name):
                    c.add({"^var": arg.name, "ci": -1})
                else:
                    self.expr(arg, c)
            c.add(Ref("f()", self.container_for(flow)))
        elif kind == "external":
            for arg in e.args:
                self.expr(arg, c)
            c.add({"x()": e.name, "exArgs": len(e.args)})
