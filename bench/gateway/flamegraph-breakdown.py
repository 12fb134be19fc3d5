#!/usr/bin/env python3
"""Where a gateway's CPU went, from async-profiler HTML flame graphs written by `PROFILE=1 bench/gateway/run.sh`.

    bench/gateway/flamegraph-breakdown.py bench/gateway/flamegraph-before.html:1356 bench/gateway/flamegraph-after.html:1292

Each argument is a flame graph and the req/s of the run it profiled (20 s, 1 ms samples). Every sample is charged to
one category: JIT and GC threads by their thread, every other sample by its innermost frame that names a category,
so a wrapper (an observation around a filter) is charged only for its own frames, not for what it wraps.
"""
import ast
import collections
import re
import sys

CATEGORIES = [
    ("JIT compiler (C1/C2)", r"CompileBroker|C2Compiler|Compiler::compile"),
    ("GC", r"G1|GCTask|ParallelGC|ConcurrentGCThread|WorkerThread::run"),
    ("context propagation (thread-locals restored around Reactor operators)",
     r"io/micrometer/context/|ContextPropagation|ContextSnapshot|RestoringThreadLocals|contextpropagation"),
    ("Spring Security (chain, firewall, its observations)", r"org/springframework/security/web"),
    ("observations and tracing (Micrometer, OpenTelemetry)",
     r"io/micrometer/observation|io/micrometer/tracing|io/opentelemetry|ObservationSignalListener|GatewayMetricsFilter|io/micrometer/core"),
    ("Redis client (Lettuce) and the rate limiter", r"io/lettuce|RedisTokenBuckets|EdgeRateLimiter|springframework/data/redis"),
    ("the proxied call: Reactor Netty client, header filters, load balancer",
     r"reactor/netty/http/client|NettyRoutingFilter|HttpHeadersFilter|LoadBalancer|loadbalancer|reactor/netty/resources"),
    ("Netty: HTTP codec, channel pipeline and socket I/O (server and client side)",
     r"reactor/netty/http/server|reactor/netty/channel|io/netty/handler/codec|io/netty/channel"),
    ("the gateway's own filters (io.cryptotracker)", r"io/cryptotracker"),
    ("WebFlux and Spring Cloud Gateway dispatch, filter chains, Reactor operators", r"org/springframework|reactor/core"),
    ("thread wake-ups, scheduling, kernel (no Java frame)", r"."),
]


def frames(path):
    """(level, width, name) of every frame, in the order async-profiler's HTML lists them."""
    text = open(path, encoding="utf-8").read()
    pool = text[text.index("const cpool = [") + len("const cpool = ["):]
    pool = [ast.literal_eval(line.strip().rstrip(",")) for line in pool[:pool.index("];")].strip().split("\n")
            if line.strip()]
    for i in range(1, len(pool)):  # each name is stored as a prefix length of the previous one plus a suffix
        pool[i] = pool[i - 1][:ord(pool[i][0]) - 32] + pool[i][1:]
    body = text[text.index("unpack(cpool);") + len("unpack(cpool);"):]
    level, width, out = 0, 0, []
    for match in re.finditer(r"^([fun])\(([^)]*)\)", body, re.M):
        args = [int(x) if x else 0 for x in match.group(2).split(",")]
        kind, key = match.group(1), args[0]
        if kind == "f":
            level, new_width = args[1], args[3] if len(args) > 3 else 0
        elif kind == "u":
            level, new_width = level + 1, args[1] if len(args) > 1 else 0
        else:
            new_width = args[1] if len(args) > 1 else 0
        width = new_width or width
        out.append((level, width, pool[key >> 3]))
    return out


def breakdown(path):
    all_frames = frames(path)
    stack, children, paths = [], collections.defaultdict(int), []
    for i, (level, width, name) in enumerate(all_frames):
        while stack and stack[-1][0] >= level:
            stack.pop()
        if stack:
            children[stack[-1][1]] += width
        paths.append([all_frames[j][2] for _, j in stack] + [name])
        stack.append((level, i))
    charged = collections.Counter()
    for i, (level, width, name) in enumerate(all_frames):
        own = width - children[i]
        if own <= 0:
            continue
        charged[category(paths[i][1:])] += own
    return charged, all_frames[0][1]


def category(path):
    for name, pattern in CATEGORIES[:2]:
        if any(re.search(pattern, frame) for frame in path):
            return name
    for frame in reversed(path):
        for name, pattern in CATEGORIES[2:-1]:
            if re.search(pattern, frame):
                return name
    return CATEGORIES[-1][0]


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        path, rate = argument.rsplit(":", 1)
        charged, total = breakdown(path)
        requests = int(rate) * 20
        print(f"{path}: {total} samples of 1 ms = {total / requests:.2f} ms CPU per request ({rate} req/s x 20 s)")
        for name, _ in CATEGORIES:
            print(f"  {100 * charged[name] / total:5.1f} %  {charged[name] / requests:.3f} ms  {name}")
