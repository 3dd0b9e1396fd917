"""Drawing helpers: fonts, text in every script, icons. Only the game window imports this."""
