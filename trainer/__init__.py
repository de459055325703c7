"""Objection-handling trainer: role-play sales objections against a buyer who behaves like a real one."""

__version__ = "0.1.0"
