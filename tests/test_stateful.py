"""Random sequences of user actions, checked against a plain model of the page."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from helpers import EXAMPLES, button_in

from lite.testing import TestClient

STEPS = 30
RUNS = 60

names = st.sampled_from(["A", "B", "", "Buy milk", "日本", "<b>x</b>"])


class TodoMachine(RuleBasedStateMachine):
    """The to-do list: a list of ``[name, complete]`` entries is the whole model."""

    def __init__(self) -> None:
        super().__init__()
        self.client = TestClient(str(EXAMPLES / "todo_list.py"))
        self.tasks: list[dict] = []

    def incomplete(self) -> list[dict]:
        return [t for t in self.tasks if not t["complete"]]

    @rule(name=names)
    def add(self, name):
        box = self.client.get("textbox", label="Task Name")
        self.client.type(box, name)
        self.client.submit(box)
        self.tasks.append({"name": name, "complete": False})

    @precondition(lambda self: self.incomplete())
    @rule(data=st.data())
    def done(self, data):
        position = data.draw(st.integers(0, len(self.incomplete()) - 1))
        self.client.click(button_in(self.client.find("row")[position], "Done"))
        self.incomplete()[position]["complete"] = True

    @precondition(lambda self: self.incomplete())
    @rule(data=st.data())
    def delete(self, data):
        position = data.draw(st.integers(0, len(self.incomplete()) - 1))
        self.client.click(button_in(self.client.find("row")[position], "Delete"))
        self.tasks.remove(self.incomplete()[position])  # first equal task, as the app does

    @invariant()
    def page_matches_model(self):
        render = self.client.get("render")
        headings = [n.props["value"] for n in render.children if n.kind == "markdown"]
        complete = [t["name"] for t in self.tasks if t["complete"]]
        assert headings == [f"### Incomplete Tasks ({len(self.incomplete())})",
                            f"### Complete Tasks ({len(complete)})"]
        rows = [row.children[0].props["value"] for row in self.client.find("row")]
        assert rows == [t["name"] for t in self.incomplete()]
        shown = [n.props["value"] for n in render.children if n.kind == "textbox"]
        assert shown == complete


class AddBoxMachine(RuleBasedStateMachine):
    """Add Box and Merge: the model is the list of box texts."""

    def __init__(self) -> None:
        super().__init__()
        self.client = TestClient(str(EXAMPLES / "add_box_merge.py"))
        self.texts = [""]
        self.merged = ""

    @rule()
    def add_box(self):
        self.client.click(self.client.get("button", value="Add Box"))
        self.texts.append("")

    @rule(data=st.data(), text=st.text(max_size=6))
    def type_text(self, data, text):
        position = data.draw(st.integers(0, len(self.texts) - 1))
        self.client.type(self.client.get("textbox", label=f"Box {position}"), text)
        self.texts[position] = text

    @rule()
    def merge(self):
        self.client.click(self.client.get("button", value="Merge"))
        self.merged = " ".join(self.texts)

    @invariant()
    def page_matches_model(self):
        render = self.client.get("render")
        assert [n.props["label"] for n in render.children] == \
            [f"Box {i}" for i in range(len(self.texts))]
        assert [n.props["value"] for n in render.children] == self.texts
        assert self.client.get("textbox", label="Merged Output").props["value"] == self.merged


TestTodo = TodoMachine.TestCase
TestTodo.settings = settings(max_examples=RUNS, stateful_step_count=STEPS, deadline=None)
TestAddBox = AddBoxMachine.TestCase
TestAddBox.settings = settings(max_examples=RUNS, stateful_step_count=STEPS, deadline=None)
