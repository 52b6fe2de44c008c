"""The choices of the training app and their state groups, below every other training module."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MaterialFormat(models.TextChoices):
    SLIDES = "slides", _("Slides")
    HANDBOOK = "handbook", _("Handbook")
    EXERCISE = "exercise", _("Exercise")
    VIDEO = "video", _("Video link")
    CASE_STUDY = "case_study", _("Case study")


class MaterialLevel(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


# The groups are set after the class: inside its body the members do not exist yet.
# Takes one of the seminar's places (counted against its capacity).
RegistrationStatus.HOLDS_PLACE = (RegistrationStatus.CONFIRMED,)
# Still coming or still hoping to: told about changes, listed for trainers.
RegistrationStatus.ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
