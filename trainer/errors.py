"""Errors the `trainer` command turns into a one-line message and an exit code."""

from __future__ import annotations


class TrainerError(Exception):
    """A failure the user can act on. Exit code 1: something went wrong at run time."""

    exit_code = 1


class BadInput(TrainerError):
    """Usage, content or transcript problems. Exit code 2, never a traceback."""

    exit_code = 2
