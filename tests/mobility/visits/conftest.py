import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A context manager that delivers the e-mails queued inside it, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
