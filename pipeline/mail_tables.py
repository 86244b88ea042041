"""The ledger table of mailbox messages (a ledger migration; see ``pipeline.ledger.MIGRATIONS``).

One row per message as a mailbox numbers it (mailbox, folder, UIDVALIDITY, UID; a Maildir's
file key as the UID). ``status`` moves claimed → accepted → decided → finished, each step one
transaction, so a connector that dies anywhere resumes at the step it had not finished:

- claimed: a connector (``owner_pid``) is reading it; nothing stored yet;
- accepted: its bytes are an input of the ledger and ``job_id`` its job (one transaction);
- decided: ``outcome`` is known — ``job`` (the job finished), ``duplicate`` (a copy of an earlier
  message: ``job_id`` is that message's job), ``needs_person`` (``error`` says why), ``gone``
  (it left the folder before it was read);
- finished: the mailbox shows it (flagged, moved, or set aside with a note).

``fingerprint`` is the Message-ID with the body's hash (the whole message's hash without a
Message-ID): the same message delivered to two folders, restored after a UIDVALIDITY change or
sent again has the same fingerprint and is recognised.
"""

MAIL_TABLES = """
CREATE TABLE mail_messages (
    mailbox      TEXT NOT NULL,
    folder       TEXT NOT NULL,
    uidvalidity  INTEGER NOT NULL,
    uid          TEXT NOT NULL,
    message_id   TEXT NOT NULL DEFAULT '',
    subject      TEXT NOT NULL DEFAULT '',
    sender       TEXT NOT NULL DEFAULT '',
    content_hash TEXT,
    fingerprint  TEXT,
    status       TEXT NOT NULL,
    outcome      TEXT,
    job_id       TEXT REFERENCES jobs(job_id),
    owner_pid    INTEGER,
    error        TEXT,
    seen_at      TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (mailbox, folder, uidvalidity, uid)
);
CREATE INDEX mail_by_fingerprint ON mail_messages(fingerprint);
CREATE INDEX mail_by_status ON mail_messages(mailbox, folder, status)
"""
