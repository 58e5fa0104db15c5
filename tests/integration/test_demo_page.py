"""/demo/ in a real headless Chromium: sign in, pick a partner, chat with the local model,
cancel, and reconnect after the socket drops."""

import os
import shutil

import pytest

from tests.factories import PASSWORD, PartnerFactory, UserFactory
from tests.integration.settings import IN_CI

pytestmark = pytest.mark.django_db(transaction=True)

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def orm_beside_playwright():
    # Playwright's sync API keeps an event loop running in this thread, and
    # Django then refuses ORM calls (the tests' own, and the database flush
    # after each test); Django's docs name this switch for the case. Safe here:
    # those calls are sequential. Module-scoped, so it outlives the flushes.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="module")
def browser(orm_beside_playwright):
    path = chromium_path()
    if path is None:
        if IN_CI:
            pytest.fail("Chromium is missing in CI: .ci/run installs Debian's chromium package")
        pytest.skip("no Chromium on this machine (apt-get install chromium); CI always runs this")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors  # no JavaScript error along the way


def sign_in(page, live_stack, username):
    page.goto(f"{live_stack.base_url}/demo/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")


def test_demo_chats_with_streaming_cancel_and_reconnect(page, live_stack):
    user = UserFactory()
    partner = PartnerFactory(owner=user, name="Mira")
    sign_in(page, live_stack, user.username)

    page.click(f"button[data-partner-id='{partner.pk}']")
    page.wait_for_selector("#status[data-state=online]", timeout=15_000)

    page.fill("#message-form textarea", "Hello Mira! How are you today?")
    page.click("#send")
    reply = page.wait_for_selector("#messages li.partner[data-finish-reason]", timeout=90_000)
    assert reply.get_attribute("data-finish-reason") in ("stop", "length")
    assert reply.inner_text().strip()
    assert page.locator("#messages li.user").first.inner_text() == "Hello Mira! How are you today?"
    assert page.locator("#messages li.pending").count() == 0

    # Cancel: the button is live while a reply is written, and the reply ends.
    page.fill("#message-form textarea", "Tell me a long story about the sea, please.")
    page.click("#send")
    page.wait_for_selector("#cancel:not([disabled])", timeout=30_000)
    page.click("#cancel")
    page.wait_for_selector("#cancel[disabled]", timeout=5_000)
    assert page.locator("#messages li.partner[data-finish-reason]").count() >= 1

    # Reconnect: drop the socket under the page; it comes back by itself and chats on.
    page.evaluate("window.hearthDemo.ws.close()")
    page.wait_for_selector("#status[data-state=offline]", timeout=5_000)
    page.wait_for_selector("#status[data-state=online]", timeout=15_000)
    before = page.locator("#messages li.partner[data-finish-reason]").count()
    page.fill("#message-form textarea", "Still there?")
    page.click("#send")
    page.wait_for_function(
        f"document.querySelectorAll('#messages li.partner[data-finish-reason]').length > {before}",
        timeout=90_000,
    )


def test_demo_creates_a_partner_and_shows_errors(page, live_stack):
    user = UserFactory()
    sign_in(page, live_stack, user.username)
    page.wait_for_selector("#partner-form")

    page.fill("#partner-form input[name=name]", "Kai")
    page.select_option("#partner-form select[name=gender]", "nonbinary")
    page.fill("#partner-form input[name=personality]", "calm, witty")
    page.click("#partner-form button[type=submit]")
    page.wait_for_selector("#partner-list button:has-text('Kai')", timeout=10_000)

    page.fill("#partner-form input[name=name]", "Kai")
    page.fill("#partner-form input[name=personality]", "same, same")
    page.click("#partner-form button[type=submit]")
    page.wait_for_selector("#error:not([hidden])", timeout=10_000)
    assert "personality" in page.inner_text("#error")


def test_a_wrong_password_shows_the_error(page, live_stack):
    page.goto(f"{live_stack.base_url}/demo/")
    page.fill("input[name=username]", "nobody")
    page.fill("input[name=password]", "wrong")
    page.click("#login-form button[type=submit]")
    page.wait_for_selector("#error:not([hidden])", timeout=10_000)
    assert page.is_visible("#login")
