app_name = "books"

urlpatterns = []
