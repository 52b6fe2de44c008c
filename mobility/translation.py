from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from mobility.models import Cluster, Dimension, Indicator, Region, Sector, StudyVisitOffer

# An offer's text may be written in any language first; readers of a language it
# lacks see it in the first language that has it (English first).
EVERY_LANGUAGE = tuple(code for code, _name in settings.LANGUAGES)


@register(Dimension)
class DimensionTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Sector)
class SectorTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Cluster)
class ClusterTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(StudyVisitOffer)
class StudyVisitOfferTranslationOptions(TranslationOptions):
    fields = ("title", "programme", "place")
    fallback_languages = {"default": EVERY_LANGUAGE}
    required_languages = ()
