//! `alarms`: the environment's alarms and their state; history where the endpoint has it.

use crate::support::TestEnv;
use libtest_mimic::Failed;

tests![alarms_by_state_with_runbooks, history_gaps_and_bad_input];

fn alarms_by_state_with_runbooks() -> Result<(), Failed> {
    let env = TestEnv::new("alarms");
    env.seed("incident");
    let (code, all) = env.json(&["alarms"]);
    assert_eq!(code, 0, "{all}");
    let all = all["alarms"].as_array().unwrap().clone();
    assert!(all.len() >= 10, "{all:?}");
    let (code, firing) = env.json(&["alarms", "--state", "alarm"]);
    assert_eq!(code, 0);
    let firing = firing["alarms"].as_array().unwrap();
    assert!(!firing.is_empty());
    assert!(firing.iter().all(|a| a["state"] == "ALARM"));
    assert_eq!(
        firing.len(),
        all.iter().filter(|a| a["state"] == "ALARM").count()
    );
    let queue = all
        .iter()
        .find(|a| a["name"] == "AsyncProcessing-QueueDepth")
        .unwrap();
    assert_eq!(queue["runbook"], "queue-depth");
    assert!(queue["since"].is_string());
    let csv = env.run(&["alarms", "-o", "csv"]);
    assert!(
        csv.stdout.starts_with("alarm,state,since,reason,runbook"),
        "{}",
        csv.stdout
    );
    Ok(())
}

fn history_gaps_and_bad_input() -> Result<(), Failed> {
    let env = TestEnv::new("alarms_history");
    env.seed("healthy");
    let run = env.run(&["alarms", "history", "AsyncProcessing-QueueDepth"]);
    assert_eq!(run.code, 69, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("DescribeAlarmHistory is not supported by this endpoint"),
        "{}",
        run.stderr
    );
    let run = env.run(&["alarms", "history", "no-such-alarm"]);
    assert_eq!(run.code, 64, "{}", run.stderr);
    assert!(
        run.stderr.contains("AsyncProcessing-QueueDepth"),
        "the hint lists the alarms: {}",
        run.stderr
    );
    let run = env.run(&["alarms", "--state", "red"]);
    assert_eq!(run.code, 64, "{}", run.stderr);
    Ok(())
}
