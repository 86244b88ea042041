"""Order Desk dashboard: a Panel app on top of ``pipeline``.

``jobs`` runs jobs once per server process; ``store`` holds one browser session's view of them;
``components`` are the views; ``app`` places them on a page. ``pipeline`` never imports this package.
"""
