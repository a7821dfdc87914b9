app_name = "quickwins"

urlpatterns = []
