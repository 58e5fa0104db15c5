from django.urls import path

from accounts import apis

urlpatterns = [
    path("auth/register/", apis.RegisterApi.as_view(), name="auth-register"),
    path("auth/token/", apis.TokenObtainApi.as_view(), name="auth-token"),
    path("auth/token/refresh/", apis.TokenRefreshApi.as_view(), name="auth-token-refresh"),
    path("me/", apis.MeApi.as_view(), name="me"),
    path("me/export/", apis.ExportApi.as_view(), name="me-export"),
    path("devices/", apis.DeviceApi.as_view(), name="devices"),
]
