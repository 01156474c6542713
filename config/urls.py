from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("vennlig.web.urls")),
]

handler404 = "vennlig.web.views.errors.not_found"
handler500 = "vennlig.web.views.errors.server_error"
