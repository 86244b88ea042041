"""The ledger tables of orders after the pipeline: customers, orders, lines, audit, cross-references,
ERP submissions (the second ledger migration; see ``pipeline.ledger.MIGRATIONS``).

An order is written in the same transaction that marks its job done, so a crash never leaves a
"done" job without its order or an order of a job that did not finish. ``version`` grows by one
per change and each change has exactly one audit row (``UNIQUE (order_id, version)``).
"""

ORDER_TABLES = """
CREATE TABLE customers (
    customer_id  TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    terms        TEXT NOT NULL,
    credit_limit REAL NOT NULL,
    open_balance REAL NOT NULL DEFAULT 0,
    discount_pct REAL NOT NULL DEFAULT 0,
    status       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    approved_by  TEXT,
    approved_at  TEXT
);
CREATE TABLE customer_domains (
    domain      TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers(customer_id)
);
CREATE TABLE orders (
    order_id     TEXT PRIMARY KEY,
    job_id       TEXT NOT NULL REFERENCES jobs(job_id),
    content_hash TEXT NOT NULL,
    customer_id  TEXT REFERENCES customers(customer_id),
    status       TEXT NOT NULL,
    version      INTEGER NOT NULL,
    line_count   INTEGER NOT NULL,
    subtotal     REAL NOT NULL,
    total        REAL NOT NULL,
    currency     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    decided_by   TEXT,
    decided_at   TEXT,
    decision_comment TEXT,
    data_json    TEXT NOT NULL
);
CREATE INDEX orders_by_status ON orders(status, updated_at);
CREATE INDEX orders_by_customer ON orders(customer_id, updated_at);
CREATE TABLE order_lines (
    order_id       TEXT NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
    line_no        INTEGER NOT NULL,
    source_text    TEXT NOT NULL,
    part_number    TEXT,
    confidence     REAL,
    quantity       REAL,
    sold_quantity  REAL,
    uom            TEXT,
    unit_price     REAL,
    extended_price REAL,
    stock_status   TEXT,
    passed         INTEGER NOT NULL,
    reasons_json   TEXT NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE TABLE audit (
    audit_id    INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id    TEXT NOT NULL REFERENCES orders(order_id),
    version     INTEGER NOT NULL,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    line_no     INTEGER,
    before_json TEXT,
    after_json  TEXT,
    comment     TEXT NOT NULL DEFAULT '',
    UNIQUE (order_id, version)
);
CREATE TABLE cross_references (
    customer_id TEXT NOT NULL REFERENCES customers(customer_id),
    kind        TEXT NOT NULL,
    key         TEXT NOT NULL,
    part_number TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    order_id    TEXT,
    line_no     INTEGER,
    PRIMARY KEY (customer_id, kind, key)
);
CREATE TABLE erp_submissions (
    idempotency_key TEXT PRIMARY KEY,
    order_id        TEXT NOT NULL REFERENCES orders(order_id),
    adapter         TEXT NOT NULL,
    status          TEXT NOT NULL,
    erp_id          TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    owner_pid       INTEGER,
    error           TEXT,
    payload_json    TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX erp_submissions_by_order ON erp_submissions(order_id);
"""
