from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Fail unless every configured language has a complete, non-fuzzy catalogue."

    def handle(self, *args, **options):
        problems = []
        for code, _name in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue
            path = Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.po"
            if not path.exists():
                problems.append(f"{path}: missing")
                continue
            catalogue = polib.pofile(str(path))
            untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
            fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
            if untranslated:
                problems.append(f"{path}: {len(untranslated)} untranslated, e.g. {untranslated[:3]}")
            if fuzzy:
                problems.append(f"{path}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}")
            self.stdout.write(f"{code}: {catalogue.percent_translated()}% translated, {len(fuzzy)} fuzzy")
        if problems:
            raise CommandError("Incomplete translations:\n" + "\n".join(problems))
