
use builtin;
use str;

set edit:completion:arg-completer[mandala-ops] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'mandala-ops'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'mandala-ops'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sandbox 'A local environment (PostgreSQL and an AWS emulator on loopback) to try everything on'
            cand health 'Every check of the guides, concurrently: Lambda, API, Step Functions, async metrics, database, Aurora, alarms, logs'
            cand query 'The guides'' Logs Insights queries: list, show, run (on CloudWatch or locally), sync'
            cand logs 'The service''s logs: one merged tail of every function, filtered, with context'
            cand process 'Processing rows against their Step Functions executions: list, show, logs, repair, cancel, retry'
            cand scale 'Lambda concurrency, memory and timeout; the emergency stop and resume; Aurora ACU range'
            cand cleanup 'Retention: old processing_state rows and log streams'
            cand alarms 'The environment''s CloudWatch alarms with state, reason and runbook; `history NAME`'
            cand audit 'What mandala-ops changed here: who, when, what, before and after, why'
            cand replay 'The AI generation pipeline on a case, stage by stage, offline or against Bedrock'
            cand runbook 'The guides'' alert procedures as executable runbooks: list, show, run, for ALARM'
            cand incident 'The incident record: start (with its severity and response deadline), list, close'
            cand report 'The guides'' daily, weekly and monthly checklists as one generated report'
            cand demo 'Start the sandbox, seed an incident, and run the health check against it'
            cand config 'The resolved configuration: environment, resource names, thresholds'
            cand completions 'Shell completions (bash, zsh, fish, powershell, elvish)'
            cand man 'The man page, in roff'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;sandbox'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand up 'Start PostgreSQL and the AWS emulator (installed on first use); idempotent'
            cand status 'Show whether the sandbox runs, where, and its endpoints'
            cand seed 'Create the service''s schema and AWS resources, and load a scenario'
            cand down 'Stop the processes the sandbox started'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;sandbox;up'= {
            cand --pg-port 'PostgreSQL port on 127.0.0.1 [default: 25432]'
            cand --moto-port 'AWS emulator port on 127.0.0.1 [default: 25433]'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;sandbox;status'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;sandbox;seed'= {
            cand --scenario 'Which state to load'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-reset 'Add to the emulator''s state instead of clearing it first. The emulator keeps metric data forever, so seeding again without a reset mixes scenarios'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;sandbox;down'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --purge 'Also delete the database files, logs and state (the emulator''s install is kept)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;sandbox;help'= {
            cand up 'Start PostgreSQL and the AWS emulator (installed on first use); idempotent'
            cand status 'Show whether the sandbox runs, where, and its endpoints'
            cand seed 'Create the service''s schema and AWS resources, and load a scenario'
            cand down 'Stop the processes the sandbox started'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;sandbox;help;up'= {
        }
        &'mandala-ops;sandbox;help;status'= {
        }
        &'mandala-ops;sandbox;help;seed'= {
        }
        &'mandala-ops;sandbox;help;down'= {
        }
        &'mandala-ops;sandbox;help;help'= {
        }
        &'mandala-ops;health'= {
            cand --since 'Time window the metric and log checks look at'
            cand --check 'Run only these checks (a family such as `database`, or a full name); repeatable'
            cand --skip 'Leave these checks out; repeatable'
            cand --concurrency 'Checks run at once'
            cand --watch 'Run again every INTERVAL and redraw, until interrupted'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --strict 'Count `unknown` as a warning'
            cand --all-envs 'Every environment the config file names, at once (instead of --env)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;query'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Every query of the guides, with its source'
            cand show 'One query: its purpose, parameters, expected ranges and text as it would be sent'
            cand run 'Run a query on CloudWatch Logs Insights, or here (--local FILE…, --engine local)'
            cand sync 'Publish the library as CloudWatch Logs saved queries (dry run unless --apply)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;query;list'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;query;show'= {
            cand -p 'A parameter, KEY=VALUE; repeatable'
            cand --param 'A parameter, KEY=VALUE; repeatable'
            cand --engine 'Also print the query as this engine runs it (athena: the SQL over the log archive)'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;query;run'= {
            cand --text 'An ad-hoc query instead of one of the library'
            cand -p 'A parameter, KEY=VALUE; repeatable'
            cand --param 'A parameter, KEY=VALUE; repeatable'
            cand --since 'Time range back from now (default: the query''s own)'
            cand --start 'Start of the range: RFC 3339, or a local date-time such as \"2026-11-22 19:00\"'
            cand --end 'End of the range (default: now)'
            cand --log-group 'Log groups instead of the query''s: component ids (ai-generation-worker) or names'
            cand --limit 'Rows at most (over 10,000, a raw query''s time range is split to get them all)'
            cand --engine 'Where to evaluate'
            cand --local 'Evaluate these log files here instead (- reads stdin)'
            cand --lookup 'A lookup table for the local engine''s `lookup` command: its name and CSV file; repeatable'
            cand --source 'With --local: the logs a join or subquery''s `SOURCE ''GROUP''` reads (a file or s3:// URL); repeatable'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;query;sync'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --apply 'Make the changes (without it, only show them)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;query;help'= {
            cand list 'Every query of the guides, with its source'
            cand show 'One query: its purpose, parameters, expected ranges and text as it would be sent'
            cand run 'Run a query on CloudWatch Logs Insights, or here (--local FILE…, --engine local)'
            cand sync 'Publish the library as CloudWatch Logs saved queries (dry run unless --apply)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;query;help;list'= {
        }
        &'mandala-ops;query;help;show'= {
        }
        &'mandala-ops;query;help;run'= {
        }
        &'mandala-ops;query;help;sync'= {
        }
        &'mandala-ops;query;help;help'= {
        }
        &'mandala-ops;logs'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand tail 'Every function''s log group (or the named ones) as one time-ordered stream'
            cand archive 'Export every function''s log group to the archive bucket, one UTC day per export task (dry run unless --apply)'
            cand athena-setup 'Create or update the Athena database and table over the log archive, partitions projected by component and day (dry run unless --apply)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;logs;tail'= {
            cand --filter 'Only events passing this filter expression (the local engine''s, as after `filter`)'
            cand --request-id 'Only events of this request (requestId, and Lambda''s START/END/REPORT lines)'
            cand --process-id 'Only events of this process (processing_state.id)'
            cand --user-id 'Only events of this user'
            cand -C 'Show N events of the same log stream before and after each match'
            cand --context 'Show N events of the same log stream before and after each match'
            cand --since 'How far back to start'
            cand --interval 'How often polling looks for new events'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand -f 'Keep printing new events until interrupted'
            cand --follow 'Keep printing new events until interrupted'
            cand --poll 'Follow by polling FilterLogEvents instead of a Live Tail session'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;logs;archive'= {
            cand --since 'Whole UTC days before today to cover (default: 30d, CloudWatch''s retention)'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --apply 'Start the exports (without it, only list what is missing)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;logs;athena-setup'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --apply 'Make the changes (without it, only show them)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;logs;help'= {
            cand tail 'Every function''s log group (or the named ones) as one time-ordered stream'
            cand archive 'Export every function''s log group to the archive bucket, one UTC day per export task (dry run unless --apply)'
            cand athena-setup 'Create or update the Athena database and table over the log archive, partitions projected by component and day (dry run unless --apply)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;logs;help;tail'= {
        }
        &'mandala-ops;logs;help;archive'= {
        }
        &'mandala-ops;logs;help;athena-setup'= {
        }
        &'mandala-ops;logs;help;help'= {
        }
        &'mandala-ops;process'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Processing rows with their age, progress and execution state'
            cand show 'One process end to end: row, execution (and the state it failed in), log timeline'
            cand logs 'One process''s log timeline across the handlers and the worker, each event whole; --follow watches it until the row settles'
            cand repair 'Reconcile stuck rows with their executions, as the troubleshooting guide prescribes'
            cand cancel 'Stop a process''s execution, mark it CANCELLED, and verify both took effect'
            cand retry 'Start a FAILED or TIMEOUT process again with its original input, if its error is retryable'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;process;list'= {
            cand --status 'Only these statuses (PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED, TIMEOUT); repeatable'
            cand --type 'Only this type (SUBGOAL, ACTION or TASK, with or without _GENERATION)'
            cand --user 'Only this user''s processes'
            cand --stuck-for 'Only PENDING/PROCESSING rows not updated for this long (of any age)'
            cand --since 'Rows updated within this window'
            cand --limit 'Rows at most'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;process;show'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;process;logs'= {
            cand --interval 'How often --follow looks for new events'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand -f 'Keep printing new events until the process reaches a terminal status'
            cand --follow 'Keep printing new events until the process reaches a terminal status'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;process;repair'= {
            cand --stuck-for 'Reconcile rows not updated for this long [default: thresholds.database.stuck_after_secs, 30m]'
            cand --type 'Only this type (SUBGOAL, ACTION or TASK)'
            cand --limit 'Change at most N rows'
            cand --wait-lock 'Wait up to DURATION for another run''s lock instead of exiting 75'
            cand --batch-size 'Rows per transaction'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --apply 'Make the changes (without it, only show the plan)'
            cand --stop-running 'Stop executions running past their limit and mark missing or stopped ones FAILED'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;process;cancel'= {
            cand --wait-lock 'Wait up to DURATION for another run''s lock instead of exiting 75'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --apply 'Make the change (without it, only show it)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;process;retry'= {
            cand --wait-lock 'Wait up to DURATION for another run''s lock instead of exiting 75'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --apply 'Make the change (without it, only show it)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;process;help'= {
            cand list 'Processing rows with their age, progress and execution state'
            cand show 'One process end to end: row, execution (and the state it failed in), log timeline'
            cand logs 'One process''s log timeline across the handlers and the worker, each event whole; --follow watches it until the row settles'
            cand repair 'Reconcile stuck rows with their executions, as the troubleshooting guide prescribes'
            cand cancel 'Stop a process''s execution, mark it CANCELLED, and verify both took effect'
            cand retry 'Start a FAILED or TIMEOUT process again with its original input, if its error is retryable'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;process;help;list'= {
        }
        &'mandala-ops;process;help;show'= {
        }
        &'mandala-ops;process;help;logs'= {
        }
        &'mandala-ops;process;help;repair'= {
        }
        &'mandala-ops;process;help;cancel'= {
        }
        &'mandala-ops;process;help;retry'= {
        }
        &'mandala-ops;process;help;help'= {
        }
        &'mandala-ops;scale'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Every function''s reserved and provisioned concurrency, memory and timeout beside the guides'' values, and the Aurora ACU range'
            cand lambda 'Change one function''s concurrency, memory or timeout (validated, applied, read back)'
            cand recommend 'What the guides'' rules recommend from recent metrics and REPORT lines, with the evidence'
            cand stop 'The emergency stop: reserved concurrency 0, remembering the previous setting'
            cand resume 'Undo `scale stop`: restore the reserved concurrency from before it'
            cand db 'The Aurora Serverless v2 capacity range'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;scale;show'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;scale;lambda'= {
            cand --reserved 'Reserved concurrency (0 stops the function)'
            cand --provisioned 'Provisioned concurrency of --qualifier (0 removes it)'
            cand --qualifier 'The version or alias provisioned concurrency applies to'
            cand --memory 'Memory, MB (128-10240)'
            cand --function-timeout 'The function''s timeout, seconds (1-900); `--timeout` is the command''s own deadline'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --unreserve 'Remove the reserved concurrency (draw on the account''s pool)'
            cand --apply 'Make the change (without it, only show before → after)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;scale;recommend'= {
            cand --since 'The window of metrics and logs to base recommendations on'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;scale;stop'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --apply 'Make the change (without it, only show it)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;scale;resume'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --apply 'Make the change (without it, only show it)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;scale;db'= {
            cand --min-acu 'Minimum ACU (0.5-256, in steps of 0.5)'
            cand --max-acu 'Maximum ACU (0.5-256, in steps of 0.5)'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --apply 'Make the change (without it, only show it)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;scale;help'= {
            cand show 'Every function''s reserved and provisioned concurrency, memory and timeout beside the guides'' values, and the Aurora ACU range'
            cand lambda 'Change one function''s concurrency, memory or timeout (validated, applied, read back)'
            cand recommend 'What the guides'' rules recommend from recent metrics and REPORT lines, with the evidence'
            cand stop 'The emergency stop: reserved concurrency 0, remembering the previous setting'
            cand resume 'Undo `scale stop`: restore the reserved concurrency from before it'
            cand db 'The Aurora Serverless v2 capacity range'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;scale;help;show'= {
        }
        &'mandala-ops;scale;help;lambda'= {
        }
        &'mandala-ops;scale;help;recommend'= {
        }
        &'mandala-ops;scale;help;stop'= {
        }
        &'mandala-ops;scale;help;resume'= {
        }
        &'mandala-ops;scale;help;db'= {
        }
        &'mandala-ops;scale;help;help'= {
        }
        &'mandala-ops;cleanup'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand processing-state 'Delete terminal processing_state rows past retention, in batches'
            cand log-streams 'Delete log streams with no events since the retention limit'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;cleanup;processing-state'= {
            cand --older-than 'Retention (default: 90d, seed 002)'
            cand --batch-size 'Table rows examined per transaction (deleted or not)'
            cand --wait-lock 'Wait up to DURATION for another run''s lock instead of exiting 75'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --apply 'Delete (without it, only count)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;cleanup;log-streams'= {
            cand --older-than 'Retention (default: 30d, seed 001)'
            cand --log-group 'Log groups (components or names; default: every function''s); repeatable'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --apply 'Delete (without it, only list)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;cleanup;help'= {
            cand processing-state 'Delete terminal processing_state rows past retention, in batches'
            cand log-streams 'Delete log streams with no events since the retention limit'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;cleanup;help;processing-state'= {
        }
        &'mandala-ops;cleanup;help;log-streams'= {
        }
        &'mandala-ops;cleanup;help;help'= {
        }
        &'mandala-ops;alarms'= {
            cand --state 'Only alarms in this state (OK, ALARM, INSUFFICIENT_DATA)'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand history 'An alarm''s state transitions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;alarms;history'= {
            cand --since 'How far back'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;alarms;help'= {
            cand history 'An alarm''s state transitions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;alarms;help;history'= {
        }
        &'mandala-ops;alarms;help;help'= {
        }
        &'mandala-ops;audit'= {
            cand --since 'How far back to look'
            cand --command 'Only commands starting with this (`scale` matches `scale lambda`, `scale stop`, …)'
            cand --target 'Only this target (a process id, a function name, a log stream)'
            cand --limit 'At most this many entries, newest first'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --journal 'Read this machine''s journal (MANDALA_AUDIT_JOURNAL) instead of the environment''s audit table: it also holds AWS changes made while the database was down'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;replay'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand run 'One case (a file, or a shipped case by name): validation, prompt, each attempt''s raw answer, parse, quality findings, result, metadata; exit 2 on a generation error'
            cand batch 'Every case of a folder (default: the shipped cases), with a summary; exit 2 when a case does not end as it expects'
            cand process 'The generation a process ran, rebuilt from the database'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;replay;run'= {
            cand --model 'Where the model''s answers come from'
            cand --emit-logs 'Write the structured logs the run emits (JSON lines) to FILE'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;replay;batch'= {
            cand --model 'Where the model''s answers come from'
            cand --emit-logs 'Write the structured logs the runs emit (JSON lines) to FILE'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;replay;process'= {
            cand --model 'Where the model''s answers come from'
            cand --cassette 'A case file whose recorded answers to use (implies --model cassette)'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;replay;help'= {
            cand run 'One case (a file, or a shipped case by name): validation, prompt, each attempt''s raw answer, parse, quality findings, result, metadata; exit 2 on a generation error'
            cand batch 'Every case of a folder (default: the shipped cases), with a summary; exit 2 when a case does not end as it expects'
            cand process 'The generation a process ran, rebuilt from the database'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;replay;help;run'= {
        }
        &'mandala-ops;replay;help;batch'= {
        }
        &'mandala-ops;replay;help;process'= {
        }
        &'mandala-ops;replay;help;help'= {
        }
        &'mandala-ops;runbook'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Every runbook: name, title, the alarms it answers, its source'
            cand show 'One runbook rendered for a terminal: parameters, steps, their commands'
            cand run 'Run a runbook: diagnostic steps run, mutating steps show their dry run'
            cand for 'The runbook that answers an alarm, and the command that runs it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;runbook;list'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;runbook;show'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;runbook;run'= {
            cand -p 'A runbook parameter, KEY=VALUE; repeatable'
            cand --param 'A runbook parameter, KEY=VALUE; repeatable'
            cand --from 'Resume at this step (its number or id), reusing the earlier steps'' outputs of the last run'
            cand --transcript 'Where to write the transcript'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --apply 'Apply the mutating steps (each is confirmed at a terminal unless --yes)'
            cand --yes 'With --apply: do not ask, for unattended runs'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;runbook;for'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;runbook;help'= {
            cand list 'Every runbook: name, title, the alarms it answers, its source'
            cand show 'One runbook rendered for a terminal: parameters, steps, their commands'
            cand run 'Run a runbook: diagnostic steps run, mutating steps show their dry run'
            cand for 'The runbook that answers an alarm, and the command that runs it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;runbook;help;list'= {
        }
        &'mandala-ops;runbook;help;show'= {
        }
        &'mandala-ops;runbook;help;run'= {
        }
        &'mandala-ops;runbook;help;for'= {
        }
        &'mandala-ops;runbook;help;help'= {
        }
        &'mandala-ops;incident'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Open an incident: its severity level (from the health checks, or --severity) and the response deadline that level sets'
            cand list 'The environment''s incidents, newest first, with their deadlines'
            cand close 'Close an incident (the environment''s open one unless named)'
            cand timeline 'Everything in the incident''s window in time order: alarms, deploys, first errors per code, mandala-ops changes, runbook runs, the incident''s opening and deadline'
            cand impact 'The impact in the service''s terms: processes, users and goals affected, failed and retried generations, Bedrock tokens spent on failed attempts'
            cand report 'A postmortem draft in the guides'' incident flow: detection, initial response (was the deadline met), impact, actions, recovery, follow-up'
            cand capture 'Keep the incident''s evidence before retention expires it: logs, timeline, impact, health, audit, transcripts, with a SHA-256 manifest; secrets redacted; resumable'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;incident;start'= {
            cand --title 'What is happening, in a line [default: the first reason for the severity]'
            cand --since 'Where the incident''s window starts: its evidence is what happened since'
            cand --severity 'The severity level, 1 (Critical) to 4 (Low), instead of the health checks'' assessment'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;incident;list'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;incident;close'= {
            cand --resolution 'How it ended, for the record and the report'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;incident;timeline'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;incident;impact'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;incident;report'= {
            cand --format 'Report format'
            cand --out 'Write the report to FILE instead of stdout'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;incident;capture'= {
            cand --out 'The bundle''s folder [default: the state folder''s incidents/ID/]'
            cand --to 'Also copy the bundle to S3 (the log archive''s bucket): s3://BUCKET[/PREFIX]; objects go under PREFIX/incidents/ID/'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;incident;help'= {
            cand start 'Open an incident: its severity level (from the health checks, or --severity) and the response deadline that level sets'
            cand list 'The environment''s incidents, newest first, with their deadlines'
            cand close 'Close an incident (the environment''s open one unless named)'
            cand timeline 'Everything in the incident''s window in time order: alarms, deploys, first errors per code, mandala-ops changes, runbook runs, the incident''s opening and deadline'
            cand impact 'The impact in the service''s terms: processes, users and goals affected, failed and retried generations, Bedrock tokens spent on failed attempts'
            cand report 'A postmortem draft in the guides'' incident flow: detection, initial response (was the deadline met), impact, actions, recovery, follow-up'
            cand capture 'Keep the incident''s evidence before retention expires it: logs, timeline, impact, health, audit, transcripts, with a SHA-256 manifest; secrets redacted; resumable'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;incident;help;start'= {
        }
        &'mandala-ops;incident;help;list'= {
        }
        &'mandala-ops;incident;help;close'= {
        }
        &'mandala-ops;incident;help;timeline'= {
        }
        &'mandala-ops;incident;help;impact'= {
        }
        &'mandala-ops;incident;help;report'= {
        }
        &'mandala-ops;incident;help;capture'= {
        }
        &'mandala-ops;incident;help;help'= {
        }
        &'mandala-ops;report'= {
            cand --format 'Report format'
            cand --out 'Write the report to FILE instead of stdout'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;demo'= {
            cand --scenario 'Which scenario to seed'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;config'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Environment, config file, resource names and thresholds in use'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;config;show'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;config;help'= {
            cand show 'Environment, config file, resource names and thresholds in use'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;config;help;show'= {
        }
        &'mandala-ops;config;help;help'= {
        }
        &'mandala-ops;completions'= {
            cand --out-dir 'Write the files for every shell into this folder instead'
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;man'= {
            cand --env 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]'
            cand --config 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)'
            cand --region 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)'
            cand --profile 'AWS profile (SSO profiles work after `aws sso login`)'
            cand --database-url 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list'
            cand --db-secret-id 'Secrets Manager secret with the database credentials (RDS secret JSON)'
            cand --db-timeout 'Time allowed to connect to the database'
            cand --timeout 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s'
            cand --sandbox-dir 'The sandbox''s folder (default: the per-user state folder)'
            cand -o 'Output format (junit: `health` only, one test case per check)'
            cand --output 'Output format (junit: `health` only, one test case per check)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -q 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand --quiet 'No progress or notes; a table report is printed only when something is not ok (for cron)'
            cand -v 'More log output on stderr (-v info, -vv debug)'
            cand --verbose 'More log output on stderr (-v info, -vv debug)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mandala-ops;help'= {
            cand sandbox 'A local environment (PostgreSQL and an AWS emulator on loopback) to try everything on'
            cand health 'Every check of the guides, concurrently: Lambda, API, Step Functions, async metrics, database, Aurora, alarms, logs'
            cand query 'The guides'' Logs Insights queries: list, show, run (on CloudWatch or locally), sync'
            cand logs 'The service''s logs: one merged tail of every function, filtered, with context'
            cand process 'Processing rows against their Step Functions executions: list, show, logs, repair, cancel, retry'
            cand scale 'Lambda concurrency, memory and timeout; the emergency stop and resume; Aurora ACU range'
            cand cleanup 'Retention: old processing_state rows and log streams'
            cand alarms 'The environment''s CloudWatch alarms with state, reason and runbook; `history NAME`'
            cand audit 'What mandala-ops changed here: who, when, what, before and after, why'
            cand replay 'The AI generation pipeline on a case, stage by stage, offline or against Bedrock'
            cand runbook 'The guides'' alert procedures as executable runbooks: list, show, run, for ALARM'
            cand incident 'The incident record: start (with its severity and response deadline), list, close'
            cand report 'The guides'' daily, weekly and monthly checklists as one generated report'
            cand demo 'Start the sandbox, seed an incident, and run the health check against it'
            cand config 'The resolved configuration: environment, resource names, thresholds'
            cand completions 'Shell completions (bash, zsh, fish, powershell, elvish)'
            cand man 'The man page, in roff'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mandala-ops;help;sandbox'= {
            cand up 'Start PostgreSQL and the AWS emulator (installed on first use); idempotent'
            cand status 'Show whether the sandbox runs, where, and its endpoints'
            cand seed 'Create the service''s schema and AWS resources, and load a scenario'
            cand down 'Stop the processes the sandbox started'
        }
        &'mandala-ops;help;sandbox;up'= {
        }
        &'mandala-ops;help;sandbox;status'= {
        }
        &'mandala-ops;help;sandbox;seed'= {
        }
        &'mandala-ops;help;sandbox;down'= {
        }
        &'mandala-ops;help;health'= {
        }
        &'mandala-ops;help;query'= {
            cand list 'Every query of the guides, with its source'
            cand show 'One query: its purpose, parameters, expected ranges and text as it would be sent'
            cand run 'Run a query on CloudWatch Logs Insights, or here (--local FILE…, --engine local)'
            cand sync 'Publish the library as CloudWatch Logs saved queries (dry run unless --apply)'
        }
        &'mandala-ops;help;query;list'= {
        }
        &'mandala-ops;help;query;show'= {
        }
        &'mandala-ops;help;query;run'= {
        }
        &'mandala-ops;help;query;sync'= {
        }
        &'mandala-ops;help;logs'= {
            cand tail 'Every function''s log group (or the named ones) as one time-ordered stream'
            cand archive 'Export every function''s log group to the archive bucket, one UTC day per export task (dry run unless --apply)'
            cand athena-setup 'Create or update the Athena database and table over the log archive, partitions projected by component and day (dry run unless --apply)'
        }
        &'mandala-ops;help;logs;tail'= {
        }
        &'mandala-ops;help;logs;archive'= {
        }
        &'mandala-ops;help;logs;athena-setup'= {
        }
        &'mandala-ops;help;process'= {
            cand list 'Processing rows with their age, progress and execution state'
            cand show 'One process end to end: row, execution (and the state it failed in), log timeline'
            cand logs 'One process''s log timeline across the handlers and the worker, each event whole; --follow watches it until the row settles'
            cand repair 'Reconcile stuck rows with their executions, as the troubleshooting guide prescribes'
            cand cancel 'Stop a process''s execution, mark it CANCELLED, and verify both took effect'
            cand retry 'Start a FAILED or TIMEOUT process again with its original input, if its error is retryable'
        }
        &'mandala-ops;help;process;list'= {
        }
        &'mandala-ops;help;process;show'= {
        }
        &'mandala-ops;help;process;logs'= {
        }
        &'mandala-ops;help;process;repair'= {
        }
        &'mandala-ops;help;process;cancel'= {
        }
        &'mandala-ops;help;process;retry'= {
        }
        &'mandala-ops;help;scale'= {
            cand show 'Every function''s reserved and provisioned concurrency, memory and timeout beside the guides'' values, and the Aurora ACU range'
            cand lambda 'Change one function''s concurrency, memory or timeout (validated, applied, read back)'
            cand recommend 'What the guides'' rules recommend from recent metrics and REPORT lines, with the evidence'
            cand stop 'The emergency stop: reserved concurrency 0, remembering the previous setting'
            cand resume 'Undo `scale stop`: restore the reserved concurrency from before it'
            cand db 'The Aurora Serverless v2 capacity range'
        }
        &'mandala-ops;help;scale;show'= {
        }
        &'mandala-ops;help;scale;lambda'= {
        }
        &'mandala-ops;help;scale;recommend'= {
        }
        &'mandala-ops;help;scale;stop'= {
        }
        &'mandala-ops;help;scale;resume'= {
        }
        &'mandala-ops;help;scale;db'= {
        }
        &'mandala-ops;help;cleanup'= {
            cand processing-state 'Delete terminal processing_state rows past retention, in batches'
            cand log-streams 'Delete log streams with no events since the retention limit'
        }
        &'mandala-ops;help;cleanup;processing-state'= {
        }
        &'mandala-ops;help;cleanup;log-streams'= {
        }
        &'mandala-ops;help;alarms'= {
            cand history 'An alarm''s state transitions'
        }
        &'mandala-ops;help;alarms;history'= {
        }
        &'mandala-ops;help;audit'= {
        }
        &'mandala-ops;help;replay'= {
            cand run 'One case (a file, or a shipped case by name): validation, prompt, each attempt''s raw answer, parse, quality findings, result, metadata; exit 2 on a generation error'
            cand batch 'Every case of a folder (default: the shipped cases), with a summary; exit 2 when a case does not end as it expects'
            cand process 'The generation a process ran, rebuilt from the database'
        }
        &'mandala-ops;help;replay;run'= {
        }
        &'mandala-ops;help;replay;batch'= {
        }
        &'mandala-ops;help;replay;process'= {
        }
        &'mandala-ops;help;runbook'= {
            cand list 'Every runbook: name, title, the alarms it answers, its source'
            cand show 'One runbook rendered for a terminal: parameters, steps, their commands'
            cand run 'Run a runbook: diagnostic steps run, mutating steps show their dry run'
            cand for 'The runbook that answers an alarm, and the command that runs it'
        }
        &'mandala-ops;help;runbook;list'= {
        }
        &'mandala-ops;help;runbook;show'= {
        }
        &'mandala-ops;help;runbook;run'= {
        }
        &'mandala-ops;help;runbook;for'= {
        }
        &'mandala-ops;help;incident'= {
            cand start 'Open an incident: its severity level (from the health checks, or --severity) and the response deadline that level sets'
            cand list 'The environment''s incidents, newest first, with their deadlines'
            cand close 'Close an incident (the environment''s open one unless named)'
            cand timeline 'Everything in the incident''s window in time order: alarms, deploys, first errors per code, mandala-ops changes, runbook runs, the incident''s opening and deadline'
            cand impact 'The impact in the service''s terms: processes, users and goals affected, failed and retried generations, Bedrock tokens spent on failed attempts'
            cand report 'A postmortem draft in the guides'' incident flow: detection, initial response (was the deadline met), impact, actions, recovery, follow-up'
            cand capture 'Keep the incident''s evidence before retention expires it: logs, timeline, impact, health, audit, transcripts, with a SHA-256 manifest; secrets redacted; resumable'
        }
        &'mandala-ops;help;incident;start'= {
        }
        &'mandala-ops;help;incident;list'= {
        }
        &'mandala-ops;help;incident;close'= {
        }
        &'mandala-ops;help;incident;timeline'= {
        }
        &'mandala-ops;help;incident;impact'= {
        }
        &'mandala-ops;help;incident;report'= {
        }
        &'mandala-ops;help;incident;capture'= {
        }
        &'mandala-ops;help;report'= {
        }
        &'mandala-ops;help;demo'= {
        }
        &'mandala-ops;help;config'= {
            cand show 'Environment, config file, resource names and thresholds in use'
        }
        &'mandala-ops;help;config;show'= {
        }
        &'mandala-ops;help;completions'= {
        }
        &'mandala-ops;help;man'= {
        }
        &'mandala-ops;help;help'= {
        }
    ]
    $completions[$command]
}
