"""Real service implementations (MapServer) run on loopback for the source tests."""
