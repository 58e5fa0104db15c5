from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt import views as jwt_views
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer, TokenRefreshSerializer

from accounts.serializers import ProfileUpdateSerializer, RegisterSerializer, UserSerializer
from accounts.services import user_register, user_update_profile
from project.api.serializers import ErrorSerializer


class AuthThrottleMixin:
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"


class RegisterApi(AuthThrottleMixin, APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []

    @extend_schema(
        request=RegisterSerializer,
        responses={201: UserSerializer, 400: ErrorSerializer, 429: ErrorSerializer},
        tags=["auth"],
    )
    def post(self, request):
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = user_register(**serializer.validated_data)
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()


@extend_schema_view(
    post=extend_schema(
        tags=["auth"],
        request=TokenObtainPairSerializer,
        responses={200: TokenPairSerializer, 401: ErrorSerializer, 429: ErrorSerializer},
    )
)
class TokenObtainApi(AuthThrottleMixin, jwt_views.TokenObtainPairView):
    """Exchange username and password for an access token (15 min) and a refresh token."""


@extend_schema_view(
    post=extend_schema(
        tags=["auth"],
        request=TokenRefreshSerializer,
        responses={200: TokenPairSerializer, 401: ErrorSerializer, 429: ErrorSerializer},
    )
)
class TokenRefreshApi(AuthThrottleMixin, jwt_views.TokenRefreshView):
    """Trade a refresh token for a new pair; the one presented is blacklisted."""


class MeApi(APIView):
    @extend_schema(responses={200: UserSerializer, 401: ErrorSerializer}, tags=["account"])
    def get(self, request):
        return Response(UserSerializer(request.user).data)

    @extend_schema(
        request=ProfileUpdateSerializer,
        responses={200: UserSerializer, 400: ErrorSerializer, 401: ErrorSerializer},
        tags=["account"],
    )
    def patch(self, request):
        serializer = ProfileUpdateSerializer(request.user, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        user = user_update_profile(user=request.user, **serializer.validated_data)
        return Response(UserSerializer(user).data)
