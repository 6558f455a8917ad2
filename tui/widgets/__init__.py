"""Widgets: one a file; they render what they are given and post their own nested messages."""
