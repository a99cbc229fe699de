"""A saved PostgreSQL password goes to the credential store, never into the settings file;
without a store nothing is saved and the app asks each time."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend

from app import credentials

URL = "postgresql+psycopg://clerk@db.example:5432/loyalty"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]  # a usable store (fail and null are <= 0)

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.saved.get((service, username))

    def set_password(self, service, username, password):
        self.saved[(service, username)] = password

    def delete_password(self, service, username):
        self.saved.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    store = MemoryKeyring()
    keyring.set_keyring(store)
    return store


def test_password_split_off_and_put_back_with_special_characters():
    url = credentials.with_password(URL, "p@ss:w/rd%")
    assert url == "postgresql+psycopg://clerk:p%40ss%3Aw%2Frd%25@db.example:5432/loyalty"
    assert credentials.split_password(url) == (URL, "p@ss:w/rd%")
    assert credentials.split_password(URL) == (URL, "")


def test_saved_password_goes_to_the_store_and_comes_back(memory_keyring):
    saved = credentials.save_password(credentials.with_password(URL, "Secret-1"))
    assert saved == URL and "Secret-1" not in saved
    assert memory_keyring.saved == {("LoyaltyDesk", URL): "Secret-1"}
    assert credentials.fill_password(URL) == credentials.with_password(URL, "Secret-1")
    other_user = URL.replace("clerk@", "boss@")
    assert credentials.fill_password(other_user) == other_user  # not someone else's


def test_saving_without_a_password_forgets_the_old_one(memory_keyring):
    credentials.save_password(credentials.with_password(URL, "Secret-1"))
    assert credentials.save_password(URL) == URL
    assert memory_keyring.saved == {}


def test_without_a_store_nothing_is_saved_and_the_url_stays_as_it_is():
    assert not credentials.store_available()  # the tests' default: no store
    with pytest.raises(credentials.NoCredentialStore):
        credentials.save_password(credentials.with_password(URL, "Secret-1"))
    assert credentials.fill_password(URL) == URL
    credentials.forget_password(URL)  # nothing to forget, and no error
