"""What every result record carries so that it can explain itself."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Explain:
    """The derivation of one figure: the clause, the inputs and the parameters read."""

    clauses: tuple[str, ...]
    inputs: dict[str, int | str] = field(default_factory=dict)
    parameters: tuple[str, ...] = ()

    def doc(self, **extra: object) -> dict[str, object]:
        """The JSON form a record's ``explain`` key carries."""
        return {
            "clauses": list(self.clauses),
            "inputs": self.inputs,
            "parameters": list(self.parameters),
            **extra,
        }
