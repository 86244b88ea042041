"""The ledger table of acknowledgements (a ledger migration; see ``pipeline.ledger.MIGRATIONS``).

One row per order: the email as composed at the first attempt (so a retry sends the same bytes
under the same Message-ID; the desk's edited text replaces it, headers kept), and its status:
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
