"""Markdown shapes more than one stage reads past: links whose words are text, URLs not."""

from __future__ import annotations

import re

# "[the report](https://...)": group 1 is what a reader sees.
MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")
