"""Grading, deterministic offline by default.

- detector: one trainee turn to a label, tactics and the exact words (phrases
  in patterns.py; where none decides, the small shipped model in model.py)
- scoring: rubric arithmetic from per-turn readings to a Scorecard
- scorecard: the public Scorecard JSON
- judge: the optional LLM judge, never a silent replacement
- render: a scorecard as text; advice: better alternatives and coach hints
"""
