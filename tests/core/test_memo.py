"""core.memo shares a lookup inside a read-only block and never outside it."""

from types import SimpleNamespace

from core.memo import memoised, shared_lookups


def counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return calls, compute


def test_outside_a_block_every_call_computes():
    instance, (_calls, compute) = SimpleNamespace(), counter()
    assert memoised(instance, "k", compute) == 1
    assert memoised(instance, "k", compute) == 2


def test_inside_a_block_each_key_computes_once_and_nothing_outlives_it():
    instance, (_calls, compute) = SimpleNamespace(), counter()
    with shared_lookups(instance):
        assert memoised(instance, "k", compute) == 1
        with shared_lookups(instance):  # a nested block shares the outer one's answers
            assert memoised(instance, "k", compute) == 1
        assert memoised(instance, "k", compute) == 1
        assert memoised(instance, "other", compute) == 2
    assert memoised(instance, "k", compute) == 3
    assert vars(instance) == {}


def test_answers_belong_to_one_instance():
    first, second, (calls, compute) = SimpleNamespace(), SimpleNamespace(), counter()
    with shared_lookups(first), shared_lookups(second):
        memoised(first, "k", compute)
        memoised(second, "k", compute)
    assert len(calls) == 2
