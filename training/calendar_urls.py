"""Calendar feeds at stable, language-independent URLs (/calendar/...)."""

app_name = "calendar"

urlpatterns = []
