#!/usr/bin/env python3
"""Computes what every query of queries/ should return over tests/data/corpus/, by hand, with
plain Python: an independent check of the local Logs Insights engine (tests/cli/queries.rs).

Semantics followed (the engine's documented ones): a missing field is null; comparisons with
null are false; aggregates skip nulls; sum() of a condition counts where it holds; pct() is the
linear interpolation between the closest ranks; groups come in key order (nulls last) unless
the query sorts; ties keep input order; 10,000 rows unless the query limits.

Run from the repository root: python3 tests/data/expected.py
"""
import gzip
import json
import os
import re
from datetime import datetime, timezone

HERE = os.path.dirname(__file__)
CORPUS = os.path.join(HERE, "corpus")
PARAMS = {"process-trace": {"processId": "11111111-0000-4000-8000-000000000004"},
          "user-requests": {"userId": "00000000-0000-4000-8000-000000000001"}}


def parse_ts(text):
    return int(datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp() * 1000)


def fmt_ts(ms):
    t = datetime.fromtimestamp(ms / 1000, tz=timezone.utc)
    return t.strftime("%Y-%m-%d %H:%M:%S.") + f"{ms % 1000:03d}"


def report(message):
    if not message.startswith("REPORT "):
        return {}
    out = {}
    for part in message[len("REPORT "):].split("\t"):
        key, _, value = part.partition(":")
        value = value.strip()
        num = value.split()[0] if value else ""
        if key == "Duration":
            out["@duration"] = float(num)
        elif key == "Max Memory Used":
            out["@maxMemoryUsed"] = float(num) * 1e6
        elif key == "Memory Size":
            out["@memorySize"] = float(num) * 1e6
    return out


def events():
    out = []
    for name in sorted(os.listdir(CORPUS)):
        path = os.path.join(CORPUS, name)
        raw = open(path, "rb").read()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        text = raw.decode()
        if text.lstrip().startswith("{\n"):
            for e in json.loads(text)["events"]:
                out.append(event(e["message"], e["timestamp"]))
            continue
        for line in text.split("\n"):
            if not line:
                continue
            ts = None
            if len(line) > 24 and line[4] == "-" and line[10] == "T" and line[24] == " ":
                ts, line = parse_ts(line[:24]), line[25:]
            e = event(line, ts)
            if e is not None:
                out.append(e)
    return out


def event(message, ts):
    doc = None
    if message.startswith("{"):
        try:
            doc = json.loads(message)
        except json.JSONDecodeError:
            return None  # unreadable: skipped and counted by the engine
        if ts is None and "timestamp" in doc:
            ts = parse_ts(doc["timestamp"])
    return {"message": message, "ts": ts, "doc": doc, "report": report(message)}


def get(e, field):
    if field == "@timestamp":
        return e["ts"]
    if field == "@message":
        return e["message"]
    if field.startswith("@"):
        return e["report"].get(field)
    v = e["doc"]
    for part in field.split("."):
        if not isinstance(v, dict) or part not in v:
            return None
        v = v[part]
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return v


def num(v):
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v)
        except ValueError:
            return None
    return None


def avg(values):
    xs = [x for x in (num(v) for v in values) if x is not None]
    return sum(xs) / len(xs) if xs else None


def total(values):
    xs = [x for x in (num(v) for v in values) if x is not None]
    return sum(xs) if xs else None


def vmax(values):
    xs = [x for x in (num(v) for v in values) if x is not None]
    return max(xs) if xs else None


def vmin(values):
    xs = [x for x in (num(v) for v in values) if x is not None]
    return min(xs) if xs else None


def pct(values, p):
    xs = sorted(x for x in (num(v) for v in values) if x is not None)
    if not xs:
        return None
    rank = p / 100 * (len(xs) - 1)
    lo, hi = int(rank // 1), int(-(-rank // 1))
    return xs[lo] + (xs[hi] - xs[lo]) * (rank - lo)


def binned(ms, period_ms):
    return fmt_ts(ms // period_ms * period_ms)


def key_order(values):
    """Group keys ascending, numbers before strings, nulls last."""
    return [(v is None, isinstance(v, str), v if v is not None else 0) for v in values]


def group(rows, keyfn):
    groups = {}
    for e in rows:
        groups.setdefault(tuple(keyfn(e)), []).append(e)
    return [(k, groups[k]) for k in sorted(groups, key=key_order)]


def out_value(v):
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    return float(v)


def row(columns, values):
    return {c: out_value(v) for c, v in zip(columns, values)}


def success(evs):
    return [e for e in evs if get(e, "action") == "task_generation_success"]


PRIORITY = re.compile(r"(?P<high>\d+) high, (?P<medium>\d+) medium, (?P<low>\d+) low")


def priorities(e):
    text = get(e, "metadata.priorityDistribution")
    m = PRIORITY.search(text) if isinstance(text, str) else None
    return (m.group("high"), m.group("medium"), m.group("low")) if m else (None, None, None)


def day(e):
    return binned(e["ts"], 86_400_000)


def hour(e):
    return binned(e["ts"], 3_600_000)


def five(e):
    return binned(e["ts"], 300_000)


def fields_sorted(evs, columns, key, reverse, limit=10000):
    chosen = sorted(evs, key=key, reverse=reverse) if key else evs
    return [row(columns, [fmt_ts(get(e, c)) if c == "@timestamp" else get(e, c) for c in columns]) for e in chosen][:limit]


def desc_stable(evs, key):
    """Descending by key; ties keep input order."""
    return [e for _, _, e in sorted(((key(e), -i, e) for i, e in enumerate(evs)), key=lambda t: (t[0], t[1]), reverse=True)]


def compute(evs):
    q = {}
    c = ["avg(@duration)", "max(@duration)", "min(@duration)"]
    d = [get(e, "@duration") for e in evs]
    q["ai-processor-response-time"] = [row(c, [avg(d), vmax(d), vmin(d)])]

    errs = [e for e in evs if get(e, "level") == "ERROR"]
    c = ["@timestamp", "processId", "userId", "type", "message"]
    q["async-error-logs"] = fields_sorted(desc_stable(errs, lambda e: e["ts"]), c, None, False, 100)

    q["error-trend"] = [row(["bin(1h)", "errors"], [k[0], len(g)]) for k, g in group(errs, lambda e: [hour(e)])]

    prof = [e for e in evs if get(e, "action") == "profile_request" and get(e, "duration") is not None]
    q["profile-latency"] = [row(["bin(1h)", "requests", "p50_duration", "p95_duration", "p99_duration"], [k[0], len(g), pct(d, 50), pct(d, 95), pct(d, 99)])
                            for k, g in group(prof, lambda e: [hour(e)]) for d in [[get(e, "duration") for e in g]]]

    auth = [e for e in evs if get(e, "error.code") == "AUTHENTICATION_ERROR"]
    q["authentication-errors"] = [row(["bin(1h)", "count()"], [k[0], len(g)]) for k, g in group(auth, lambda e: [hour(e)])]

    bedrock = [e for e in evs if get(e, "action") == "bedrock_invoke_model"]
    rows = []
    for k, g in group(bedrock, lambda e: [five(e)]):
        t, errors = len(g), sum(1 for e in g if get(e, "error.code") == "BedrockError")
        rows.append(row(["bin(5m)", "total", "errors", "error_rate"], [k[0], t, errors, errors / t * 100]))
    q["bedrock-error-rate"] = rows

    s = success(evs)
    rows = []
    for k, g in group(s, lambda e: [day(e)]):
        dur = [get(e, "duration") for e in g]
        rows.append(row(["bin(1d)", "total_requests", "avg_duration", "p50_duration", "p95_duration", "p99_duration", "avg_tokens", "total_cost", "avg_tasks"],
                        [k[0], len(g), avg(dur), pct(dur, 50), pct(dur, 95), pct(dur, 99), avg([get(e, "metadata.tokensUsed") for e in g]),
                         total([get(e, "metadata.estimatedCost") for e in g]), avg([get(e, "metadata.taskCount") for e in g])]))
    q["daily-performance"] = rows
    q["daily-tokens"] = [row(["bin(1d)", "total_tokens", "total_cost"], [k[0], total([get(e, "metadata.tokensUsed") for e in g]), total([get(e, "metadata.estimatedCost") for e in g])])
                         for k, g in group(s, lambda e: [day(e)])]
    q["duration-breakdown"] = [row(["bin(5m)", "avg_duration", "max_duration", "avg_tokens", "avg_tasks"],
                                   [k[0], avg([get(e, "duration") for e in g]), vmax([get(e, "duration") for e in g]),
                                    avg([get(e, "metadata.tokensUsed") for e in g]), avg([get(e, "metadata.taskCount") for e in g])])
                               for k, g in group(s, lambda e: [five(e)])]

    info = [e for e in evs if get(e, "level") == "INFO"]
    q["duration-by-type"] = [row(["type", "avg(duration)", "max(duration)"], [k[0], avg([get(e, "duration") for e in g]), vmax([get(e, "duration") for e in g])])
                             for k, g in group(info, lambda e: [get(e, "type")])]

    def counted(evs, keyfn, columns):
        rows = [(k, len(g)) for k, g in group(evs, keyfn)]
        rows = [r for _, _, r in sorted(((n, -i, (k, n)) for i, (k, n) in enumerate(rows)), key=lambda t: (t[0], t[1]), reverse=True)]
        return [row(columns, list(k) + [n]) for k, n in rows]

    q["error-summary"] = counted(errs, lambda e: [get(e, "error.code"), get(e, "error.message")], ["error.code", "error.message", "count"])
    q["error-types"] = counted(errs, lambda e: [get(e, "error.code")], ["error.code", "count"])
    q["forbidden-by-user"] = counted([e for e in evs if get(e, "error.code") == "FORBIDDEN"], lambda e: [get(e, "userId")], ["userId", "count"])
    q["profile-unauthorized"] = counted([e for e in evs if get(e, "error.code") == "UNAUTHORIZED"], lambda e: [get(e, "userId")], ["userId", "count"])

    q["estimated-minutes-distribution"] = [row(["bin(1d)", "avg_minutes", "p50_minutes", "p95_minutes"],
                                               [k[0], avg(m), pct(m, 50), pct(m, 95)])
                                           for k, g in group(s, lambda e: [day(e)]) for m in [[get(e, "metadata.totalEstimatedMinutes") for e in g]]]
    q["hourly-performance"] = [row(["bin(1h)", "requests", "avg_duration", "p95_duration"], [k[0], len(g), avg(d), pct(d, 95)])
                               for k, g in group(s, lambda e: [hour(e)]) for d in [[get(e, "duration") for e in g]]]

    def per_task(e):
        t, n = num(get(e, "metadata.totalEstimatedMinutes")), num(get(e, "metadata.taskCount"))
        return None if t is None or n is None or n == 0 else t / n

    q["minutes-per-task"] = [row(["bin(1d)", "avg_minutes_per_task", "p50_minutes", "p95_minutes"], [k[0], avg(m), pct(m, 50), pct(m, 95)])
                             for k, g in group(s, lambda e: [day(e)]) for m in [[per_task(e) for e in g]]]

    def prio(e, i):
        return priorities(e)[i]

    action_type = lambda e: get(e, "metadata.actionContext.actionType")
    q["priority-by-action-type"] = [row(["metadata.actionContext.actionType", "bin(1d)", "avg_high", "avg_medium", "avg_low"],
                                        [k[0], k[1], avg([prio(e, 0) for e in g]), avg([prio(e, 1) for e in g]), avg([prio(e, 2) for e in g])])
                                    for k, g in group(s, lambda e: [action_type(e), day(e)])]
    q["priority-distribution"] = [row(["bin(1d)", "avg_high", "avg_medium", "avg_low"],
                                      [k[0], avg([prio(e, 0) for e in g]), avg([prio(e, 1) for e in g]), avg([prio(e, 2) for e in g])])
                                  for k, g in group(s, lambda e: [day(e)])]
    rows = []
    for k, g in group(s, lambda e: [day(e)]):
        h, m, l = (avg([prio(e, i) for e in g]) for i in range(3))
        tot = avg([None if None in priorities(e) else sum(float(x) for x in priorities(e)) for e in g])
        share = lambda x: None if x is None or not tot else x / tot * 100
        rows.append(row(["bin(1d)", "avg_high", "avg_medium", "avg_low", "avg_total", "high_pct", "medium_pct", "low_pct"],
                        [k[0], h, m, l, tot, share(h), share(m), share(l)]))
    q["priority-share"] = rows

    pid = PARAMS["process-trace"]["processId"]
    trace = sorted([e for e in evs if get(e, "processId") == pid], key=lambda e: e["ts"])
    q["process-trace"] = fields_sorted(trace, ["@timestamp", "status", "progress", "message"], None, False)

    done = [e for e in info if isinstance(get(e, "message"), str) and "完了" in get(e, "message")]
    q["processing-time-by-type"] = [row(["type", "avg(duration)", "max(duration)", "min(duration)", "count(*)"],
                                        [k[0], avg(d), vmax(d), vmin(d), len(g)])
                                    for k, g in group(done, lambda e: [get(e, "type")]) for d in [[get(e, "duration") for e in g]]]

    q["profile-error-logs"] = fields_sorted(desc_stable(errs, lambda e: e["ts"]), ["@timestamp", "@message", "level", "error", "userId"], None, False, 100)

    injections = [e for e in evs if isinstance(get(e, "error.message"), str) and "不正な入力" in get(e, "error.message")]
    q["prompt-injection"] = [row(["userId", "count()"], [k[0], len(g)]) for k, g in group(injections, lambda e: [get(e, "userId")])]

    warns = [e for e in evs if get(e, "level") == "WARN" and isinstance(get(e, "action"), str) and "quality" in get(e, "action")]
    q["quality-warnings"] = fields_sorted(desc_stable(warns, lambda e: e["ts"]), ["@timestamp", "requestId", "actionId"], None, False)

    slow = [e for e in s if (num(get(e, "duration")) or 0) > 25000]
    q["slow-requests"] = fields_sorted(desc_stable(slow, lambda e: num(get(e, "duration"))), ["@timestamp", "requestId", "userId", "duration", "metadata.taskCount"], None, False)

    q["task-count-by-action-type"] = [row(["metadata.actionContext.actionType", "bin(1d)", "avg_tasks", "p50_tasks", "p95_tasks"], [k[0], k[1], avg(t), pct(t, 50), pct(t, 95)])
                                      for k, g in group(s, lambda e: [action_type(e), day(e)]) for t in [[get(e, "metadata.taskCount") for e in g]]]
    q["task-count-distribution"] = [row(["bin(1d)", "avg_tasks", "min_tasks", "max_tasks", "p50_tasks", "p95_tasks"], [k[0], avg(t), vmin(t), vmax(t), pct(t, 50), pct(t, 95)])
                                    for k, g in group(s, lambda e: [day(e)]) for t in [[get(e, "metadata.taskCount") for e in g]]]
    q["token-usage-hourly"] = [row(["bin(1h)", "total_tokens"], [k[0], total([get(e, "metadata.tokensUsed") for e in g])]) for k, g in group(s, lambda e: [hour(e)])]

    users = [(k, total([get(e, "metadata.tokensUsed") for e in g])) for k, g in group(s, lambda e: [get(e, "userId")])]
    users = [u for _, _, u in sorted(((t, -i, (k, t)) for i, (k, t) in enumerate(users)), key=lambda x: (x[0], x[1]), reverse=True)][:10]
    q["top-token-users"] = [row(["userId", "total_tokens"], [k[0], t]) for k, t in users]

    uid = PARAMS["user-requests"]["userId"]
    mine = [e for e in evs if get(e, "userId") == uid]
    q["user-requests"] = fields_sorted(desc_stable(mine, lambda e: e["ts"]), ["@timestamp", "action", "duration", "error.code", "metadata.taskCount"], None, False)

    q["worker-memory"] = [row(["bin(5m)", "avg(@maxMemoryUsed)", "max(@maxMemoryUsed)"], [k[0], avg(m), vmax(m)])
                          for k, g in group(evs, lambda e: [five(e)]) for m in [[get(e, "@maxMemoryUsed") for e in g]]]
    return q


def main():
    evs = events()
    q = compute(evs)
    out = {"params": PARAMS, "queries": q}
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(out, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
