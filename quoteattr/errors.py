"""Exceptions. Each subclasses a builtin so callers can catch broadly."""

from __future__ import annotations


class QuoteattrError(Exception):
    """Base class of every error raised on purpose by quoteattr."""


class InputError(QuoteattrError, ValueError):
    """The input cannot be processed (e.g. undecodable bytes, malformed JSONL)."""


class BackendUnavailable(QuoteattrError, RuntimeError):
    """A backend's package or models are missing; the message says how to get them."""


class ConfigError(QuoteattrError, ValueError):
    """A pipeline was configured with incompatible or unknown options."""
