#!/usr/bin/env python3
"""What every query of tests/data/conformance/queries/ should return over the logs its
`# input:` line names, computed by hand with plain Python: an independent check of the local
engine against AWS's published sample queries (tests/cli/conformance.rs).

Reads the logs as CloudWatch Logs exports them (`<ISO timestamp> <message>`); the fields
Logs Insights discovers are worked out here from the message: Lambda's REPORT line in the
text format and its platform.report record in the JSON format give @type "REPORT",
@requestId, @duration, @billedDuration, @memorySize and @maxMemoryUsed (bytes, 1 MB =
1,000,000) and @initDuration; JSON messages give their fields by dotted path.

Semantics as in tests/data/expected.py (whose helpers this reuses). Run from the repository
root: python3 tests/data/conformance/expected.py
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from expected import avg, fmt_ts, get, group, parse_ts, pct, total, vmax, vmin  # noqa: E402


def out_value(v):
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return float(v)


def row(columns, values):
    return {c: out_value(v) for c, v in zip(columns, values)}


def report(message, doc):
    if message.startswith("REPORT "):
        out = {"@type": "REPORT"}
        for part in message[len("REPORT "):].split("\t"):
            key, _, value = part.partition(":")
            value = value.strip()
            first = value.split()[0] if value else None
            if key == "RequestId":
                out["@requestId"] = value
            elif key == "Duration":
                out["@duration"] = float(first)
            elif key == "Billed Duration":
                out["@billedDuration"] = float(first)
            elif key == "Memory Size":
                out["@memorySize"] = float(first) * 1e6
            elif key == "Max Memory Used":
                out["@maxMemoryUsed"] = float(first) * 1e6
            elif key == "Init Duration":
                out["@initDuration"] = float(first)
        return out
    if isinstance(doc, dict) and doc.get("type") == "platform.report":
        rec = doc.get("record", {})
        m = rec.get("metrics", {})
        out = {"@type": "REPORT", "@requestId": rec.get("requestId")}
        for field, key, scale in [("@duration", "durationMs", 1), ("@billedDuration", "billedDurationMs", 1),
                                  ("@memorySize", "memorySizeMB", 1e6), ("@maxMemoryUsed", "maxMemoryUsedMB", 1e6),
                                  ("@initDuration", "initDurationMs", 1)]:
            if key in m:
                out[field] = float(m[key]) * scale
        return out
    return {}


def read(name):
    out = []
    with open(os.path.join(HERE, "logs", name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            ts, message = parse_ts(line[:24]), line[25:]
            doc = json.loads(message) if message.startswith("{") else None
            out.append({"ts": ts, "message": message, "doc": doc, "report": report(message, doc)})
    return out


def binned(e, ms):
    return fmt_ts(e["ts"] // ms * ms)


def sort_desc(rows, key):
    """Descending, ties in their order, missing values last (the engine's documented order)."""
    present = [(key(r), -i, r) for i, r in enumerate(rows) if key(r) is not None]
    missing = [r for r in rows if key(r) is None]
    return [r for _, _, r in sorted(present, key=lambda x: (x[0], x[1]), reverse=True)] + missing


def reports(evs):
    return [e for e in evs if get(e, "@type") == "REPORT"]


def by_bin(evs, ms, columns, values):
    return [row(["bin(%s)" % columns[0]] + columns[1:], [k[0]] + values(g)) for k, g in group(evs, lambda e: [binned(e, ms)])]


MIN, HOUR = 60_000, 3_600_000
MB, MIB = 1000 * 1000, 1024 * 1024


def count_distinct(values):
    return float(len({v for v in values if v is not None}))


def compute(name, evs, sources):
    r = reports(evs)
    field = lambda g, f: [get(e, f) for e in g]
    scaled = lambda g, f, d: [None if get(e, f) is None else get(e, f) / d for e in g]
    if name == "recently-added-logs":
        return [row(["@timestamp", "@message"], [fmt_ts(e["ts"]), e["message"]]) for e in sort_desc(evs, lambda e: e["ts"])[:25]]
    if name == "exception-per-hour":
        hits = [e for e in evs if re.search("Exception", e["message"])]
        rows = by_bin(hits, HOUR, ["1h", "exceptionCount"], lambda g: [float(len(g))])
        return sort_desc(rows, lambda x: x["exceptionCount"])
    if name == "logs-that-are-not-exceptions":
        return [row(["@message"], [e["message"]]) for e in evs if not re.search("Exception", e["message"])][:10000]
    if name == "create-latency-report":
        return by_bin(r, 5 * MIN, ["5m", "avg(@duration)", "max(@duration)", "min(@duration)"],
                      lambda g: [avg(field(g, "@duration")), vmax(field(g, "@duration")), vmin(field(g, "@duration"))])
    if name == "lambda-100-highest-billed-invocations":
        return [row(["@requestId", "@billedDuration"], [get(e, "@requestId"), get(e, "@billedDuration")])
                for e in sort_desc(r, lambda e: get(e, "@billedDuration"))[:100]]
    if name == "lambda-cold-start-invocations":
        return by_bin(r, 5 * MIN, ["5m", "coldStartPct", "avg(@duration)"],
                      lambda g: [sum(1 for e in g if get(e, "@initDuration") is not None) / len(g) * 100, avg(field(g, "@duration"))])
    if name == "lambda-cold-start-percentage":
        return by_bin(r, 5 * MIN, ["5m", "coldStartPct", "avg(@duration)"],
                      lambda g: [sum(1 for e in g if "Init Duration" in e["message"]) / len(g) * 100, avg(field(g, "@duration"))])
    if name == "lambda-cold-starts-count-and-duration":
        cold = [e for e in r if get(e, "@initDuration") is not None]
        return by_bin(cold, 5 * MIN, ["5m", "coldStarts", "avg(@initDuration)", "min(@initDuration)", "max(@initDuration)"],
                      lambda g: [float(len(g)), avg(field(g, "@initDuration")), vmin(field(g, "@initDuration")), vmax(field(g, "@initDuration"))])
    if name == "lambda-invocation-where-lambda-exited":
        return by_bin([e for e in evs if "Process exited" in e["message"]], 30 * MIN, ["30m", "count()"], lambda g: [float(len(g))])
    if name == "lambda-invocations-timed-out":
        return by_bin([e for e in evs if "Task timed out" in e["message"]], 30 * MIN, ["30m", "count()"], lambda g: [float(len(g))])
    if name == "lambda-last-100-errors":
        errs = [e for e in evs if get(e, "LogLevel") == "ERR"]
        return [row(["Timestamp", "LogLevel", "Message"], [get(e, "Timestamp"), get(e, "LogLevel"), get(e, "Message")])
                for e in sort_desc(errs, lambda e: e["ts"])[:100]]
    if name == "lambda-max-assigned-memory":
        full = [e for e in r if get(e, "@maxMemoryUsed") is not None and get(e, "@maxMemoryUsed") == get(e, "@memorySize")]
        return by_bin(full, 30 * MIN, ["30m", "count_distinct(@requestId)"], lambda g: [count_distinct(field(g, "@requestId"))])
    if name in ("lambda-memory-debugger", "overprovisioned-memory-for-lambda"):
        d = (MB, 1000 * 1024, MIB) if name == "lambda-memory-debugger" else (MB, MB, MB)
        prov = vmax(scaled(r, "@memorySize", MB))
        mx = vmax(scaled(r, "@maxMemoryUsed", d[2]))
        return [row(["provisonedMemoryMB", "smallestMemoryRequestMB", "avgMemoryUsedMB", "maxMemoryUsedMB", "overProvisionedMB"],
                    [prov, vmin(scaled(r, "@maxMemoryUsed", d[1])), avg(scaled(r, "@maxMemoryUsed", d[2])), mx, prov - mx])]
    if name == "lambda-percentile-duration-report":
        return by_bin(r, 30 * MIN, ["30m", "Average", "NinetyNinth", "NinetyFifth", "Ninetieth"],
                      lambda g: [avg(field(g, "@billedDuration"))] + [pct(field(g, "@billedDuration"), p) for p in (99, 95, 90)])
    if name == "lambda-percentile-memory-report":
        m = scaled(r, "@maxMemoryUsed", MIB)
        return [row(["mean_MemoryUsed", "min_MemoryUsed", "max_MemoryUsed", "Percentile95"], [avg(m), vmin(m), vmax(m), pct(m, 95)])]
    if name == "lambda-total-invocations-vs-coldstarts":
        return [row(["TotalInvocations", "TotalColdStarts"], [float(len(r)), float(sum(1 for e in r if get(e, "@initDuration") is not None))])]
    if name == "lambda-visualization-of-memory-statistics":
        return by_bin(r, 30 * MIN, ["30m", "maxMemMB", "avgMemMB", "minMemMB", "avgMemUsedPct", "avgDurationMS"],
                      lambda g: [vmax(scaled(g, "@maxMemoryUsed", MIB)), avg(scaled(g, "@maxMemoryUsed", MIB)), vmin(scaled(g, "@maxMemoryUsed", MIB)),
                                 avg(scaled(g, "@maxMemoryUsed", MIB)) / vmax(scaled(g, "@memorySize", MIB)) * 100, avg(field(g, "@billedDuration"))])
    if name == "lambda-warm-starts":
        warm = [e for e in r if not re.search("(?i)(Init Duration)", e["message"])]
        return by_bin(warm, MIN, ["1m", "Average", "NinetyNinth", "NinetyFifth", "Ninetieth"],
                      lambda g: [avg(field(g, "@duration"))] + [pct(field(g, "@duration"), p) for p in (99, 95, 90)])
    if name == "cloudtrail-ec2-hosts-that-start-or-stop-in-aws-region":
        hits = [e for e in evs if get(e, "eventName") in ("StartInstances", "StopInstances") and get(e, "awsRegion") == "us-east-2"]
        return [row(["@timestamp", "@message"], [fmt_ts(e["ts"]), e["message"]]) for e in hits]
    if name == "cloudtrail-find-newly-created-users":
        cols = ["awsRegion", "requestParameters.userName", "responseElements.user.arn"]
        return [row(cols, [get(e, c) for c in cols]) for e in evs if get(e, "eventName") == "CreateUser"]
    if name == "cloudtrail-number-of-entries-for-service-event-region":
        return [row(["eventSource", "eventName", "awsRegion", "count(*)"], list(k) + [float(len(g))])
                for k, g in group(evs, lambda e: [get(e, "eventSource"), get(e, "eventName"), get(e, "awsRegion")])]
    if name == "cloudtrail-update-trail-errors":
        hits = [e for e in evs if get(e, "eventName") == "UpdateTrail" and get(e, "errorCode") is not None]
        return [row(["errorCode", "errorMessage", "count(*)"], list(k) + [float(len(g))])
                for k, g in group(hits, lambda e: [get(e, "errorCode"), get(e, "errorMessage")])]
    if name == "sns-sms-delivery-analysis":
        hits = [e for e in evs if get(e, "delivery.destination") is not None]
        rows = [row(["delivery.smsType", "status", "messageCount", "totalCostUSD"],
                    list(k) + [float(len(g)), total([get(e, "delivery.priceInUSD") if get(e, "delivery.priceInUSD") is not None else 0 for e in g])])
                for k, g in group(hits, lambda e: [get(e, "delivery.smsType"), get(e, "status")])]
        return sorted(rows, key=lambda x: (x["delivery.smsType"], x["status"]))
    if name == "stats-twice-ingest-mb":
        mb = [total([float(len(e["message"])) for e in g]) / 1024 / 1024 for _, g in group(evs, lambda e: [binned(e, 5 * MIN)])]
        return [row(["peak_ingest_mb", "min_ingest_mb", "avg_ingest_mb"], [vmax(mb), vmin(mb), avg(mb)])]
    if name == "unnest-events":
        return [row(["event.name"], [item.get("name") if isinstance(item, dict) else None])
                for e in evs for item in unnest(e["doc"].get("events"))]
    if name == "unnest-filter-accounts":
        return [row(["js", "account"], [e["doc"], item]) for e in evs for item in unnest(e["doc"].get("accounts"))
                if isinstance(item, dict) and item.get("type") == "internal"][:10000]
    if name == "unnest-aggregate":
        items = [item for e in evs for item in unnest(json.loads(e["doc"]["trimmedData"]))]
        groups = {}
        for item in items:
            groups.setdefault(item.get("accountId"), []).append(item.get("droppedSpans"))
        rows = [row(["account.accountId", "n"], [k, total(groups[k])]) for k in sorted(groups)]
        return sort_desc(rows, lambda x: x["n"])[:10]
    if name.startswith("addtotals-"):
        return addtotals(name, evs)
    if name.startswith("join-") or name.startswith("subquery-"):
        return correlate(name, evs, sources)
    if name == "pattern-message":
        return patterns([e["message"] for e in evs])
    if name == "pattern-errors":
        return patterns([e["message"] for e in evs if re.search("ERROR", e["message"])])
    raise SystemExit(f"no expected values for {name}: add it to tests/data/conformance/expected.py")


# pattern (CWL_QuerySyntax-Pattern): the engine's documented approximation
# (docs/local-engine.md). A token ends at whitespace or framing punctuation; one that holds a
# digit, or is 8+ hex digits, varies and shows as <*>; varying tokens joined only by ":" or ","
# are one <*>. @severityLabel: the first level word.
TOKEN = re.compile(r"""[^\s"'`,;:=()\[\]{}<>|/\\&?]+|.""", re.S)
LEVELS = {"Error": "FATAL CRITICAL CRIT ERROR ERR SEVERE PANIC EMERG ALERT", "Warning": "WARN WARNING",
          "Info": "INFO NOTICE", "Debug": "DEBUG TRACE"}


def pattern_of(text):
    pieces = []  # [text, varies]
    for tok in TOKEN.findall(text):
        varies = len(tok) > 1 or not (tok.isspace() or tok in "\"'`,;:=()[]{}<>|/\\&?")
        varies = varies and (any(c.isdigit() and c.isascii() for c in tok)
                             or (len(tok) >= 8 and all(c in "0123456789abcdefABCDEF" for c in tok)))
        pieces.append([tok, varies])
    out, i = [], 0
    while i < len(pieces):
        tok, varies = pieces[i]
        if not varies:
            out.append(tok)
            i += 1
            continue
        out.append("<*>")
        j = i + 1
        # Skip ":"/"," runs that lead to another varying token.
        while True:
            k = j
            while k < len(pieces) and pieces[k][0] in (":", ","):
                k += 1
            if k > j and k < len(pieces) and pieces[k][1]:
                j = k + 1
            else:
                break
        i = j
    return "".join(out)


def severity(pattern):
    for word in re.split(r"[^A-Za-z]+", pattern):
        for label, words in LEVELS.items():
            if word.upper() in words.split():
                return label
    return None


def patterns(texts):
    counts = {}
    for t in texts:
        p = pattern_of(t)
        counts[p] = counts.get(p, 0) + 1
    n = len(texts)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [row(["@pattern", "@ratio", "@sampleCount", "@severityLabel"], [p, c / n, float(c), severity(p)])
            for p, c in ordered][:10000]


def amount(v):
    """addtotals sums numeric fields: numbers, and text that reads as one; not true/false."""
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v)
    try:
        return float(v.strip())
    except ValueError:
        return None


def sum_of(values):
    xs = [x for x in (amount(v) for v in values) if x is not None]
    return sum(xs) if xs else None


def addtotals(name, evs):
    """The addtotals page's examples: a row total column (Total unless fieldname= names it) over
    the named fields, else every field shown; col=true appends a row of column totals."""
    shown, summed, total_name, row_totals, col = {
        "addtotals-row-totals": (["a", "b"], ["a", "b"], "Total", True, False),
        "addtotals-specific-fields": (["price", "tax", "qty"], ["price", "tax"], "Total", True, False),
        "addtotals-custom-name": (["val"], ["val"], "RowSum", True, False),
        "addtotals-column-totals": (["x"], ["x"], "Total", True, True),
    }[name]
    rows = []
    for e in evs:
        values = {c: get(e, c) for c in shown}
        if row_totals:
            values[total_name] = sum_of(values[c] for c in summed)
        rows.append(values)
    columns = shown + ([total_name] if row_totals else [])
    if col:
        last = {c: None for c in columns}
        for c in summed + ([total_name] if row_totals else []):
            last[c] = sum_of(r[c] for r in rows)
        rows.append(last)
    return [row(columns, [r[c] for c in columns]) for r in rows]


def correlate(name, evs, sources):
    """The join and subqueries pages' examples: records of one log group with those of another
    (`# with:` GROUP=LOG) sharing a requestId."""
    if name == "join-api-gateway-with-lambda":
        lam = {}
        for e in sources["/aws/lambda/my-function"]:
            lam.setdefault(get(e, "requestId"), []).append(e)
        pairs = [(a, b) for a in evs if (get(a, "status") or 0) >= 500 for b in lam.get(get(a, "requestId"), [])]
        pairs = sort_desc(pairs, lambda p: get(p[0], "latency"))
        columns = ["api.requestId", "api.status", "api.latency", "lambda.duration", "lambda.memoryUsed"]
        return [row(columns, [get(a, "requestId"), get(a, "status"), get(a, "latency"),
                              get(b, "duration"), get(b, "memoryUsed")]) for a, b in pairs]
    if name == "subquery-downstream-errors":
        failed = {get(e, "requestId") for e in sources["/aws/lambda/database-service"]
                  if get(e, "errorType") == "DatabaseConnectionTimeout"}
        hits = sort_desc([e for e in evs if get(e, "requestId") in failed], lambda e: e["ts"])
        columns = ["@timestamp", "requestId", "endpoint", "userId", "responseTime"]
        return [row(columns, [fmt_ts(e["ts"])] + [get(e, c) for c in columns[1:]]) for e in hits]
    if name == "subquery-repeated-failures":
        failures = {}
        for e in sources["/aws/lambda/payment-processor"]:
            if get(e, "status") == "FAILED":
                failures[get(e, "requestId")] = failures.get(get(e, "requestId"), 0) + 1
        repeated = {k for k, n in failures.items() if n > 3}
        hits = sorted((e for e in evs if get(e, "requestId") in repeated), key=lambda e: e["ts"])
        columns = ["@timestamp", "requestId", "customerId", "amount", "failureReason"]
        return [row(columns, [fmt_ts(e["ts"])] + [get(e, c) for c in columns[1:]]) for e in hits]
    raise SystemExit(f"no expected values for {name}")


def unnest(v):
    """unnest: a list's items; anything else but null is a list of one."""
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def main():
    out = {}
    qdir = os.path.join(HERE, "queries")
    for file in sorted(os.listdir(qdir)):
        name = file.removesuffix(".insights")
        text = open(os.path.join(qdir, file), encoding="utf-8").read()
        inputs = re.search(r"^# input: (.+)$", text, re.M).group(1).split()
        sources = {g: read(log) for g, log in re.findall(r"^# with: (.+)=(.+)$", text, re.M)}
        out[name] = {log: compute(name, read(log), sources) for log in inputs}
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
