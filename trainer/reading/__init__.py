"""What a trainee turn means, read once and shared by the director and the
grader, so the buyer's reaction and the grade can never disagree.

- tactics: the tactics in a turn, clause by clause, with the exact words
  (phrase tables in phrases.py over the index in phrasebook.py; where no
  phrase decides, the small shipped model in model.py)
"""
