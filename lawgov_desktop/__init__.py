"""LawGov Desktop: the city's licence catalogue and delegated enforcement powers, offline."""

__version__ = "0.1.0"
