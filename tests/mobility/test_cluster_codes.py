"""Cluster codes are URL-safe by construction (importer and admin)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mobility.importing import import_benchmark_file
from mobility.models import Cluster
from tests.mobility import factories
from tests.mobility.importing.files import messages, rows_for, to_csv

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["ZZ/901", "ZZ 901", "ZZ?901", "..", "-ZZ", "ZŽ-901"])
def test_importer_refuses_a_code_that_is_not_url_safe(code):
    plan, summary = import_benchmark_file(to_csv(rows_for(code=code)))

    assert summary is None
    assert messages(plan) == [(line, "cluster_code") for line in range(2, 38)]
    assert str(plan.errors[0]) == (
        f"Line 2, column cluster_code: “{code.upper()}” is not a valid cluster code. Use only letters, digits, "
        "“-”, “.” and “_”, starting with a letter or digit, e.g. CZ-007."
    )
    assert Cluster.objects.filter(code=code.upper()).exists() is False


@pytest.mark.parametrize("code", ["CZ-007", "TR.IZ_01", "60"])
def test_importer_accepts_url_safe_codes(code):
    plan, summary = import_benchmark_file(to_csv(rows_for(code=code)))

    assert plan.errors == []
    assert Cluster.objects.filter(code=code).count() == 1


def test_model_validation_refuses_a_slash():
    cluster = Cluster(code="ZZ/901", name="Slash Cluster", country="CZ")

    with pytest.raises(ValidationError) as refused:
        cluster.full_clean()

    assert refused.value.message_dict == {
        "code": [
            "Use only letters, digits, “-”, “.” and “_” in a cluster code, starting with a letter or digit, "
            "e.g. CZ-007."
        ]
    }


def test_admin_refuses_a_slash_in_the_code(client):
    client.force_login(factories.UserFactory(role="analyst"))

    response = client.post(
        reverse("wagtailsnippets_mobility_cluster:add"),
        {"code": "ZZ/901", "name": "Slash Cluster", "country": "CZ", "languages": "[]"},
    )

    assert response.status_code == 200
    assert "Use only letters, digits" in response.content.decode()
    assert Cluster.objects.filter(name="Slash Cluster").exists() is False


def test_every_existing_code_is_url_safe():
    for code in Cluster.objects.values_list("code", flat=True):
        Cluster._meta.get_field("code").run_validators(code)
