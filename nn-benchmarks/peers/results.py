"""The RESULT lines of nn bench and its peers (shared/WORKLOADS.md's format), for the scripts that compare them."""
import collections
import statistics


def median_seconds(lines):
    """Returns the median seconds of each (workload, peer) among the RESULT lines, and how many runs each had."""
    seconds = collections.defaultdict(list)
    for line in lines:
        if line.startswith("RESULT "):
            f = dict(kv.split("=", 1) for kv in line.split()[1:])
            seconds[(f["workload"], f["peer"])].append(float(f["seconds"]))
    return ({key: statistics.median(v) for key, v in seconds.items()},
            {key: len(v) for key, v in seconds.items()})
