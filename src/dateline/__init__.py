"""dateline: news articles in, political event data out."""
__version__ = "0.20.0"

