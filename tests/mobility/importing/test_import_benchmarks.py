"""`manage.py import_benchmarks FILE [--dry-run]`: the importer's command-line entry point."""

import pytest
from django.core.management import CommandError, call_command

from mobility.models import Cluster
from tests.mobility.importing.files import rows_for, to_csv

pytestmark = pytest.mark.django_db


def test_command_prints_summary(tmp_path, capsys):
    path = tmp_path / "new.csv"
    path.write_bytes(to_csv(rows_for()))
    call_command("import_benchmarks", str(path))
    out = capsys.readouterr().out
    assert "Imported 36 lines." in out
    assert "Clusters created: 1" in out
    assert "Scores created: 36, updated: 0, unchanged: 0" in out
    assert "Labels created: 0, updated: 0" in out


def test_command_dry_run_writes_nothing(tmp_path, capsys):
    path = tmp_path / "new.csv"
    path.write_bytes(to_csv(rows_for()))
    call_command("import_benchmarks", str(path), "--dry-run")
    assert "Clusters created: 1" in capsys.readouterr().out
    assert not Cluster.objects.filter(code="TST-001").exists()


def test_command_fails_with_every_error(tmp_path, capsys):
    rows = rows_for()
    rows[0]["rating"] = "bad"
    rows[9]["indicator"] = "NOPE"
    path = tmp_path / "bad.csv"
    path.write_bytes(to_csv(rows))
    with pytest.raises(CommandError, match="2 errors found"):
        call_command("import_benchmarks", str(path))
    err = capsys.readouterr().err
    assert "Line 2, column rating:" in err
    assert "Line 11, column indicator:" in err
    assert not Cluster.objects.filter(code="TST-001").exists()


def test_command_missing_file_fails(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("import_benchmarks", str(tmp_path / "missing.csv"))
