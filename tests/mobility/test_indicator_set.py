import pytest
from django.utils import translation

from mobility.models import Dimension, Indicator

pytestmark = pytest.mark.django_db

LANGS = ("en", "cs", "sk", "pl", "hu", "hr", "tr")
EXPECTED = {
    "STR": 6,
    "GOV": 7,
    "FIN": 5,
    "SRV": 7,
    "COM": 5,
    "ACH": 6,
}


def test_default_set_has_six_dimensions_and_36_indicators():
    assert list(Dimension.objects.values_list("code", flat=True)) == list(EXPECTED)
    for code, count in EXPECTED.items():
        codes = list(Indicator.objects.filter(dimension__code=code).values_list("code", flat=True))
        assert codes == [f"{code}.{number}" for number in range(1, count + 1)]
    assert Indicator.objects.count() == 36


@pytest.mark.parametrize("model", [Dimension, Indicator])
def test_every_name_and_description_is_translated(model):
    for item in model.objects.all():
        for field in ("name", "description"):
            english = getattr(item, f"{field}_en")
            assert english
            for lang in LANGS[1:]:
                value = getattr(item, f"{field}_{lang}")
                assert value, (item.code, field, lang)
                assert value != english, (item.code, field, lang)


def test_names_follow_the_active_language():
    indicator = Indicator.objects.get(code="FIN.2")
    with translation.override("cs"):
        assert indicator.name == "Podíl soukromého financování"
    with translation.override("tr"):
        assert indicator.name == "Özel finansman payı"
    with translation.override("en"):
        assert indicator.name == "Share of private funding"
