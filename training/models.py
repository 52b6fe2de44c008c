"""Django loads the training app's models from here: the records (training.records) and the page types
(training.pages), kept in two modules so the reads below the page types can import the records alone.

Import from here anywhere outside the training app; inside it, import from the module that defines a name.
"""

from training.enums import MaterialFormat, MaterialLevel, RegistrationStatus
from training.pages import (
    MaterialDocument,
    SeminarIndexPage,
    SeminarPage,
    TrainingLibraryPage,
    TrainingMaterialPage,
)
from training.records import CalendarFeedToken, Registration, SeminarState, new_feed_token

__all__ = [
    "CalendarFeedToken",
    "MaterialDocument",
    "MaterialFormat",
    "MaterialLevel",
    "Registration",
    "RegistrationStatus",
    "SeminarIndexPage",
    "SeminarPage",
    "SeminarState",
    "TrainingLibraryPage",
    "TrainingMaterialPage",
    # Named by migration 0001 as the feed token's default.
    "new_feed_token",
]
