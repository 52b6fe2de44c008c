app_name = "mobility"

urlpatterns = []
