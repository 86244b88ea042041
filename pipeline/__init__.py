"""Order Desk: order emails in, ERP-ready orders out.

The package is importable without Panel; ``dashboard`` builds on it, never the reverse.
"""

__version__ = "0.1.0"
