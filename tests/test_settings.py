"""Settings read from the environment: the shared cache for rate limits."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings

from workbench.settings import cache_config


def test_cache_defaults_to_this_process():
    assert cache_config("")["default"]["BACKEND"].endswith("LocMemCache")


@pytest.mark.parametrize(
    ("value", "backend", "location"),
    [
        ("db", "db.DatabaseCache", "workbench_cache"),
        ("file:/var/cache/workbench", "filebased.FileBasedCache", "/var/cache/workbench"),
        ("redis://cache:6379/0", "redis.RedisCache", "redis://cache:6379/0"),
    ],
)
def test_cache_can_be_shared(value, backend, location):
    config = cache_config(value)["default"]
    assert config["BACKEND"].endswith(backend) and config["LOCATION"] == location


def test_an_unknown_cache_is_a_clear_error():
    with pytest.raises(ImproperlyConfigured, match="WORKBENCH_CACHE"):
        cache_config("memcached://x")


@pytest.mark.django_db(transaction=True)
def test_the_database_cache_counts_for_every_process():
    from django.core.cache import caches

    with override_settings(CACHES=cache_config("db")):
        call_command("createcachetable", verbosity=0)
        cache = caches.create_connection("default")
        cache.set("throttle_token_1", [1.0, 2.0])
        # Another process reads the same table: a fresh connection object stands for it.
        assert caches.create_connection("default").get("throttle_token_1") == [1.0, 2.0]
