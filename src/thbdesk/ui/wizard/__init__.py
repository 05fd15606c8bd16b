"""The Documents area: guided interviews over the Qt-free forms engine."""
