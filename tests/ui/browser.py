"""What the browser tests share besides fixtures: the page wrapper and the card-log script."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import ConsoleMessage, Page

# Records every state each stage card shows, in order, the moment the DOM changes. Panel renders
# each pane inside a shadow root, so the observer is attached to every shadow root as it is created.
CARD_LOG_SCRIPT = """
(() => {
  const log = [], marks = {}, last = new Map(), roots = [document];
  window.__cardLog = log;
  window.__marks = marks;
  const scan = () => {
    const t = performance.now(), wall = Date.now();
    for (const root of roots) {
      for (const el of root.querySelectorAll('[data-stage]')) {
        if (!el.isConnected || last.get(el.dataset.stage) === el.dataset.state) continue;
        last.set(el.dataset.stage, el.dataset.state);
        const changedAt = Number(el.dataset.changedAt) || null;
        log.push({stage: el.dataset.stage, state: el.dataset.state, t, wall, changedAt});
      }
    }
  };
  const observer = new MutationObserver(scan);
  const watch = (root) => observer.observe(
    root, {subtree: true, childList: true, attributes: true, characterData: true});
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    watch(root);
    root.addEventListener('change', (e) => {
      if (e.target.type === 'file') marks.upload = performance.now();
    }, true);
    return root;
  };
  document.addEventListener('click', (e) => {
    if (e.composedPath()[0].closest?.('button')?.textContent.trim() === 'Process') {
      marks.process = performance.now();
    }
  }, true);
  watch(document);
})();
"""


@dataclass
class DeskPage:
    """A page on the served dashboard, with every console message it has logged."""

    page: Page
    console: list[ConsoleMessage]

    def errors(self) -> list[str]:
        return [message.text for message in self.console if message.type == "error"]
