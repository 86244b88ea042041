"""The customer's acknowledgement of an approved order that came by email: composed from a
template the desk can edit (``compose``), sent over SMTP once, in the customer's thread, and
recorded in the ledger and on the order's audit trail (``sender``). Its ledger table is
``pipeline.acknowledgement_tables``."""
