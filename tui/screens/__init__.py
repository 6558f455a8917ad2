"""Screens: one a file; each gets the Store through __init__ and calls it in thread workers."""
