from modeltranslation.translator import TranslationOptions, register

from mobility.models import Cluster, Dimension, Indicator, StudyVisitOffer


@register(Dimension)
class DimensionTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Cluster)
class ClusterTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(StudyVisitOffer)
class StudyVisitOfferTranslationOptions(TranslationOptions):
    fields = ("title", "programme")
