"""Customers: the master table in the ledger, matching a sender to a customer, sample accounts.

Import the submodules directly (``pipeline.customers.directory``); this package imports
nothing so that ``pipeline.ledger`` can read the sample accounts without an import cycle.
"""
