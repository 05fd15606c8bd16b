"""The Qt-free heart of thbdesk: the GUI and the CLI are thin shells over these services."""
