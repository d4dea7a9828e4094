
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mandala-ops' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mandala-ops'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mandala-ops' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'A local environment (PostgreSQL and an AWS emulator on loopback) to try everything on')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Every check of the guides, concurrently: Lambda, API, Step Functions, async metrics, database, Aurora, alarms, logs')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'The guides'' Logs Insights queries: list, show, run (on CloudWatch or locally), sync')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'The service''s logs: one merged tail of every function, filtered, with context')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Processing rows against their Step Functions executions: list, show, logs, repair, cancel, retry')
            [CompletionResult]::new('scale', 'scale', [CompletionResultType]::ParameterValue, 'Lambda concurrency, memory and timeout; the emergency stop and resume; Aurora ACU range')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Retention: old processing_state rows and log streams')
            [CompletionResult]::new('alarms', 'alarms', [CompletionResultType]::ParameterValue, 'The environment''s CloudWatch alarms with state, reason and runbook; `history NAME`')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'What mandala-ops changed here: who, when, what, before and after, why')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'The AI generation pipeline on a case, stage by stage, offline or against Bedrock')
            [CompletionResult]::new('runbook', 'runbook', [CompletionResultType]::ParameterValue, 'The guides'' alert procedures as executable runbooks: list, show, run, for ALARM')
            [CompletionResult]::new('incident', 'incident', [CompletionResultType]::ParameterValue, 'The incident record: start (with its severity and response deadline), list, close')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'The guides'' daily, weekly and monthly checklists as one generated report')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Start the sandbox, seed an incident, and run the health check against it')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'The resolved configuration: environment, resource names, thresholds')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Shell completions (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'The man page, in roff')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;sandbox' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Start PostgreSQL and the AWS emulator (installed on first use); idempotent')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether the sandbox runs, where, and its endpoints')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Create the service''s schema and AWS resources, and load a scenario')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Stop the processes the sandbox started')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;sandbox;up' {
            [CompletionResult]::new('--pg-port', '--pg-port', [CompletionResultType]::ParameterName, 'PostgreSQL port on 127.0.0.1 [default: 25432]')
            [CompletionResult]::new('--moto-port', '--moto-port', [CompletionResultType]::ParameterName, 'AWS emulator port on 127.0.0.1 [default: 25433]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;sandbox;status' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;sandbox;seed' {
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'Which state to load')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-reset', '--no-reset', [CompletionResultType]::ParameterName, 'Add to the emulator''s state instead of clearing it first. The emulator keeps metric data forever, so seeding again without a reset mixes scenarios')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;sandbox;down' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--purge', '--purge', [CompletionResultType]::ParameterName, 'Also delete the database files, logs and state (the emulator''s install is kept)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;sandbox;help' {
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Start PostgreSQL and the AWS emulator (installed on first use); idempotent')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether the sandbox runs, where, and its endpoints')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Create the service''s schema and AWS resources, and load a scenario')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Stop the processes the sandbox started')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;sandbox;help;up' {
            break
        }
        'mandala-ops;sandbox;help;status' {
            break
        }
        'mandala-ops;sandbox;help;seed' {
            break
        }
        'mandala-ops;sandbox;help;down' {
            break
        }
        'mandala-ops;sandbox;help;help' {
            break
        }
        'mandala-ops;health' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Time window the metric and log checks look at')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Run only these checks (a family such as `database`, or a full name); repeatable')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Leave these checks out; repeatable')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Checks run at once')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every INTERVAL and redraw, until interrupted')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Count `unknown` as a warning')
            [CompletionResult]::new('--all-envs', '--all-envs', [CompletionResultType]::ParameterName, 'Every environment the config file names, at once (instead of --env)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;query' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every query of the guides, with its source')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One query: its purpose, parameters, expected ranges and text as it would be sent')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a query on CloudWatch Logs Insights, or here (--local FILE…, --engine local)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Publish the library as CloudWatch Logs saved queries (dry run unless --apply)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;query;list' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;query;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A parameter, KEY=VALUE; repeatable')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A parameter, KEY=VALUE; repeatable')
            [CompletionResult]::new('--engine', '--engine', [CompletionResultType]::ParameterName, 'Also print the query as this engine runs it (athena: the SQL over the log archive)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;query;run' {
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'An ad-hoc query instead of one of the library')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A parameter, KEY=VALUE; repeatable')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A parameter, KEY=VALUE; repeatable')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Time range back from now (default: the query''s own)')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Start of the range: RFC 3339, or a local date-time such as \"2026-11-22 19:00\"')
            [CompletionResult]::new('--end', '--end', [CompletionResultType]::ParameterName, 'End of the range (default: now)')
            [CompletionResult]::new('--log-group', '--log-group', [CompletionResultType]::ParameterName, 'Log groups instead of the query''s: component ids (ai-generation-worker) or names')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Rows at most (over 10,000, a raw query''s time range is split to get them all)')
            [CompletionResult]::new('--engine', '--engine', [CompletionResultType]::ParameterName, 'Where to evaluate')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Evaluate these log files here instead (- reads stdin)')
            [CompletionResult]::new('--lookup', '--lookup', [CompletionResultType]::ParameterName, 'A lookup table for the local engine''s `lookup` command: its name and CSV file; repeatable')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'With --local: the logs a join or subquery''s `SOURCE ''GROUP''` reads (a file or s3:// URL); repeatable')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;query;sync' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Make the changes (without it, only show them)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;query;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every query of the guides, with its source')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One query: its purpose, parameters, expected ranges and text as it would be sent')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a query on CloudWatch Logs Insights, or here (--local FILE…, --engine local)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Publish the library as CloudWatch Logs saved queries (dry run unless --apply)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;query;help;list' {
            break
        }
        'mandala-ops;query;help;show' {
            break
        }
        'mandala-ops;query;help;run' {
            break
        }
        'mandala-ops;query;help;sync' {
            break
        }
        'mandala-ops;query;help;help' {
            break
        }
        'mandala-ops;logs' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Every function''s log group (or the named ones) as one time-ordered stream')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Export every function''s log group to the archive bucket, one UTC day per export task (dry run unless --apply)')
            [CompletionResult]::new('athena-setup', 'athena-setup', [CompletionResultType]::ParameterValue, 'Create or update the Athena database and table over the log archive, partitions projected by component and day (dry run unless --apply)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;logs;tail' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only events passing this filter expression (the local engine''s, as after `filter`)')
            [CompletionResult]::new('--request-id', '--request-id', [CompletionResultType]::ParameterName, 'Only events of this request (requestId, and Lambda''s START/END/REPORT lines)')
            [CompletionResult]::new('--process-id', '--process-id', [CompletionResultType]::ParameterName, 'Only events of this process (processing_state.id)')
            [CompletionResult]::new('--user-id', '--user-id', [CompletionResultType]::ParameterName, 'Only events of this user')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Show N events of the same log stream before and after each match')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Show N events of the same log stream before and after each match')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back to start')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often polling looks for new events')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new events until interrupted')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new events until interrupted')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'Follow by polling FilterLogEvents instead of a Live Tail session')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;logs;archive' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Whole UTC days before today to cover (default: 30d, CloudWatch''s retention)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Start the exports (without it, only list what is missing)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;logs;athena-setup' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Make the changes (without it, only show them)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;logs;help' {
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Every function''s log group (or the named ones) as one time-ordered stream')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Export every function''s log group to the archive bucket, one UTC day per export task (dry run unless --apply)')
            [CompletionResult]::new('athena-setup', 'athena-setup', [CompletionResultType]::ParameterValue, 'Create or update the Athena database and table over the log archive, partitions projected by component and day (dry run unless --apply)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;logs;help;tail' {
            break
        }
        'mandala-ops;logs;help;archive' {
            break
        }
        'mandala-ops;logs;help;athena-setup' {
            break
        }
        'mandala-ops;logs;help;help' {
            break
        }
        'mandala-ops;process' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Processing rows with their age, progress and execution state')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One process end to end: row, execution (and the state it failed in), log timeline')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'One process''s log timeline across the handlers and the worker, each event whole; --follow watches it until the row settles')
            [CompletionResult]::new('repair', 'repair', [CompletionResultType]::ParameterValue, 'Reconcile stuck rows with their executions, as the troubleshooting guide prescribes')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Stop a process''s execution, mark it CANCELLED, and verify both took effect')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Start a FAILED or TIMEOUT process again with its original input, if its error is retryable')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;process;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only these statuses (PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED, TIMEOUT); repeatable')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only this type (SUBGOAL, ACTION or TASK, with or without _GENERATION)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user''s processes')
            [CompletionResult]::new('--stuck-for', '--stuck-for', [CompletionResultType]::ParameterName, 'Only PENDING/PROCESSING rows not updated for this long (of any age)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Rows updated within this window')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Rows at most')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;process;show' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;process;logs' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often --follow looks for new events')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new events until the process reaches a terminal status')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new events until the process reaches a terminal status')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;process;repair' {
            [CompletionResult]::new('--stuck-for', '--stuck-for', [CompletionResultType]::ParameterName, 'Reconcile rows not updated for this long [default: thresholds.database.stuck_after_secs, 30m]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only this type (SUBGOAL, ACTION or TASK)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Change at most N rows')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'Wait up to DURATION for another run''s lock instead of exiting 75')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Rows per transaction')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Make the changes (without it, only show the plan)')
            [CompletionResult]::new('--stop-running', '--stop-running', [CompletionResultType]::ParameterName, 'Stop executions running past their limit and mark missing or stopped ones FAILED')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;process;cancel' {
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'Wait up to DURATION for another run''s lock instead of exiting 75')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Make the change (without it, only show it)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;process;retry' {
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'Wait up to DURATION for another run''s lock instead of exiting 75')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Make the change (without it, only show it)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;process;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Processing rows with their age, progress and execution state')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One process end to end: row, execution (and the state it failed in), log timeline')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'One process''s log timeline across the handlers and the worker, each event whole; --follow watches it until the row settles')
            [CompletionResult]::new('repair', 'repair', [CompletionResultType]::ParameterValue, 'Reconcile stuck rows with their executions, as the troubleshooting guide prescribes')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Stop a process''s execution, mark it CANCELLED, and verify both took effect')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Start a FAILED or TIMEOUT process again with its original input, if its error is retryable')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;process;help;list' {
            break
        }
        'mandala-ops;process;help;show' {
            break
        }
        'mandala-ops;process;help;logs' {
            break
        }
        'mandala-ops;process;help;repair' {
            break
        }
        'mandala-ops;process;help;cancel' {
            break
        }
        'mandala-ops;process;help;retry' {
            break
        }
        'mandala-ops;process;help;help' {
            break
        }
        'mandala-ops;scale' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every function''s reserved and provisioned concurrency, memory and timeout beside the guides'' values, and the Aurora ACU range')
            [CompletionResult]::new('lambda', 'lambda', [CompletionResultType]::ParameterValue, 'Change one function''s concurrency, memory or timeout (validated, applied, read back)')
            [CompletionResult]::new('recommend', 'recommend', [CompletionResultType]::ParameterValue, 'What the guides'' rules recommend from recent metrics and REPORT lines, with the evidence')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'The emergency stop: reserved concurrency 0, remembering the previous setting')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Undo `scale stop`: restore the reserved concurrency from before it')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'The Aurora Serverless v2 capacity range')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;scale;show' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;scale;lambda' {
            [CompletionResult]::new('--reserved', '--reserved', [CompletionResultType]::ParameterName, 'Reserved concurrency (0 stops the function)')
            [CompletionResult]::new('--provisioned', '--provisioned', [CompletionResultType]::ParameterName, 'Provisioned concurrency of --qualifier (0 removes it)')
            [CompletionResult]::new('--qualifier', '--qualifier', [CompletionResultType]::ParameterName, 'The version or alias provisioned concurrency applies to')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Memory, MB (128-10240)')
            [CompletionResult]::new('--function-timeout', '--function-timeout', [CompletionResultType]::ParameterName, 'The function''s timeout, seconds (1-900); `--timeout` is the command''s own deadline')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--unreserve', '--unreserve', [CompletionResultType]::ParameterName, 'Remove the reserved concurrency (draw on the account''s pool)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Make the change (without it, only show before → after)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;scale;recommend' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'The window of metrics and logs to base recommendations on')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;scale;stop' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Make the change (without it, only show it)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;scale;resume' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Make the change (without it, only show it)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;scale;db' {
            [CompletionResult]::new('--min-acu', '--min-acu', [CompletionResultType]::ParameterName, 'Minimum ACU (0.5-256, in steps of 0.5)')
            [CompletionResult]::new('--max-acu', '--max-acu', [CompletionResultType]::ParameterName, 'Maximum ACU (0.5-256, in steps of 0.5)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Make the change (without it, only show it)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;scale;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every function''s reserved and provisioned concurrency, memory and timeout beside the guides'' values, and the Aurora ACU range')
            [CompletionResult]::new('lambda', 'lambda', [CompletionResultType]::ParameterValue, 'Change one function''s concurrency, memory or timeout (validated, applied, read back)')
            [CompletionResult]::new('recommend', 'recommend', [CompletionResultType]::ParameterValue, 'What the guides'' rules recommend from recent metrics and REPORT lines, with the evidence')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'The emergency stop: reserved concurrency 0, remembering the previous setting')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Undo `scale stop`: restore the reserved concurrency from before it')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'The Aurora Serverless v2 capacity range')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;scale;help;show' {
            break
        }
        'mandala-ops;scale;help;lambda' {
            break
        }
        'mandala-ops;scale;help;recommend' {
            break
        }
        'mandala-ops;scale;help;stop' {
            break
        }
        'mandala-ops;scale;help;resume' {
            break
        }
        'mandala-ops;scale;help;db' {
            break
        }
        'mandala-ops;scale;help;help' {
            break
        }
        'mandala-ops;cleanup' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('processing-state', 'processing-state', [CompletionResultType]::ParameterValue, 'Delete terminal processing_state rows past retention, in batches')
            [CompletionResult]::new('log-streams', 'log-streams', [CompletionResultType]::ParameterValue, 'Delete log streams with no events since the retention limit')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;cleanup;processing-state' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Retention (default: 90d, seed 002)')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Table rows examined per transaction (deleted or not)')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'Wait up to DURATION for another run''s lock instead of exiting 75')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Delete (without it, only count)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;cleanup;log-streams' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Retention (default: 30d, seed 001)')
            [CompletionResult]::new('--log-group', '--log-group', [CompletionResultType]::ParameterName, 'Log groups (components or names; default: every function''s); repeatable')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Delete (without it, only list)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;cleanup;help' {
            [CompletionResult]::new('processing-state', 'processing-state', [CompletionResultType]::ParameterValue, 'Delete terminal processing_state rows past retention, in batches')
            [CompletionResult]::new('log-streams', 'log-streams', [CompletionResultType]::ParameterValue, 'Delete log streams with no events since the retention limit')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;cleanup;help;processing-state' {
            break
        }
        'mandala-ops;cleanup;help;log-streams' {
            break
        }
        'mandala-ops;cleanup;help;help' {
            break
        }
        'mandala-ops;alarms' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only alarms in this state (OK, ALARM, INSUFFICIENT_DATA)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'An alarm''s state transitions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;alarms;history' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;alarms;help' {
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'An alarm''s state transitions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;alarms;help;history' {
            break
        }
        'mandala-ops;alarms;help;help' {
            break
        }
        'mandala-ops;audit' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back to look')
            [CompletionResult]::new('--command', '--command', [CompletionResultType]::ParameterName, 'Only commands starting with this (`scale` matches `scale lambda`, `scale stop`, …)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Only this target (a process id, a function name, a log stream)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many entries, newest first')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Read this machine''s journal (MANDALA_AUDIT_JOURNAL) instead of the environment''s audit table: it also holds AWS changes made while the database was down')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;replay' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'One case (a file, or a shipped case by name): validation, prompt, each attempt''s raw answer, parse, quality findings, result, metadata; exit 2 on a generation error')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Every case of a folder (default: the shipped cases), with a summary; exit 2 when a case does not end as it expects')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'The generation a process ran, rebuilt from the database')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;replay;run' {
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Where the model''s answers come from')
            [CompletionResult]::new('--emit-logs', '--emit-logs', [CompletionResultType]::ParameterName, 'Write the structured logs the run emits (JSON lines) to FILE')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;replay;batch' {
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Where the model''s answers come from')
            [CompletionResult]::new('--emit-logs', '--emit-logs', [CompletionResultType]::ParameterName, 'Write the structured logs the runs emit (JSON lines) to FILE')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;replay;process' {
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Where the model''s answers come from')
            [CompletionResult]::new('--cassette', '--cassette', [CompletionResultType]::ParameterName, 'A case file whose recorded answers to use (implies --model cassette)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;replay;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'One case (a file, or a shipped case by name): validation, prompt, each attempt''s raw answer, parse, quality findings, result, metadata; exit 2 on a generation error')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Every case of a folder (default: the shipped cases), with a summary; exit 2 when a case does not end as it expects')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'The generation a process ran, rebuilt from the database')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;replay;help;run' {
            break
        }
        'mandala-ops;replay;help;batch' {
            break
        }
        'mandala-ops;replay;help;process' {
            break
        }
        'mandala-ops;replay;help;help' {
            break
        }
        'mandala-ops;runbook' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every runbook: name, title, the alarms it answers, its source')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One runbook rendered for a terminal: parameters, steps, their commands')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a runbook: diagnostic steps run, mutating steps show their dry run')
            [CompletionResult]::new('for', 'for', [CompletionResultType]::ParameterValue, 'The runbook that answers an alarm, and the command that runs it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;runbook;list' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;runbook;show' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;runbook;run' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A runbook parameter, KEY=VALUE; repeatable')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A runbook parameter, KEY=VALUE; repeatable')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Resume at this step (its number or id), reusing the earlier steps'' outputs of the last run')
            [CompletionResult]::new('--transcript', '--transcript', [CompletionResultType]::ParameterName, 'Where to write the transcript')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Apply the mutating steps (each is confirmed at a terminal unless --yes)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --apply: do not ask, for unattended runs')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;runbook;for' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;runbook;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every runbook: name, title, the alarms it answers, its source')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One runbook rendered for a terminal: parameters, steps, their commands')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a runbook: diagnostic steps run, mutating steps show their dry run')
            [CompletionResult]::new('for', 'for', [CompletionResultType]::ParameterValue, 'The runbook that answers an alarm, and the command that runs it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;runbook;help;list' {
            break
        }
        'mandala-ops;runbook;help;show' {
            break
        }
        'mandala-ops;runbook;help;run' {
            break
        }
        'mandala-ops;runbook;help;for' {
            break
        }
        'mandala-ops;runbook;help;help' {
            break
        }
        'mandala-ops;incident' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Open an incident: its severity level (from the health checks, or --severity) and the response deadline that level sets')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The environment''s incidents, newest first, with their deadlines')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close an incident (the environment''s open one unless named)')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'Everything in the incident''s window in time order: alarms, deploys, first errors per code, mandala-ops changes, runbook runs, the incident''s opening and deadline')
            [CompletionResult]::new('impact', 'impact', [CompletionResultType]::ParameterValue, 'The impact in the service''s terms: processes, users and goals affected, failed and retried generations, Bedrock tokens spent on failed attempts')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'A postmortem draft in the guides'' incident flow: detection, initial response (was the deadline met), impact, actions, recovery, follow-up')
            [CompletionResult]::new('capture', 'capture', [CompletionResultType]::ParameterValue, 'Keep the incident''s evidence before retention expires it: logs, timeline, impact, health, audit, transcripts, with a SHA-256 manifest; secrets redacted; resumable')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;incident;start' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'What is happening, in a line [default: the first reason for the severity]')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Where the incident''s window starts: its evidence is what happened since')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'The severity level, 1 (Critical) to 4 (Low), instead of the health checks'' assessment')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;incident;list' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;incident;close' {
            [CompletionResult]::new('--resolution', '--resolution', [CompletionResultType]::ParameterName, 'How it ended, for the record and the report')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;incident;timeline' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;incident;impact' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;incident;report' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of stdout')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;incident;capture' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The bundle''s folder [default: the state folder''s incidents/ID/]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Also copy the bundle to S3 (the log archive''s bucket): s3://BUCKET[/PREFIX]; objects go under PREFIX/incidents/ID/')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;incident;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Open an incident: its severity level (from the health checks, or --severity) and the response deadline that level sets')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The environment''s incidents, newest first, with their deadlines')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close an incident (the environment''s open one unless named)')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'Everything in the incident''s window in time order: alarms, deploys, first errors per code, mandala-ops changes, runbook runs, the incident''s opening and deadline')
            [CompletionResult]::new('impact', 'impact', [CompletionResultType]::ParameterValue, 'The impact in the service''s terms: processes, users and goals affected, failed and retried generations, Bedrock tokens spent on failed attempts')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'A postmortem draft in the guides'' incident flow: detection, initial response (was the deadline met), impact, actions, recovery, follow-up')
            [CompletionResult]::new('capture', 'capture', [CompletionResultType]::ParameterValue, 'Keep the incident''s evidence before retention expires it: logs, timeline, impact, health, audit, transcripts, with a SHA-256 manifest; secrets redacted; resumable')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;incident;help;start' {
            break
        }
        'mandala-ops;incident;help;list' {
            break
        }
        'mandala-ops;incident;help;close' {
            break
        }
        'mandala-ops;incident;help;timeline' {
            break
        }
        'mandala-ops;incident;help;impact' {
            break
        }
        'mandala-ops;incident;help;report' {
            break
        }
        'mandala-ops;incident;help;capture' {
            break
        }
        'mandala-ops;incident;help;help' {
            break
        }
        'mandala-ops;report' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of stdout')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;demo' {
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'Which scenario to seed')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;config' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Environment, config file, resource names and thresholds in use')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;config;show' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Environment, config file, resource names and thresholds in use')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;config;help;show' {
            break
        }
        'mandala-ops;config;help;help' {
            break
        }
        'mandala-ops;completions' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write the files for every shell into this folder instead')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;man' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the environment''s, else AWS_REGION, else ap-northeast-1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (SSO profiles work after `aws sso login`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list')
            [CompletionResult]::new('--db-secret-id', '--db-secret-id', [CompletionResultType]::ParameterName, 'Secrets Manager secret with the database credentials (RDS secret JSON)')
            [CompletionResult]::new('--db-timeout', '--db-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect to the database')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command''s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step''s')
            [CompletionResult]::new('--sandbox-dir', '--sandbox-dir', [CompletionResultType]::ParameterName, 'The sandbox''s folder (default: the per-user state folder)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (junit: `health` only, one test case per check)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes; a table report is printed only when something is not ok (for cron)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v info, -vv debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mandala-ops;help' {
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'A local environment (PostgreSQL and an AWS emulator on loopback) to try everything on')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Every check of the guides, concurrently: Lambda, API, Step Functions, async metrics, database, Aurora, alarms, logs')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'The guides'' Logs Insights queries: list, show, run (on CloudWatch or locally), sync')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'The service''s logs: one merged tail of every function, filtered, with context')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Processing rows against their Step Functions executions: list, show, logs, repair, cancel, retry')
            [CompletionResult]::new('scale', 'scale', [CompletionResultType]::ParameterValue, 'Lambda concurrency, memory and timeout; the emergency stop and resume; Aurora ACU range')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Retention: old processing_state rows and log streams')
            [CompletionResult]::new('alarms', 'alarms', [CompletionResultType]::ParameterValue, 'The environment''s CloudWatch alarms with state, reason and runbook; `history NAME`')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'What mandala-ops changed here: who, when, what, before and after, why')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'The AI generation pipeline on a case, stage by stage, offline or against Bedrock')
            [CompletionResult]::new('runbook', 'runbook', [CompletionResultType]::ParameterValue, 'The guides'' alert procedures as executable runbooks: list, show, run, for ALARM')
            [CompletionResult]::new('incident', 'incident', [CompletionResultType]::ParameterValue, 'The incident record: start (with its severity and response deadline), list, close')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'The guides'' daily, weekly and monthly checklists as one generated report')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Start the sandbox, seed an incident, and run the health check against it')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'The resolved configuration: environment, resource names, thresholds')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Shell completions (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'The man page, in roff')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mandala-ops;help;sandbox' {
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Start PostgreSQL and the AWS emulator (installed on first use); idempotent')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether the sandbox runs, where, and its endpoints')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Create the service''s schema and AWS resources, and load a scenario')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Stop the processes the sandbox started')
            break
        }
        'mandala-ops;help;sandbox;up' {
            break
        }
        'mandala-ops;help;sandbox;status' {
            break
        }
        'mandala-ops;help;sandbox;seed' {
            break
        }
        'mandala-ops;help;sandbox;down' {
            break
        }
        'mandala-ops;help;health' {
            break
        }
        'mandala-ops;help;query' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every query of the guides, with its source')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One query: its purpose, parameters, expected ranges and text as it would be sent')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a query on CloudWatch Logs Insights, or here (--local FILE…, --engine local)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Publish the library as CloudWatch Logs saved queries (dry run unless --apply)')
            break
        }
        'mandala-ops;help;query;list' {
            break
        }
        'mandala-ops;help;query;show' {
            break
        }
        'mandala-ops;help;query;run' {
            break
        }
        'mandala-ops;help;query;sync' {
            break
        }
        'mandala-ops;help;logs' {
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Every function''s log group (or the named ones) as one time-ordered stream')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Export every function''s log group to the archive bucket, one UTC day per export task (dry run unless --apply)')
            [CompletionResult]::new('athena-setup', 'athena-setup', [CompletionResultType]::ParameterValue, 'Create or update the Athena database and table over the log archive, partitions projected by component and day (dry run unless --apply)')
            break
        }
        'mandala-ops;help;logs;tail' {
            break
        }
        'mandala-ops;help;logs;archive' {
            break
        }
        'mandala-ops;help;logs;athena-setup' {
            break
        }
        'mandala-ops;help;process' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Processing rows with their age, progress and execution state')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One process end to end: row, execution (and the state it failed in), log timeline')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'One process''s log timeline across the handlers and the worker, each event whole; --follow watches it until the row settles')
            [CompletionResult]::new('repair', 'repair', [CompletionResultType]::ParameterValue, 'Reconcile stuck rows with their executions, as the troubleshooting guide prescribes')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Stop a process''s execution, mark it CANCELLED, and verify both took effect')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Start a FAILED or TIMEOUT process again with its original input, if its error is retryable')
            break
        }
        'mandala-ops;help;process;list' {
            break
        }
        'mandala-ops;help;process;show' {
            break
        }
        'mandala-ops;help;process;logs' {
            break
        }
        'mandala-ops;help;process;repair' {
            break
        }
        'mandala-ops;help;process;cancel' {
            break
        }
        'mandala-ops;help;process;retry' {
            break
        }
        'mandala-ops;help;scale' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every function''s reserved and provisioned concurrency, memory and timeout beside the guides'' values, and the Aurora ACU range')
            [CompletionResult]::new('lambda', 'lambda', [CompletionResultType]::ParameterValue, 'Change one function''s concurrency, memory or timeout (validated, applied, read back)')
            [CompletionResult]::new('recommend', 'recommend', [CompletionResultType]::ParameterValue, 'What the guides'' rules recommend from recent metrics and REPORT lines, with the evidence')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'The emergency stop: reserved concurrency 0, remembering the previous setting')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Undo `scale stop`: restore the reserved concurrency from before it')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'The Aurora Serverless v2 capacity range')
            break
        }
        'mandala-ops;help;scale;show' {
            break
        }
        'mandala-ops;help;scale;lambda' {
            break
        }
        'mandala-ops;help;scale;recommend' {
            break
        }
        'mandala-ops;help;scale;stop' {
            break
        }
        'mandala-ops;help;scale;resume' {
            break
        }
        'mandala-ops;help;scale;db' {
            break
        }
        'mandala-ops;help;cleanup' {
            [CompletionResult]::new('processing-state', 'processing-state', [CompletionResultType]::ParameterValue, 'Delete terminal processing_state rows past retention, in batches')
            [CompletionResult]::new('log-streams', 'log-streams', [CompletionResultType]::ParameterValue, 'Delete log streams with no events since the retention limit')
            break
        }
        'mandala-ops;help;cleanup;processing-state' {
            break
        }
        'mandala-ops;help;cleanup;log-streams' {
            break
        }
        'mandala-ops;help;alarms' {
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'An alarm''s state transitions')
            break
        }
        'mandala-ops;help;alarms;history' {
            break
        }
        'mandala-ops;help;audit' {
            break
        }
        'mandala-ops;help;replay' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'One case (a file, or a shipped case by name): validation, prompt, each attempt''s raw answer, parse, quality findings, result, metadata; exit 2 on a generation error')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Every case of a folder (default: the shipped cases), with a summary; exit 2 when a case does not end as it expects')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'The generation a process ran, rebuilt from the database')
            break
        }
        'mandala-ops;help;replay;run' {
            break
        }
        'mandala-ops;help;replay;batch' {
            break
        }
        'mandala-ops;help;replay;process' {
            break
        }
        'mandala-ops;help;runbook' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every runbook: name, title, the alarms it answers, its source')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One runbook rendered for a terminal: parameters, steps, their commands')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a runbook: diagnostic steps run, mutating steps show their dry run')
            [CompletionResult]::new('for', 'for', [CompletionResultType]::ParameterValue, 'The runbook that answers an alarm, and the command that runs it')
            break
        }
        'mandala-ops;help;runbook;list' {
            break
        }
        'mandala-ops;help;runbook;show' {
            break
        }
        'mandala-ops;help;runbook;run' {
            break
        }
        'mandala-ops;help;runbook;for' {
            break
        }
        'mandala-ops;help;incident' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Open an incident: its severity level (from the health checks, or --severity) and the response deadline that level sets')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The environment''s incidents, newest first, with their deadlines')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close an incident (the environment''s open one unless named)')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'Everything in the incident''s window in time order: alarms, deploys, first errors per code, mandala-ops changes, runbook runs, the incident''s opening and deadline')
            [CompletionResult]::new('impact', 'impact', [CompletionResultType]::ParameterValue, 'The impact in the service''s terms: processes, users and goals affected, failed and retried generations, Bedrock tokens spent on failed attempts')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'A postmortem draft in the guides'' incident flow: detection, initial response (was the deadline met), impact, actions, recovery, follow-up')
            [CompletionResult]::new('capture', 'capture', [CompletionResultType]::ParameterValue, 'Keep the incident''s evidence before retention expires it: logs, timeline, impact, health, audit, transcripts, with a SHA-256 manifest; secrets redacted; resumable')
            break
        }
        'mandala-ops;help;incident;start' {
            break
        }
        'mandala-ops;help;incident;list' {
            break
        }
        'mandala-ops;help;incident;close' {
            break
        }
        'mandala-ops;help;incident;timeline' {
            break
        }
        'mandala-ops;help;incident;impact' {
            break
        }
        'mandala-ops;help;incident;report' {
            break
        }
        'mandala-ops;help;incident;capture' {
            break
        }
        'mandala-ops;help;report' {
            break
        }
        'mandala-ops;help;demo' {
            break
        }
        'mandala-ops;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Environment, config file, resource names and thresholds in use')
            break
        }
        'mandala-ops;help;config;show' {
            break
        }
        'mandala-ops;help;completions' {
            break
        }
        'mandala-ops;help;man' {
            break
        }
        'mandala-ops;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
