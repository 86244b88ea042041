"""Mailbox intake: IMAP folders and Maildirs read into jobs, each message exactly once.

``sources`` say what a mailbox holds and mark what was taken (``imap``, ``maildir``);
``claims`` is the ledger's record of each message; ``intake`` moves a message from one step to
the next; ``watch`` keeps doing so until stopped; ``keeper`` keeps ``watch`` running on a thread of
a server, past crashes; ``mailbox`` opens the one the settings name. The
ledger's tables for it are ``pipeline.mail_tables``.
"""
