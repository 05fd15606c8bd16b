"""The interview: a form plus its answers — which steps and fields show, what is wrong, what comes next.

Visibility is decided once from all the answers; hidden fields then count as unanswered for the
computed values and checks, and never produce a problem. Nothing here raises on any answer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from thbdesk.core.forms.answers import Answers, migrate
from thbdesk.core.forms.model import Check, Field, FormSpec, Level, Step
from thbdesk.core.forms.validate import REQUIRED, Issue, check_value, count_issues, message
from thbdesk.core.forms.values import is_empty, stored, typed
from thbdesk.core.i18n import N_

UNKNOWN_ANSWER = N_("This answer is not a question of this form; it is ignored.")
BAD_GROUP_ENTRY = N_("Each entry of this list must be a set of answers.")


@dataclass(frozen=True)
class Problem:
    """Something to fix (error) or to look at (warning), placed at a field of a step."""

    field_id: str | None
    level: Level
    message: dict[str, str]  # language -> text
    step_id: str | None = None
    item: int | None = None  # inside a group: the entry's index ...
    sub_id: str | None = None  # ... and the item field
    check_id: str | None = None

    def text(self, lang: str) -> str:
        return self.message.get(lang) or self.message.get("en", "")

    @property
    def where(self) -> str:
        """``persons[1].name``: the place as the answers file names it."""
        place = self.field_id or ""
        if self.item is not None:
            place += f"[{self.item}]"
        return f"{place}.{self.sub_id}" if self.sub_id else place


@dataclass(frozen=True)
class _State:
    visible_steps: tuple[str, ...]
    visible_fields: frozenset[str]
    env: dict[str, object]
    computed: dict[str, object]


class Interview:
    """State over a ``FormSpec`` and its ``Answers``; the wizard and ``thbdesk validate`` share it."""

    def __init__(self, spec: FormSpec, answers: Answers | None = None) -> None:
        self.spec = spec
        self._answers = migrate(answers, spec) if answers is not None else Answers.new(spec)
        self._values: dict[str, Any] = dict(self._answers.answers)
        self._state: _State | None = None

    @property
    def answers(self) -> Answers:
        return replace(self._answers, answers=dict(self._values))

    def get(self, field_id: str) -> Any:
        return self._values.get(field_id)

    def set(self, field_id: str, value: object) -> None:
        """Record an answer (``FreeText``, dates and lists accepted); an empty answer is removed."""
        value = stored(value)
        if is_empty(value):
            self._values.pop(field_id, None)
        else:
            self._values[field_id] = value
        self._state = None

    # --- what shows -------------------------------------------------------------------------
    def _computed(self, env: dict[str, object]) -> dict[str, object]:
        found: dict[str, object] = {}
        for item in self.spec.computed:
            found[item.id] = env[item.id] = item.expr.evaluate(env)
        return found

    def _raw_env(self) -> dict[str, object]:
        return {f.id: typed(f, self._values.get(f.id)) for _, f in self.spec.fields()}

    def state(self) -> _State:
        if self._state is None:
            env = self._raw_env()
            self._computed(env)
            steps = tuple(s.id for s in self.spec.steps if s.show_if is None or s.show_if.test(env))
            shown = frozenset(
                f.id
                for step_id in steps
                for f in self._step(step_id).fields
                if f.show_if is None or f.show_if.test(env)
            )
            env = {k: (v if k in shown else None) for k, v in self._raw_env().items()}
            computed = self._computed(env)
            self._state = _State(steps, shown, env, computed)
        return self._state

    def _step(self, step_id: str) -> Step:
        step = self.spec.step(step_id)
        if step is None:
            raise KeyError(step_id)
        return step

    def visible_steps(self) -> list[Step]:
        return [self._step(s) for s in self.state().visible_steps]

    def visible_fields(self, step_id: str) -> list[Field]:
        shown = self.state().visible_fields
        return [f for f in self._step(step_id).fields if f.id in shown]

    def is_visible(self, field_id: str) -> bool:
        return field_id in self.state().visible_fields

    def visible_item_fields(self, group_id: str, index: int) -> list[Field]:
        """The fields of entry ``index`` of a group that its conditions show."""
        group = self.spec.field(group_id)
        if group is None or not self.is_visible(group_id):
            return []
        env = self._item_env(group, index)
        return [f for f in group.fields if f.show_if is None or f.show_if.test(env)]

    def _item_env(self, group: Field, index: int) -> dict[str, object]:
        items = self.state().env.get(group.id)
        item = items[index] if isinstance(items, list) and 0 <= index < len(items) else {}
        return {**self.state().env, **item}

    def computed(self) -> dict[str, object]:
        return dict(self.state().computed)

    def environment(self) -> dict[str, object]:
        """Typed answers (hidden ones as ``None``) and computed values: what conditions see."""
        return dict(self.state().env)

    # --- where to go ----------------------------------------------------------------------------
    def next_step(self, after_step_id: str | None = None) -> Step | None:
        """The next shown step after ``after_step_id`` (the first one when ``None``)."""
        return self._neighbour(after_step_id, forward=True)

    def previous_step(self, before_step_id: str) -> Step | None:
        return self._neighbour(before_step_id, forward=False)

    def _neighbour(self, step_id: str | None, *, forward: bool) -> Step | None:
        order = [s.id for s in self.spec.steps]
        shown = set(self.state().visible_steps)
        if step_id is None:
            candidates = order if forward else []
        else:
            at = order.index(step_id) if step_id in order else -1
            candidates = order[at + 1 :] if forward else list(reversed(order[:at])) if at > 0 else []
        return next((self._step(s) for s in candidates if s in shown), None)

    def step_complete(self, step_id: str) -> bool:
        """No error left in the step (every required shown answer given and well formed)."""
        return not any(p.level == "error" for p in self.problems(step_id))

    # --- what is wrong ----------------------------------------------------------------------------
    def problems(self, step_id: str | None = None) -> list[Problem]:
        """Errors and warnings of one step, or of the whole form (then also answers it does not ask)."""
        state = self.state()
        found: list[Problem] = []
        for step in self.spec.steps:
            if step_id in (None, step.id) and step.id in state.visible_steps:
                for item in step.fields:
                    if item.id in state.visible_fields:
                        found.extend(self._field_problems(step, item))
        found.extend(p for p in self._check_problems() if step_id in (None, p.step_id))
        if step_id is None:
            found.extend(self._unknown_answers())
        return found

    def _field_problems(self, step: Step, item: Field) -> Iterator[Problem]:
        env = self.state().env
        value = self._values.get(item.id)
        for issue in self._issues(item, value, env):
            yield Problem(item.id, "error", issue.message, step.id, issue.item, issue.sub_id)

    def _issues(self, item: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
        if is_empty(value):
            if _required(item, env):
                yield Issue(message(REQUIRED))
            return
        if item.type == "group":
            yield from self._group_issues(item, value)
        else:
            yield from check_value(item, value, env)

    def _group_issues(self, group: Field, value: object) -> Iterator[Issue]:
        if not isinstance(value, list):
            yield Issue(message(BAD_GROUP_ENTRY))
            return
        yield from count_issues(group, len(value))
        for index, entry in enumerate(value):
            if not isinstance(entry, Mapping):
                yield Issue(message(BAD_GROUP_ENTRY), index)
                continue
            env = self._item_env(group, index)
            for sub in group.fields:
                if sub.show_if is None or sub.show_if.test(env):
                    for issue in self._issues(sub, entry.get(sub.id), env):
                        yield Issue(issue.message, index, sub.id)

    def _check_problems(self) -> Iterator[Problem]:
        state = self.state()
        for check in self.spec.checks:
            if self._applies(check, state.env, state.visible_fields) and not check.assert_.test(state.env):
                target = next((f for f in check.fields if f in state.visible_fields), None)
                step = self.spec.step_of(target) if target else None
                texts = {lang: check.message.get(lang) for lang in ("ar", "fr", "en")}
                yield Problem(target, check.level, texts, step.id if step else None, check_id=check.id)

    @staticmethod
    def _applies(check: Check, env: Mapping[str, object], shown: frozenset[str]) -> bool:
        if check.fields and not any(f in shown for f in check.fields):
            return False
        if check.when is not None:
            return check.when.test(env)
        return all(env.get(name) is not None for name in check.assert_.names)

    def _unknown_answers(self) -> Iterator[Problem]:
        known = {f.id for _, f in self.spec.fields()}
        for key in self._values:
            if key not in known:
                yield Problem(key, "warning", message(UNKNOWN_ANSWER))


def _required(item: Field, env: Mapping[str, object]) -> bool:
    if isinstance(item.required, bool):
        return item.required
    return item.required.test(env)
