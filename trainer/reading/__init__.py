"""What a trainee turn means, read once and shared by the director and the
grader, so the buyer's reaction and the grade can never disagree.

- tactics: the tactics in a turn, clause by clause, with the exact words
  (phrase tables in phrases.py over the index in phrasebook.py, searched fast
  by caseless.py; then the shipped model in model.py reads the whole turn and
  overrules the phrases where it is sure enough)
"""
