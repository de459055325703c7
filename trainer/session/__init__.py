"""The role-play, Textual-free.

- director: BuyerState and the Director that chooses the buyer's next move
- session: the Session (turns, autosave, undo, rewind, fork, resume, retry)
- coach: the `/hint` coach, in LAER terms
"""
