#!/usr/bin/env python3
"""Writes the log corpus the query tests run on (tests/data/corpus/), deterministically.

The corpus has every kind of input the local engine reads: JSON lines, a CloudWatch Logs S3
export (gzip, a timestamp before each message), `aws logs filter-log-events` output, and Lambda
REPORT lines; plus events with missing fields, a broken line and blank lines. Its content
follows the structured log format of the guides (002 ログフォーマット, 000's queries).

Run from the repository root: python3 tests/data/make_corpus.py
"""
import gzip
import io
import json
import os
import random
from datetime import datetime, timedelta, timezone

rng = random.Random(20261122)
BASE = datetime(2026, 11, 20, 0, 0, 0, tzinfo=timezone.utc)
OUT = os.path.join(os.path.dirname(__file__), "corpus")
USERS = [f"00000000-0000-4000-8000-00000000000{i}" for i in range(1, 7)]
PROCESSES = [f"11111111-0000-4000-8000-0000000000{i:02d}" for i in range(1, 13)]


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def at(minutes):
    return BASE + timedelta(minutes=minutes, milliseconds=rng.randrange(0, 60000))


def task_generation():
    lines = []
    minute = 0
    for i in range(240):
        minute += rng.randrange(5, 20)
        t = at(minute)
        user = USERS[rng.randrange(len(USERS))]
        habit = rng.random() < 0.3
        count = rng.randrange(1, 4) if habit else rng.randrange(1, 6)
        minutes = [rng.choice([15, 30, 40, 45, 50, 60, 90, 120]) for _ in range(count)]
        high = rng.randrange(0, count + 1)
        low = rng.randrange(0, count - high + 1)
        medium = count - high - low
        tokens = rng.randrange(700, 2500)
        failed = rng.random() < 0.08
        lines.append({"timestamp": iso(t), "level": "ERROR" if failed else "INFO", "action": "bedrock_invoke_model",
                      "requestId": f"req-{i}", "userId": user, "duration": rng.randrange(800, 9000),
                      **({"error": {"code": "BedrockError", "message": "ThrottlingException: Rate exceeded"}} if failed else {})})
        if failed:
            continue
        metadata = {"tokensUsed": tokens, "estimatedCost": round(tokens * 0.00000009, 8), "taskCount": count,
                    "totalEstimatedMinutes": sum(minutes), "priorityDistribution": f"{high} high, {medium} medium, {low} low",
                    "actionContext": {"actionType": "HABIT" if habit else "EXECUTION"}}
        # A few events without some metadata: missing values are skipped, never zero.
        if i % 37 == 5:
            del metadata["taskCount"]
        if i % 41 == 7:
            del metadata["priorityDistribution"]
        lines.append({"timestamp": iso(t + timedelta(seconds=9)), "level": "INFO", "action": "task_generation_success",
                      "requestId": f"req-{i}", "userId": user, "actionId": f"act-{i}",
                      "duration": rng.randrange(4000, 32000), "metadata": metadata})
        if rng.random() < 0.1:
            lines.append({"timestamp": iso(t + timedelta(seconds=5)), "level": "WARN", "action": "quality_warning_duplicate",
                          "requestId": f"req-{i}", "actionId": f"act-{i}", "message": "タスク重複検出"})
    errors = [("VALIDATION_ERROR", "入力値が不正です"), ("QUALITY_ERROR", "タスクの品質検証に3回失敗しました"),
              ("DATABASE_ERROR", "DatabaseError: Connection pool exhausted"), ("AI_SERVICE_ERROR", "Bedrockサービスが応答しません")]
    for j in range(30):
        code, message = errors[j % len(errors)]
        lines.append({"timestamp": iso(at(rng.randrange(0, 2880))), "level": "ERROR", "action": "task_generation_error",
                      "requestId": f"err-{j}", "userId": USERS[j % 6], "error": {"code": code, "message": message}})
    for j in range(25):
        lines.append({"timestamp": iso(at(600 + j * 3)), "level": "ERROR", "action": "authentication_failed",
                      "error": {"code": "AUTHENTICATION_ERROR", "message": "認証トークンが無効です"}})
    for j in range(9):
        lines.append({"timestamp": iso(at(900 + j * 7)), "level": "ERROR", "action": "authorization_failed",
                      "userId": USERS[0] if j < 6 else USERS[3], "error": {"code": "FORBIDDEN", "message": "他のユーザーのリソースにはアクセスできません"}})
    for j in range(4):
        lines.append({"timestamp": iso(at(1200 + j * 11)), "level": "ERROR", "action": "prompt_injection_detected",
                      "userId": USERS[5] if j < 3 else USERS[2], "error": {"code": "VALIDATION_ERROR", "message": "不正な入力が検出されました"}})
    lines.sort(key=lambda e: e["timestamp"])
    text = "\n".join(dumps(e) for e in lines)
    # A broken line and blank lines: counted as unreadable or skipped, never fatal.
    return text.replace("\n", "\n\n", 1) + "\n" + '{"timestamp":"2026-11-21T00:00:00.000Z","level":"ERROR",' + "\n"


def ai_processor_export():
    """A CloudWatch Logs S3 export: `timestamp message` per line, gzip."""
    out = []
    for i in range(80):
        t = at(i * 30)
        req = f"ap-{i:03d}"
        out.append(f"{iso(t)} START RequestId: {req} Version: $LATEST")
        out.append(f"{iso(t)} " + dumps({"timestamp": iso(t), "level": "INFO", "action": "bedrock_invoke_model", "requestId": req}))
        duration = round(rng.uniform(2000, 70000), 2)
        used = rng.randrange(200, 1000)
        end = t + timedelta(milliseconds=duration)
        out.append(f"{iso(end)} END RequestId: {req}")
        out.append(f"{iso(end)} REPORT RequestId: {req}\tDuration: {duration:.2f} ms\tBilled Duration: {int(duration) + 1} ms\tMemory Size: 1024 MB\tMax Memory Used: {used} MB")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
        f.write(("\n".join(out) + "\n").encode())
    return buf.getvalue()


def worker_filter_log_events():
    """`aws logs filter-log-events --log-group-name /aws/lambda/ai-generation-worker` output."""
    events = []
    kinds = ["SUBGOAL_GENERATION", "ACTION_GENERATION", "TASK_GENERATION"]
    labels = {"SUBGOAL_GENERATION": "サブ目標", "ACTION_GENERATION": "アクション", "TASK_GENERATION": "タスク"}
    for n, pid in enumerate(PROCESSES):
        kind = kinds[n % 3]
        user = USERS[n % 6]
        t = at(n * 150)
        total = rng.randrange(120000, 900000)
        base = {"processId": pid, "userId": user, "type": kind}
        events.append((t, {**base, "level": "INFO", "status": "PROCESSING", "progress": 0, "message": "AI生成処理を開始しました"}))
        events.append((t + timedelta(milliseconds=total // 2), {**base, "level": "INFO", "status": "PROCESSING", "progress": 50,
                                                                 "message": "AI生成処理が50%完了しました", "duration": total // 2}))
        if n % 4 == 3:
            events.append((t + timedelta(milliseconds=total), {**base, "level": "ERROR", "status": "FAILED", "progress": 50,
                                                                "message": "AI生成処理に失敗しました", "duration": total,
                                                                "error": {"code": "AI_ERROR", "message": "ThrottlingException"}}))
        else:
            events.append((t + timedelta(milliseconds=total), {**base, "level": "INFO", "status": "COMPLETED", "progress": 100,
                                                                "message": f"{labels[kind]}の生成が完了しました", "duration": total}))
        used = rng.randrange(300, 1000)
        events.append((t + timedelta(milliseconds=total), f"REPORT RequestId: w-{n}\tDuration: {min(total, 300000):.2f} ms\tBilled Duration: {min(total, 300000)} ms\tMemory Size: 1024 MB\tMax Memory Used: {used} MB"))
    out = {"events": [], "searchedLogStreams": []}
    for i, (t, body) in enumerate(sorted(events, key=lambda e: e[0])):
        message = body if isinstance(body, str) else dumps({"timestamp": iso(t), **body})
        ms = int(t.timestamp() * 1000)
        out["events"].append({"logStreamName": f"2026/11/20/[$LATEST]{i // 20:032x}", "timestamp": ms,
                              "message": message, "ingestionTime": ms + 100, "eventId": str(10**20 + i)})
    return json.dumps(out, ensure_ascii=False, indent=4)


def async_handlers():
    lines = []
    for n, pid in enumerate(PROCESSES):
        t = at(n * 150 - 1)
        lines.append({"timestamp": iso(t), "level": "INFO", "action": "async_processing_started", "processId": pid,
                      "userId": USERS[n % 6], "type": "TASK_GENERATION", "status": "PENDING", "progress": 0,
                      "message": "非同期処理を開始しました"})
        if n % 5 == 2:
            lines.append({"timestamp": iso(t + timedelta(minutes=3)), "level": "ERROR", "action": "process_retry_failed", "processId": pid,
                          "userId": USERS[n % 6], "type": "TASK_GENERATION", "message": "リトライに失敗しました",
                          "error": {"code": "AI_ERROR", "message": "ThrottlingException"}})
    lines.sort(key=lambda e: e["timestamp"])
    return "\n".join(dumps(e) for e in lines) + "\n"


def profile():
    lines = []
    for i in range(150):
        t = at(i * 19)
        user = USERS[i % 6]
        if i % 13 == 4:
            lines.append({"timestamp": iso(t), "level": "ERROR", "action": "profile_request", "userId": user, "statusCode": 401,
                          "message": "認証に失敗しました", "error": {"code": "UNAUTHORIZED", "message": "認証に失敗しました"}})
        elif i % 29 == 9:
            lines.append({"timestamp": iso(t), "level": "ERROR", "action": "profile_request", "userId": user, "statusCode": 500,
                          "message": "DatabaseError: timeout", "error": {"code": "DATABASE_ERROR", "message": "timeout"}})
        else:
            lines.append({"timestamp": iso(t), "level": "INFO", "action": "profile_request", "userId": user, "statusCode": 200,
                          "duration": rng.randrange(40, 900)})
    return "\n".join(dumps(e) for e in lines) + "\n"


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "task-generation.jsonl"), "w") as f:
        f.write(task_generation())
    with open(os.path.join(OUT, "ai-processor-export.gz"), "wb") as f:
        f.write(ai_processor_export())
    with open(os.path.join(OUT, "ai-generation-worker.json"), "w") as f:
        f.write(worker_filter_log_events())
    with open(os.path.join(OUT, "async-handlers.jsonl"), "w") as f:
        f.write(async_handlers())
    with open(os.path.join(OUT, "profile.jsonl"), "w") as f:
        f.write(profile())


if __name__ == "__main__":
    main()
