"""Two confirmations at once (PostgreSQL only): real threads, each with its own database connection."""

import threading

import pytest
from django.db import connection

from mobility.importing import apply_plan, plan_import, validate_benchmark_file
from mobility.importing.writing import changed_since_preview
from mobility.models import Cluster, Score
from tests.mobility.importing.files import rows_for, to_csv

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _apply_together(plans):
    barrier = threading.Barrier(len(plans))
    outcomes, crashes = [], []

    def run(plan):
        try:
            barrier.wait()
            outcomes.append(apply_plan(plan))
        except Exception as error:
            crashes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(plan,)) for plan in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, crashes


def test_two_previews_of_one_new_cluster_confirmed_at_once_write_it_once():
    plans = [
        plan_import(validate_benchmark_file(to_csv(rows_for(edition=edition, day=day))))
        for edition, day in (("T2020", "2020-05-04"), ("T2022", "2022-05-04"))
    ]
    assert [plan.summary.clusters_created for plan in plans] == [["TST-001"], ["TST-001"]]
    outcomes, crashes = _apply_together(plans)
    assert crashes == []
    assert sorted(outcome.succeeded for outcome in outcomes) == [False, True]
    assert [outcome.errors for outcome in outcomes if not outcome.succeeded] == [[changed_since_preview()]]
    assert Cluster.objects.filter(code="TST-001").count() == 1
    assert Score.objects.filter(result__cluster__code="TST-001").count() == 36


def test_one_file_confirmed_twice_at_once_for_an_existing_cluster_is_written_once():
    apply_plan(plan_import(validate_benchmark_file(to_csv(rows_for()))))
    data = to_csv(rows_for(edition="T2022", day="2022-05-04", ratings={"FIN.2": "green"}))
    plans = [plan_import(validate_benchmark_file(data)) for _confirmation in range(2)]
    outcomes, crashes = _apply_together(plans)
    assert crashes == []
    assert sorted(outcome.succeeded for outcome in outcomes) == [False, True]
    assert [outcome.errors for outcome in outcomes if not outcome.succeeded] == [[changed_since_preview()]]
    assert Score.objects.filter(result__cluster__code="TST-001", result__edition__name="T2022").count() == 36
