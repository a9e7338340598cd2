"""rashomon: who said what, who did what to whom, and who contradicts whom, in the news.

>>> import rashomon
>>> result = rashomon.analyze("The minister denied the reports, officials said.")
>>> result.to_json()  # the rashomon/1 document
"""

from __future__ import annotations

import logging

from rashomon.errors import (
    ConfigError,
    InputError,
    LexiconError,
    ModelError,
    RashomonError,
    StoreError,
)
from rashomon.model import (
    Analysis,
    Article,
    Attribution,
    Claim,
    Entity,
    Event,
    Origin,
    Source,
    Span,
)
from rashomon.pipeline import analyze

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Attribution",
    "Claim",
    "ConfigError",
    "Entity",
    "Event",
    "InputError",
    "LexiconError",
    "ModelError",
    "Origin",
    "RashomonError",
    "Source",
    "Span",
    "StoreError",
    "__version__",
    "analyze",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
