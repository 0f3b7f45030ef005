"""groupctl: the 沙坡头区 group-based school running plan, as exact figures."""

__version__ = "0.1.0"
