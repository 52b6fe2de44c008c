import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A context manager that delivers the e-mails queued inside it, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def _default_language_after():
    """A request to /cs/... leaves Czech active in the thread; later tests start in English again."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
