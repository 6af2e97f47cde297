"""The terminal player: plain (conformance) mode and the rich interactive UI."""
