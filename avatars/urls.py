from django.urls import path

from avatars import apis

urlpatterns = [
    path("avatars/catalog/", apis.AvatarCatalogApi.as_view(), name="avatar-catalog"),
    path("partners/<int:partner_id>/avatar/", apis.PartnerAvatarApi.as_view(), name="partner-avatar"),
    path("partners/<int:partner_id>/avatar.png", apis.PartnerAvatarImageApi.as_view(), name="partner-avatar-image"),
    path("selfies/destinations/", apis.DestinationListApi.as_view(), name="selfie-destinations"),
    path("partners/<int:partner_id>/selfies/", apis.PartnerSelfieListApi.as_view(), name="partner-selfies"),
    path("selfies/<int:selfie_id>/", apis.SelfieDetailApi.as_view(), name="selfie-detail"),
    path("selfies/<int:selfie_id>/image.jpg", apis.SelfieImageApi.as_view(), name="selfie-image"),
]
