from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Content")

    def ready(self):
        from content import translation_workflow  # noqa: F401  (connects the signal receivers)
        from content.text import register_sqlite_unaccent

        connection_created.connect(register_sqlite_unaccent, dispatch_uid="content-sqlite-unaccent")
