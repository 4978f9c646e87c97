"""The commands that print instead of opening a screen, one module each."""
