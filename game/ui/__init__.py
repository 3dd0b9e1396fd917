"""Screen building blocks: the scene base class, theme, widgets and sounds."""
