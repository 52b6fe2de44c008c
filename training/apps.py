from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training")

    def ready(self):
        # The seminar's admin form writes the facts through training.services, which read the pages;
        # the page type therefore cannot import its form, and gets it here, before any editor opens one.
        from training.admin_forms import SeminarPageForm
        from training.pages import SeminarPage

        SeminarPage.base_form_class = SeminarPageForm
