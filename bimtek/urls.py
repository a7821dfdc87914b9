app_name = "bimtek"

urlpatterns = []
