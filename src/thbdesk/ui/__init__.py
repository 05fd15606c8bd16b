"""The PySide6 shell: thin widgets over ``thbdesk.core`` services."""
