"""The server-log check every browser test runs: what counts as an error, each counted once."""

from __future__ import annotations

from tests.ui.unseen_errors import log_problems

LOG = """\
2026-12-04 19:07:15,081 INFO tornado.access: 200 GET /api/health (127.0.0.1) 0.84ms
ERROR:bokeh.core.validation.check:E-1001 (BAD_COLUMN_NAME): Glyph refers to nonexistent column name.
2026-12-04 19:07:15,998 ERROR tornado.application: Exception in callback
Traceback (most recent call last):
  File "tornado/ioloop.py", line 756, in _run_callback
    ret = callback()
RuntimeError: _pending_writes should be non-None when we have a document lock
2026-12-04 19:07:16,001 WARNING dashboard.access.login: refused a login from 127.0.0.1
Exception in thread worker:
Traceback (most recent call last):
  File "dashboard/jobs.py", line 1, in run
ValueError: a thread's own error
"""


def test_each_error_record_and_traceback_is_one_problem_with_its_exception() -> None:
    problems = log_problems(LOG)
    assert [problem.splitlines()[0][:27] for problem in problems] == [
        "ERROR:bokeh.core.validation",
        "2026-12-04 19:07:15,998 ERR",
        "Traceback (most recent call",
    ]
    assert problems[1].endswith(
        "RuntimeError: _pending_writes should be non-None when we have a document lock"
    )
    assert problems[2].endswith("ValueError: a thread's own error")
    assert log_problems(LOG.splitlines(keepends=True)[0]) == []
