"""What-if scenarios on a twin and proposals of where new services help most.

``load_scenario`` validates a scenario file, ``run_scenario`` applies it to a copy of a twin
and reports how every affected social indicator moves, ``propose_sites`` solves location
problems among candidate sites.
"""

from dikas.scenarios.run import ScenarioResult, run_scenario
from dikas.scenarios.spec import Scenario, load_scenario

__all__ = ["Scenario", "ScenarioResult", "load_scenario", "run_scenario"]
