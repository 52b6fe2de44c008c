"""Cluster codes appear in URLs (`/clusters/<code>/`), so they are URL-safe by
construction: letters, digits, `-`, `.` and `_`, starting with a letter or digit."""

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

CLUSTER_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")

validate_cluster_code = RegexValidator(
    regex=rf"\A{CLUSTER_CODE.pattern}\Z",
    message=_(
        "Use only letters, digits, “-”, “.” and “_” in a cluster code, starting with a letter or digit, e.g. CZ-007."
    ),
    code="invalid_cluster_code",
)


def is_valid_cluster_code(code):
    return CLUSTER_CODE.fullmatch(code) is not None
