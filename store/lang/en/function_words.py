"""Function words: words that carry no content when two reports of one event are compared."""

from __future__ import annotations

CONTENT_STOPWORDS = frozenset({
    "the", "and", "for", "are", "was", "were", "been", "has", "have", "had", "with", "that",
    "this", "these", "those", "from", "into", "over", "under", "after", "before", "during", "its",
    "their", "his", "her", "him", "she", "they", "them", "who", "whom", "which", "what", "when",
    "where", "while", "than", "then", "there", "here", "also", "but", "not", "all", "any", "some",
    "said", "says", "say", "told", "according", "about", "between", "through", "other", "such",
    "would", "could", "should", "will", "shall", "may", "might", "can", "did", "does", "being",
    "out", "off", "upon", "onto", "our", "your", "one's", "more", "most", "many", "much", "several",
    "only", "very", "just", "same", "each", "both", "either", "neither", "whose", "as", "at", "by",
    "in", "of", "on", "or", "to", "an", "a", "is", "be", "it", "he", "we", "you", "so", "if",
    "up", "no", "per", "via", "amid", "among", "against", "within", "without", "since", "until",
})  # fmt: skip
