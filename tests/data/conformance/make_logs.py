#!/usr/bin/env python3
"""Writes the conformance suite's logs (tests/data/conformance/logs/): the shapes AWS's published
sample queries read, as CloudWatch Logs exports them to S3 (`<ISO timestamp> <message>` a line).

- lambda-text.log: a Lambda function in the text log format: INIT_START on cold starts, START,
  the runtime's tab-separated application lines, timeouts and crashes, END and REPORT (Lambda
  Developer Guide, "Working with Lambda function logs"; the REPORT line's fields as in "Lambda
  function logging" / platform REPORT).
- lambda-json.log: the same invocations in Lambda's JSON log format (platform.initStart,
  platform.start, application JSON lines, platform.report with record.metrics).
- dotnet-json.log: application lines in the shape the "last 100 errors" query reads
  (Timestamp, LogLevel, Message).
- cloudtrail.log: CloudTrail events (eventSource, eventName, awsRegion, requestParameters,
  responseElements, errorCode, errorMessage).
- sns-sms.log: SNS SMS delivery status logs (delivery.destination, delivery.smsType,
  delivery.priceInUSD, status).
- payloads.log: application JSON lines holding lists (events, accounts) and a field holding a
  JSON string (trimmedData), as the unnest page's examples read them.
- totals.log: JSON lines with the fields the addtotals page's examples sum (a, b, price, tax,
  qty, val, x), numbers, numbers as text, words, true/false and missing values among them.
- apigw-access.log and lambda-app.log: API Gateway access log records (requestId, status,
  latency) and the Lambda function's records of the same requests (requestId, duration,
  memoryUsed), some requests without a Lambda record and some records without a request: what
  the join page's first example correlates.
- services.log, database-service.log and payment-processor.log: a main service's request
  records (requestId, endpoint, userId, responseTime, customerId, amount, failureReason) and two
  downstream services' records of some of them (errorType; payment status): what the
  subqueries page's two examples read.

Deterministic: run from the repository root, python3 tests/data/conformance/make_logs.py.
"""
import json
import os
import random
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "logs")
START = datetime(2026, 11, 30, 0, 0, 0, tzinfo=timezone.utc)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def write(name, lines):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        for t, message in lines:
            f.write(f"{iso(t)} {message}\n")


def invocations(rng):
    out = []
    t = START
    for i in range(400):
        t = t + timedelta(milliseconds=rng.randint(20_000, 70_000))
        cold = i == 0 or rng.random() < 0.08
        duration = round(rng.uniform(15, 2500), 2)
        used = 512 if rng.random() < 0.06 else rng.randint(70, 480)
        outcome = rng.choices(["ok", "exception", "timeout", "exited"], [80, 12, 5, 3])[0]
        out.append({
            "id": f"{i:08x}-7f3a-4c1e-9b2d-{rng.getrandbits(48):012x}",
            "t": t,
            "cold": cold,
            "init": round(rng.uniform(180, 900), 2) if cold else None,
            "duration": 30000.0 if outcome == "timeout" else duration,
            "memory": 512,
            "used": used,
            "outcome": outcome,
        })
    return out


def lambda_text(calls):
    lines = []
    for c in calls:
        t, rid = c["t"], c["id"]
        if c["cold"]:
            lines.append((t - timedelta(milliseconds=int(c["init"])),
                          "INIT_START Runtime Version: nodejs:20.v33\tRuntime Version ARN: "
                          "arn:aws:lambda:ap-northeast-1::runtime:0f1e2d"))
        lines.append((t, f"START RequestId: {rid} Version: $LATEST"))
        step = t + timedelta(milliseconds=3)
        lines.append((step, f"{iso(step)}\t{rid}\tINFO\tgenerating sub-goals"))
        if c["outcome"] == "exception":
            lines.append((step, f"{iso(step)}\t{rid}\tERROR\tValidationException: goal title is empty"))
        end = t + timedelta(milliseconds=int(c["duration"]))
        if c["outcome"] == "timeout":
            lines.append((end, f"{iso(end)} {rid} Task timed out after 30.00 seconds"))
        if c["outcome"] == "exited":
            lines.append((end, f"RequestId: {rid} Process exited before completing request"))
        lines.append((end, f"END RequestId: {rid}"))
        report = (f"REPORT RequestId: {rid}\tDuration: {c['duration']:.2f} ms\t"
                  f"Billed Duration: {int(c['duration']) + 1} ms\tMemory Size: {c['memory']} MB\t"
                  f"Max Memory Used: {c['used']} MB\t")
        if c["cold"]:
            report += f"Init Duration: {c['init']:.2f} ms\t"
        lines.append((end, report))
    return lines


def lambda_json(calls):
    lines = []
    dump = lambda o: json.dumps(o, separators=(",", ":"), ensure_ascii=False)
    for c in calls:
        t, rid = c["t"], c["id"]
        if c["cold"]:
            t0 = t - timedelta(milliseconds=int(c["init"]))
            lines.append((t0, dump({"time": iso(t0), "type": "platform.initStart", "record": {
                "initializationType": "on-demand", "phase": "init",
                "runtimeVersion": "nodejs:20.v33"}})))
        lines.append((t, dump({"time": iso(t), "type": "platform.start",
                               "record": {"requestId": rid, "version": "$LATEST"}})))
        step = t + timedelta(milliseconds=3)
        lines.append((step, dump({"timestamp": iso(step), "level": "INFO", "requestId": rid,
                                  "message": "generating sub-goals"})))
        if c["outcome"] == "exception":
            lines.append((step, dump({"timestamp": iso(step), "level": "ERROR", "requestId": rid,
                                      "message": "ValidationException: goal title is empty"})))
        end = t + timedelta(milliseconds=int(c["duration"]))
        metrics = {"durationMs": c["duration"], "billedDurationMs": int(c["duration"]) + 1,
                   "memorySizeMB": c["memory"], "maxMemoryUsedMB": c["used"]}
        if c["cold"]:
            metrics["initDurationMs"] = c["init"]
        status = {"timeout": "timeout", "exited": "error"}.get(c["outcome"], "success")
        lines.append((end, dump({"time": iso(end), "type": "platform.report", "record": {
            "requestId": rid, "metrics": metrics, "status": status}})))
    return lines


def dotnet(rng):
    lines = []
    t = START
    levels = ["INF", "INF", "INF", "WRN", "ERR"]
    for i in range(300):
        t = t + timedelta(milliseconds=rng.randint(5_000, 90_000))
        level = rng.choice(levels)
        lines.append((t, json.dumps({"Timestamp": iso(t), "LogLevel": level,
                                     "Message": f"order {i} {'failed' if level == 'ERR' else 'handled'}"})))
    return lines


def cloudtrail(rng):
    lines = []
    t = START
    events = [("ec2.amazonaws.com", "StartInstances"), ("ec2.amazonaws.com", "StopInstances"),
              ("ec2.amazonaws.com", "DescribeInstances"), ("iam.amazonaws.com", "CreateUser"),
              ("cloudtrail.amazonaws.com", "UpdateTrail"), ("s3.amazonaws.com", "GetObject")]
    regions = ["us-east-1", "us-east-2", "ap-northeast-1"]
    for i in range(300):
        t = t + timedelta(milliseconds=rng.randint(1_000, 60_000))
        source, name = rng.choice(events)
        region = "us-east-1" if source == "iam.amazonaws.com" else rng.choice(regions)
        e = {"eventVersion": "1.08", "eventTime": iso(t)[:19] + "Z", "eventSource": source,
             "eventName": name, "awsRegion": region, "sourceIPAddress": f"192.0.2.{i % 250}"}
        if name == "CreateUser":
            user = f"user{i}"
            e["requestParameters"] = {"userName": user}
            e["responseElements"] = {"user": {"userName": user,
                                              "arn": f"arn:aws:iam::123456789012:user/{user}"}}
        if name == "UpdateTrail" and rng.random() < 0.5:
            e["errorCode"] = rng.choice(["TrailNotFoundException", "AccessDenied"])
            e["errorMessage"] = "Unknown trail" if e["errorCode"] == "TrailNotFoundException" else "Not authorized"
        lines.append((t, json.dumps(e, separators=(",", ":"))))
    return lines


def sns(rng):
    lines = []
    t = START
    for i in range(200):
        t = t + timedelta(milliseconds=rng.randint(10_000, 120_000))
        delivery = {"smsType": rng.choice(["Transactional", "Promotional"]),
                    "numberOfMessageParts": 1, "mnc": 10, "mcc": 440}
        if rng.random() < 0.9:
            delivery["destination"] = f"+8190{rng.randint(10000000, 99999999)}"
        if rng.random() < 0.85:
            delivery["priceInUSD"] = rng.choice([0.07, 0.0645, 0.00645])
        e = {"notification": {"messageId": f"m-{i}", "timestamp": iso(t)},
             "delivery": delivery, "status": rng.choice(["SUCCESS", "SUCCESS", "FAILURE"])}
        lines.append((t, json.dumps(e, separators=(",", ":"))))
    return lines


def payloads(rng):
    lines = []
    t = START
    names = ["exception", "user action", "page view"]
    for i in range(120):
        t = t + timedelta(milliseconds=rng.randint(10_000, 90_000))
        e = {"requestId": f"p-{i}",
             "events": [{"name": rng.choice(names)} for _ in range(rng.randint(0, 3))],
             "accounts": [{"id": f"a{rng.randint(1, 6)}",
                           "type": rng.choice(["internal", "external"])}
                          for _ in range(rng.randint(1, 3))]}
        spans = [{"accountId": f"a{rng.randint(1, 12)}", "droppedSpans": rng.randint(0, 40)}
                 for _ in range(rng.randint(1, 4))]
        e["trimmedData"] = json.dumps(spans, separators=(",", ":"))
        lines.append((t, json.dumps(e, separators=(",", ":"))))
    return lines


def totals(rng):
    lines = []
    t = START
    odd = ["n/a", True, None, "12.5"]
    for i in range(60):
        t = t + timedelta(milliseconds=rng.randint(1_000, 60_000))
        e = {"a": rng.randint(0, 50), "b": rng.randint(-20, 20), "price": round(rng.uniform(1, 500), 2),
             "tax": round(rng.uniform(0, 40), 2), "qty": rng.randint(1, 9), "val": rng.randint(0, 999),
             "x": rng.randint(-100, 100)}
        # Now and then a field that is not a plain number, or no field at all.
        for key in ("b", "tax", "x"):
            if rng.random() < 0.2:
                v = rng.choice(odd)
                if v is None:
                    del e[key]
                else:
                    e[key] = v
        lines.append((t, json.dumps(e, separators=(",", ":"))))
    return lines


def correlated(rng):
    """Records of one set of requests in several log groups, keyed by requestId."""
    t = START
    api, fn, main, db, pay = [], [], [], [], []
    latencies = rng.sample(range(20, 5000), 150)
    for i in range(150):
        t = t + timedelta(milliseconds=rng.randint(1_000, 30_000))
        rid = f"req-{i:04d}"
        status = rng.choice([200, 200, 200, 201, 404, 500, 502, 503, 504])
        api.append((t, json.dumps({"requestId": rid, "status": status, "latency": latencies[i]}, separators=(",", ":"))))
        if rng.random() < 0.8:
            took = round(latencies[i] * rng.uniform(0.5, 0.95), 2)
            fn.append((t + timedelta(milliseconds=5), json.dumps(
                {"requestId": rid, "duration": took, "memoryUsed": rng.randint(60, 512)}, separators=(",", ":"))))
        e = {"requestId": rid, "endpoint": rng.choice(["/goals", "/goals/{id}", "/subgoals", "/tasks"]),
             "userId": f"u-{rng.randint(1, 20)}", "responseTime": latencies[i]}
        if rng.random() < 0.5:
            e.update({"customerId": f"c-{rng.randint(1, 15)}", "amount": round(rng.uniform(1, 300), 2),
                      "failureReason": rng.choice(["card_declined", "timeout", "insufficient_funds", None])})
            if e["failureReason"] is None:
                del e["failureReason"]
        main.append((t, json.dumps(e, separators=(",", ":"))))
        if rng.random() < 0.4:
            db.append((t + timedelta(milliseconds=3), json.dumps(
                {"requestId": rid, "errorType": rng.choice(["DatabaseConnectionTimeout", "DeadlockDetected", "DatabaseConnectionTimeout"])},
                separators=(",", ":"))))
        for attempt in range(rng.choice([0, 0, 1, 2, 4, 5])):
            pay.append((t + timedelta(milliseconds=10 + attempt), json.dumps(
                {"requestId": rid, "attempt": attempt + 1, "status": rng.choice(["FAILED", "FAILED", "SUCCEEDED"])},
                separators=(",", ":"))))
    # A Lambda record of a request the API did not log, and a downstream record of none.
    fn.append((t + timedelta(seconds=1), json.dumps({"requestId": "req-orphan", "duration": 12.5, "memoryUsed": 64}, separators=(",", ":"))))
    db.append((t + timedelta(seconds=1), json.dumps({"requestId": "req-orphan", "errorType": "DatabaseConnectionTimeout"}, separators=(",", ":"))))
    return {"apigw-access.log": api, "lambda-app.log": fn, "services.log": main,
            "database-service.log": db, "payment-processor.log": pay}


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(20261130)
    calls = invocations(rng)
    write("lambda-text.log", sorted(lambda_text(calls), key=lambda x: x[0]))
    write("lambda-json.log", sorted(lambda_json(calls), key=lambda x: x[0]))
    write("dotnet-json.log", dotnet(rng))
    write("cloudtrail.log", cloudtrail(rng))
    write("sns-sms.log", sns(rng))
    write("payloads.log", payloads(rng))
    write("totals.log", totals(rng))
    # Its own generator, so that the logs above stay as they were.
    for name, lines in correlated(random.Random(20261205)).items():
        write(name, sorted(lines, key=lambda x: x[0]))


if __name__ == "__main__":
    main()
