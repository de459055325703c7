"""Real call transcripts (Teams and Zoom WebVTT, SRT, Otter text, Gong JSON)
read into one shape, and from there into a Transcript the grader takes."""

from trainer.calls.call import Call, CallError, Speaker, Utterance
from trainer.calls.formats import CALL_SUFFIXES, read_calls, sniff

__all__ = ["CALL_SUFFIXES", "Call", "CallError", "Speaker", "Utterance", "read_calls", "sniff"]
