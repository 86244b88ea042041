"""Our own probe (issue 14): hostile inputs through the command line and the served HTTP API, with
Hypothesis drawing the numbers in emails, multipart bodies, file names, query parameters and
decision bodies. After each input: no 5xx, no traceback in the server's log or on stderr, strict
JSON out (no NaN/Infinity); after each round: the ledger's integrity check passes and a bystander
order is still listed and exported.

``make test`` draws ``ORDERDESK_PROBE_EXAMPLES`` inputs per property (a few dozen, the same ones
every run); ``make soak`` draws many more, new ones each time (``HYPOTHESIS_PROFILE=explore``).
"""
