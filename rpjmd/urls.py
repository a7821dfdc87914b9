app_name = "rpjmd"

urlpatterns = []
