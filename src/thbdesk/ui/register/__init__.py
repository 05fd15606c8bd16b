"""The encrypted register in the window: unlocking, locking, and the Register area."""
