"""A plain record: equality, hash and repr over the fields a dataclass would compare.

Records built at every start or once per data row are written out by hand on this base
rather than as dataclasses: creating a dataclass compiles its methods at every start
(about half a millisecond each), and a frozen one sets each field through
``object.__setattr__``.  Read-only by convention.
"""

from __future__ import annotations

from typing import ClassVar


class Record:
    """Equality, hash and repr over ``_compared``, the fields a dataclass would compare."""

    __slots__ = ()
    _compared: ClassVar[tuple[str, ...]] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple([getattr(self, name) for name in self._compared])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._compared)
        return f"{type(self).__qualname__}({shown})"
