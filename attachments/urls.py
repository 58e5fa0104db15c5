from django.urls import path

from attachments import apis

urlpatterns = [
    path("partners/<int:partner_id>/attachments/", apis.AttachmentListApi.as_view(), name="partner-attachments"),
    path(
        "partners/<int:partner_id>/attachments/<int:attachment_id>/",
        apis.AttachmentDetailApi.as_view(),
        name="partner-attachment",
    ),
    path(
        "partners/<int:partner_id>/attachments/<int:attachment_id>/retry/",
        apis.AttachmentRetryApi.as_view(),
        name="partner-attachment-retry",
    ),
    path(
        "partners/<int:partner_id>/attachments/<int:attachment_id>/file/",
        apis.AttachmentFileApi.as_view(),
        name="partner-attachment-file",
    ),
]
