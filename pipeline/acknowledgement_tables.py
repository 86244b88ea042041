"""The ledger table of acknowledgements (a ledger migration; see ``pipeline.ledger.MIGRATIONS``).

One row per order and kind (acknowledgement or quotation, since migration 6): the email as
composed at the first attempt (so a retry sends the same bytes under the same Message-ID; the
desk's edited text replaces it, headers kept), and its status:
pending → sending → sent, or failed (retried); held while the desk keeps it back.
"""

ACKNOWLEDGEMENT_TABLES = """
CREATE TABLE acknowledgements (
    order_id    TEXT PRIMARY KEY REFERENCES orders(order_id),
    message_id  TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    status      TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    owner_pid   INTEGER,
    error       TEXT,
    message     BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    sent_at     TEXT
)
"""

# 6: quotations too. A request for quote is answered by a quotation and, once the customer orders
# it, by an acknowledgement: one row per order and kind (``pipeline.acknowledge.compose.AnswerKind``).
# SQLite cannot change a primary key, so the table is rebuilt, its rows kept as acknowledgements.
ANSWER_KIND_MIGRATION = """
CREATE TABLE answers (
    order_id    TEXT NOT NULL REFERENCES orders(order_id),
    kind        TEXT NOT NULL DEFAULT 'acknowledgement',
    message_id  TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    status      TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    owner_pid   INTEGER,
    error       TEXT,
    message     BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    sent_at     TEXT,
    PRIMARY KEY (order_id, kind)
);
INSERT INTO answers (order_id, message_id, recipient, status, attempts, owner_pid, error, message,
                     created_at, updated_at, sent_at)
    SELECT order_id, message_id, recipient, status, attempts, owner_pid, error, message,
           created_at, updated_at, sent_at FROM acknowledgements;
DROP TABLE acknowledgements;
ALTER TABLE answers RENAME TO acknowledgements
"""
