"""Keyboard shortcuts: a key pressed on the page (not while typing in a field) runs its action.

The browser only reports the key (``model.send_msg``); the action runs on the server, in the
session, like a button's click. The component shows its own key list, so the page always lists
the shortcuts it answers to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import param
from panel.custom import JSComponent

Action = tuple[str, Callable[[], None]]  # what the key does, in words; the action

CSS = """
:host { font-family: system-ui, sans-serif; font-size: 13px; color: #57606a; }
kbd { border: 1px solid #d0d7de; border-radius: 4px; padding: 0 5px; background: #f6f8fa; color: #24292f; }
"""


class KeyShortcuts(JSComponent):
    """Keys that run actions; built from ``{key: (words, action)}`` (``KeyboardEvent.key`` names)."""

    keys = param.List(default=[], item_type=str, doc="The keys answered to.")
    words = param.List(default=[], item_type=str, doc="What each key does, in the same order.")

    _stylesheets = [CSS]  # noqa: RUF012 (Panel's class attribute)

    _esm = """
    export function render({ model, el }) {
      const list = document.createElement("span");
      list.className = "od-keys";
      list.append("Keys: ");
      model.keys.forEach((key, i) => {
        const kbd = document.createElement("kbd");
        kbd.textContent = key.length === 1 && key !== key.toLowerCase() ? `Shift+${key}` : key;
        list.append(i ? " · " : "", kbd, ` ${model.words[i]}`);
      });
      el.append(list);
      const typing = (target) =>
        target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
      const onKey = (event) => {
        if (event.ctrlKey || event.metaKey || event.altKey || typing(event.composedPath()[0])) return;
        if (model.keys.includes(event.key)) {
          event.preventDefault();
          model.send_msg({ key: event.key });
        }
      };
      document.addEventListener("keydown", onKey);
      model.on("remove", () => document.removeEventListener("keydown", onKey));
    }
    """

    def __init__(self, actions: dict[str, Action], **params: Any) -> None:
        super().__init__(keys=list(actions), words=[words for words, _ in actions.values()], **params)
        self._actions = actions

    def press(self, key: str) -> None:
        """Run ``key``'s action, as pressing it on the page does (unknown keys do nothing)."""
        if key in self._actions:
            self._actions[key][1]()

    def _handle_msg(self, data: Any) -> None:
        self.press(str(data.get("key", "")))
