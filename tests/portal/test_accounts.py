import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from django.db import transaction

from content.models import StandardPage
from portal.core.emails import send_templated_email
from portal.models import User
from tests.content.factories import StandardPageFactory
from tests.helpers import in_language, news_index, practice_index
from tests.mobility.factories import AnalystFactory, ClusterFactory, EditorFactory, UserFactory, manager, with_password

pytestmark = pytest.mark.django_db

PASSWORD = "a-Known-passphrase-7"

SIGNUP = {
    "email": "jana@example.org",
    "password1": "a-Long-passphrase-42",
    "password2": "a-Long-passphrase-42",
    "first_name": "Jana",
    "last_name": "Malá",
    "organisation": "Klastr Vysočina",
    "country": "CZ",
    "preferred_language": "cs",
}


def test_signup_verification_email_in_users_language_then_login(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/cs/accounts/signup/", SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="jana@example.org")
    assert (user.first_name, user.organisation, user.country.code, user.preferred_language) == (
        "Jana",
        "Klastr Vysočina",
        "CZ",
        "cs",
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jana@example.org"]
    assert "Potvrďte" in message.subject or "potvrzen" in message.body.lower()
    link = re.search(r"http://127.0.0.1:8000(/cs/accounts/confirm-email/\S+/)", message.body).group(1)

    client.post(link)

    assert EmailAddress.objects.get(email="jana@example.org").verified is True
    client.logout()
    response = client.post("/cs/accounts/login/", {"login": "jana@example.org", "password": SIGNUP["password1"]})
    assert response.status_code == 302
    assert client.get("/cs/accounts/profile/").status_code == 200


def test_login_blocked_until_email_verified(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/accounts/signup/", {**SIGNUP, "email": "unverified@example.org"})
    client.logout()

    response = client.post("/en/accounts/login/", {"login": "unverified@example.org", "password": SIGNUP["password1"]})

    assert response["Location"] == "/en/accounts/confirm-email/"
    assert client.get("/en/accounts/profile/").status_code == 302


def test_login_is_rate_limited_after_repeated_failures(client):
    with_password(EditorFactory(email="editor@example.org"), PASSWORD)
    for _attempt in range(5):
        response = client.post("/en/accounts/login/", {"login": "editor@example.org", "password": "wrong"})
        assert response.status_code == 200

    response = client.post("/en/accounts/login/", {"login": "editor@example.org", "password": PASSWORD})

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_wagtail_admin_login_goes_through_allauth(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0] == "/en/accounts/login/?next=/admin/"
    assert response.status_code == 200


def test_profile_saves_preferred_language(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/en/accounts/profile/",
        {"first_name": "Petra", "last_name": "Horvat", "organisation": "", "country": "HR", "preferred_language": "tr"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/tr/accounts/profile/"
    user.refresh_from_db()
    assert user.preferred_language == "tr"
    assert client.get("/").headers["Location"] == "/tr/"


def test_profile_requires_login(client):
    response = client.get("/en/accounts/profile/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_role_groups_exist_with_admin_access():
    for name in ("Trainers", "Benchmark analysts", "Editors"):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()


@pytest.mark.parametrize("lang", ["en", "hr"])
def test_editors_may_edit_news_and_best_practices_but_not_other_pages(lang):
    editor = EditorFactory()
    participant = UserFactory()
    StandardPageFactory(lang=lang)

    for section in (news_index(lang), practice_index(lang)):
        assert section.permissions_for_user(editor).can_add_subpage() is True
        assert section.permissions_for_user(participant).can_add_subpage() is False
    assert in_language(StandardPage, lang).permissions_for_user(editor).can_edit() is False


def test_email_goes_out_in_recipients_language_after_commit(django_capture_on_commit_callbacks):
    user = UserFactory(language="sk")

    with django_capture_on_commit_callbacks(execute=True):
        send_templated_email(to_user=user, template="portal/email/welcome", context={})

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Vitajte v Centrame"


def test_email_is_not_sent_when_the_change_rolls_back(django_capture_on_commit_callbacks):
    user = UserFactory(language="sk")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        send_templated_email(to_user=user, template="portal/email/welcome", context={})
        raise RuntimeError("the change failed")

    assert mail.outbox == []


def test_password_reset_email_goes_out_in_users_preferred_language(client, django_capture_on_commit_callbacks):
    # The Polish analyst asks from the English site; the e-mail follows their preference.
    with_password(AnalystFactory(email="analyst@example.org", language="pl"), PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/accounts/password/reset/", {"email": "analyst@example.org"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["analyst@example.org"]
    assert "hasła" in mail.outbox[0].subject + mail.outbox[0].body


def test_cluster_manager_lands_on_dashboard_after_login(client):
    with_password(manager(ClusterFactory(), email="manager@example.org", language="cs"), PASSWORD)

    response = client.post("/cs/accounts/login/", {"login": "manager@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/cs/prehled/"


def test_participant_lands_on_profile_after_login(client):
    with_password(UserFactory(email="participant@example.org", language="hr"), PASSWORD)

    response = client.post("/hr/accounts/login/", {"login": "participant@example.org", "password": PASSWORD})

    assert response["Location"] == "/hr/accounts/profile/"


def test_profile_saves_the_users_time_zone(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/en/accounts/profile/",
        {
            "first_name": "Petra",
            "last_name": "Horvat",
            "organisation": "",
            "country": "HR",
            "preferred_language": "en",
            "time_zone": "Europe/Istanbul",
        },
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.time_zone == "Europe/Istanbul"
    form = client.get("/en/accounts/profile/").context["form"]
    assert form.fields["time_zone"].choices[:2] == [("", "From my country"), ("Europe/Prague", "Prague time")]
