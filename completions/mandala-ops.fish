# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mandala_ops_global_optspecs
    string join \n env= config= region= profile= database-url= db-secret-id= db-timeout= timeout= sandbox-dir= o/output= no-color q/quiet v/verbose h/help V/version
end

function __fish_mandala_ops_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mandala_ops_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mandala_ops_using_subcommand
    set -l cmd (__fish_mandala_ops_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "sandbox" -d 'A local environment (PostgreSQL and an AWS emulator on loopback) to try everything on'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "health" -d 'Every check of the guides, concurrently: Lambda, API, Step Functions, async metrics, database, Aurora, alarms, logs'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "query" -d 'The guides\' Logs Insights queries: list, show, run (on CloudWatch or locally), sync'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "logs" -d 'The service\'s logs: one merged tail of every function, filtered, with context'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "process" -d 'Processing rows against their Step Functions executions: list, show, logs, repair, cancel, retry'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "scale" -d 'Lambda concurrency, memory and timeout; the emergency stop and resume; Aurora ACU range'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "cleanup" -d 'Retention: old processing_state rows and log streams'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "alarms" -d 'The environment\'s CloudWatch alarms with state, reason and runbook; `history NAME`'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "audit" -d 'What mandala-ops changed here: who, when, what, before and after, why'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "replay" -d 'The AI generation pipeline on a case, stage by stage, offline or against Bedrock'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "runbook" -d 'The guides\' alert procedures as executable runbooks: list, show, run, for ALARM'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "incident" -d 'The incident record: start (with its severity and response deadline), list, close'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "report" -d 'The guides\' daily, weekly and monthly checklists as one generated report'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "demo" -d 'Start the sandbox, seed an incident, and run the health check against it'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "config" -d 'The resolved configuration: environment, resource names, thresholds'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "completions" -d 'Shell completions (bash, zsh, fish, powershell, elvish)'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "man" -d 'The man page, in roff'
complete -c mandala-ops -n "__fish_mandala_ops_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -f -a "up" -d 'Start PostgreSQL and the AWS emulator (installed on first use); idempotent'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -f -a "status" -d 'Show whether the sandbox runs, where, and its endpoints'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -f -a "seed" -d 'Create the service\'s schema and AWS resources, and load a scenario'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -f -a "down" -d 'Stop the processes the sandbox started'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and not __fish_seen_subcommand_from up status seed down help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -l pg-port -d 'PostgreSQL port on 127.0.0.1 [default: 25432]' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -l moto-port -d 'AWS emulator port on 127.0.0.1 [default: 25433]' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from up" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -l scenario -d 'Which state to load' -r -f -a "healthy\t'Normal traffic: every check passes'
incident\t'Every problem of the troubleshooting guide at once'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -l no-reset -d 'Add to the emulator\'s state instead of clearing it first. The emulator keeps metric data forever, so seeding again without a reset mixes scenarios'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from seed" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -l purge -d 'Also delete the database files, logs and state (the emulator\'s install is kept)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from down" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "up" -d 'Start PostgreSQL and the AWS emulator (installed on first use); idempotent'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show whether the sandbox runs, where, and its endpoints'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "seed" -d 'Create the service\'s schema and AWS resources, and load a scenario'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "down" -d 'Stop the processes the sandbox started'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l since -d 'Time window the metric and log checks look at' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l check -d 'Run only these checks (a family such as `database`, or a full name); repeatable' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l skip -d 'Leave these checks out; repeatable' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l concurrency -d 'Checks run at once' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l watch -d 'Run again every INTERVAL and redraw, until interrupted' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l strict -d 'Count `unknown` as a warning'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l all-envs -d 'Every environment the config file names, at once (instead of --env)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand health" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -f -a "list" -d 'Every query of the guides, with its source'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -f -a "show" -d 'One query: its purpose, parameters, expected ranges and text as it would be sent'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -f -a "run" -d 'Run a query on CloudWatch Logs Insights, or here (--local FILE…, --engine local)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -f -a "sync" -d 'Publish the library as CloudWatch Logs saved queries (dry run unless --apply)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and not __fish_seen_subcommand_from list show run sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -s p -l param -d 'A parameter, KEY=VALUE; repeatable' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -l engine -d 'Also print the query as this engine runs it (athena: the SQL over the log archive)' -r -f -a "cloudwatch\t'CloudWatch Logs Insights'
local\t'Fetch the events from CloudWatch Logs and evaluate here'
athena\t'Amazon Athena over the S3 log archive (`logs archive`, `logs athena-setup`)'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l text -d 'An ad-hoc query instead of one of the library' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -s p -l param -d 'A parameter, KEY=VALUE; repeatable' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l since -d 'Time range back from now (default: the query\'s own)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l start -d 'Start of the range: RFC 3339, or a local date-time such as \\"2026-11-22 19:00\\"' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l end -d 'End of the range (default: now)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l log-group -d 'Log groups instead of the query\'s: component ids (ai-generation-worker) or names' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l limit -d 'Rows at most (over 10,000, a raw query\'s time range is split to get them all)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l engine -d 'Where to evaluate' -r -f -a "cloudwatch\t'CloudWatch Logs Insights'
local\t'Fetch the events from CloudWatch Logs and evaluate here'
athena\t'Amazon Athena over the S3 log archive (`logs archive`, `logs athena-setup`)'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l local -d 'Evaluate these log files here instead (- reads stdin)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l lookup -d 'A lookup table for the local engine\'s `lookup` command: its name and CSV file; repeatable' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l source -d 'With --local: the logs a join or subquery\'s `SOURCE \'GROUP\'` reads (a file or s3:// URL); repeatable' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -l apply -d 'Make the changes (without it, only show them)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from sync" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every query of the guides, with its source'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from help" -f -a "show" -d 'One query: its purpose, parameters, expected ranges and text as it would be sent'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a query on CloudWatch Logs Insights, or here (--local FILE…, --engine local)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Publish the library as CloudWatch Logs saved queries (dry run unless --apply)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand query; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -f -a "tail" -d 'Every function\'s log group (or the named ones) as one time-ordered stream'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -f -a "archive" -d 'Export every function\'s log group to the archive bucket, one UTC day per export task (dry run unless --apply)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -f -a "athena-setup" -d 'Create or update the Athena database and table over the log archive, partitions projected by component and day (dry run unless --apply)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and not __fish_seen_subcommand_from tail archive athena-setup help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l filter -d 'Only events passing this filter expression (the local engine\'s, as after `filter`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l request-id -d 'Only events of this request (requestId, and Lambda\'s START/END/REPORT lines)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l process-id -d 'Only events of this process (processing_state.id)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l user-id -d 'Only events of this user' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -s C -l context -d 'Show N events of the same log stream before and after each match' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l since -d 'How far back to start' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l interval -d 'How often polling looks for new events' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -s f -l follow -d 'Keep printing new events until interrupted'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l poll -d 'Follow by polling FilterLogEvents instead of a Live Tail session'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from tail" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -l since -d 'Whole UTC days before today to cover (default: 30d, CloudWatch\'s retention)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -l apply -d 'Start the exports (without it, only list what is missing)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from archive" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -l apply -d 'Make the changes (without it, only show them)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from athena-setup" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "tail" -d 'Every function\'s log group (or the named ones) as one time-ordered stream'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "archive" -d 'Export every function\'s log group to the archive bucket, one UTC day per export task (dry run unless --apply)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "athena-setup" -d 'Create or update the Athena database and table over the log archive, partitions projected by component and day (dry run unless --apply)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -f -a "list" -d 'Processing rows with their age, progress and execution state'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -f -a "show" -d 'One process end to end: row, execution (and the state it failed in), log timeline'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -f -a "logs" -d 'One process\'s log timeline across the handlers and the worker, each event whole; --follow watches it until the row settles'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -f -a "repair" -d 'Reconcile stuck rows with their executions, as the troubleshooting guide prescribes'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -f -a "cancel" -d 'Stop a process\'s execution, mark it CANCELLED, and verify both took effect'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -f -a "retry" -d 'Start a FAILED or TIMEOUT process again with its original input, if its error is retryable'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and not __fish_seen_subcommand_from list show logs repair cancel retry help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l status -d 'Only these statuses (PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED, TIMEOUT); repeatable' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l type -d 'Only this type (SUBGOAL, ACTION or TASK, with or without _GENERATION)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l user -d 'Only this user\'s processes' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l stuck-for -d 'Only PENDING/PROCESSING rows not updated for this long (of any age)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l since -d 'Rows updated within this window' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l limit -d 'Rows at most' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -l interval -d 'How often --follow looks for new events' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing new events until the process reaches a terminal status'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l stuck-for -d 'Reconcile rows not updated for this long [default: thresholds.database.stuck_after_secs, 30m]' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l type -d 'Only this type (SUBGOAL, ACTION or TASK)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l limit -d 'Change at most N rows' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l wait-lock -d 'Wait up to DURATION for another run\'s lock instead of exiting 75' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l batch-size -d 'Rows per transaction' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l apply -d 'Make the changes (without it, only show the plan)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l stop-running -d 'Stop executions running past their limit and mark missing or stopped ones FAILED'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from repair" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -l wait-lock -d 'Wait up to DURATION for another run\'s lock instead of exiting 75' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -l apply -d 'Make the change (without it, only show it)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -l wait-lock -d 'Wait up to DURATION for another run\'s lock instead of exiting 75' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -l apply -d 'Make the change (without it, only show it)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from retry" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from help" -f -a "list" -d 'Processing rows with their age, progress and execution state'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from help" -f -a "show" -d 'One process end to end: row, execution (and the state it failed in), log timeline'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from help" -f -a "logs" -d 'One process\'s log timeline across the handlers and the worker, each event whole; --follow watches it until the row settles'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from help" -f -a "repair" -d 'Reconcile stuck rows with their executions, as the troubleshooting guide prescribes'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Stop a process\'s execution, mark it CANCELLED, and verify both took effect'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from help" -f -a "retry" -d 'Start a FAILED or TIMEOUT process again with its original input, if its error is retryable'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand process; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -f -a "show" -d 'Every function\'s reserved and provisioned concurrency, memory and timeout beside the guides\' values, and the Aurora ACU range'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -f -a "lambda" -d 'Change one function\'s concurrency, memory or timeout (validated, applied, read back)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -f -a "recommend" -d 'What the guides\' rules recommend from recent metrics and REPORT lines, with the evidence'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -f -a "stop" -d 'The emergency stop: reserved concurrency 0, remembering the previous setting'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -f -a "resume" -d 'Undo `scale stop`: restore the reserved concurrency from before it'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -f -a "db" -d 'The Aurora Serverless v2 capacity range'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and not __fish_seen_subcommand_from show lambda recommend stop resume db help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l reserved -d 'Reserved concurrency (0 stops the function)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l provisioned -d 'Provisioned concurrency of --qualifier (0 removes it)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l qualifier -d 'The version or alias provisioned concurrency applies to' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l memory -d 'Memory, MB (128-10240)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l function-timeout -d 'The function\'s timeout, seconds (1-900); `--timeout` is the command\'s own deadline' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l unreserve -d 'Remove the reserved concurrency (draw on the account\'s pool)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l apply -d 'Make the change (without it, only show before → after)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from lambda" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -l since -d 'The window of metrics and logs to base recommendations on' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from recommend" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -l apply -d 'Make the change (without it, only show it)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -l apply -d 'Make the change (without it, only show it)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l min-acu -d 'Minimum ACU (0.5-256, in steps of 0.5)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l max-acu -d 'Maximum ACU (0.5-256, in steps of 0.5)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l apply -d 'Make the change (without it, only show it)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from db" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from help" -f -a "show" -d 'Every function\'s reserved and provisioned concurrency, memory and timeout beside the guides\' values, and the Aurora ACU range'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from help" -f -a "lambda" -d 'Change one function\'s concurrency, memory or timeout (validated, applied, read back)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from help" -f -a "recommend" -d 'What the guides\' rules recommend from recent metrics and REPORT lines, with the evidence'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from help" -f -a "stop" -d 'The emergency stop: reserved concurrency 0, remembering the previous setting'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Undo `scale stop`: restore the reserved concurrency from before it'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from help" -f -a "db" -d 'The Aurora Serverless v2 capacity range'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand scale; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -f -a "processing-state" -d 'Delete terminal processing_state rows past retention, in batches'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -f -a "log-streams" -d 'Delete log streams with no events since the retention limit'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and not __fish_seen_subcommand_from processing-state log-streams help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l older-than -d 'Retention (default: 90d, seed 002)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l batch-size -d 'Table rows examined per transaction (deleted or not)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l wait-lock -d 'Wait up to DURATION for another run\'s lock instead of exiting 75' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l apply -d 'Delete (without it, only count)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from processing-state" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l older-than -d 'Retention (default: 30d, seed 001)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l log-group -d 'Log groups (components or names; default: every function\'s); repeatable' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l apply -d 'Delete (without it, only list)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from log-streams" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from help" -f -a "processing-state" -d 'Delete terminal processing_state rows past retention, in batches'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from help" -f -a "log-streams" -d 'Delete log streams with no events since the retention limit'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand cleanup; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -l state -d 'Only alarms in this state (OK, ALARM, INSUFFICIENT_DATA)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -f -a "history" -d 'An alarm\'s state transitions'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and not __fish_seen_subcommand_from history help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -l since -d 'How far back' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from help" -f -a "history" -d 'An alarm\'s state transitions'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand alarms; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l since -d 'How far back to look' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l command -d 'Only commands starting with this (`scale` matches `scale lambda`, `scale stop`, …)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l target -d 'Only this target (a process id, a function name, a log stream)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l limit -d 'At most this many entries, newest first' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l journal -d 'Read this machine\'s journal (MANDALA_AUDIT_JOURNAL) instead of the environment\'s audit table: it also holds AWS changes made while the database was down'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand audit" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -f -a "run" -d 'One case (a file, or a shipped case by name): validation, prompt, each attempt\'s raw answer, parse, quality findings, result, metadata; exit 2 on a generation error'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -f -a "batch" -d 'Every case of a folder (default: the shipped cases), with a summary; exit 2 when a case does not end as it expects'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -f -a "process" -d 'The generation a process ran, rebuilt from the database'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and not __fish_seen_subcommand_from run batch process help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -l model -d 'Where the model\'s answers come from' -r -f -a "cassette\t'The case\'s recorded answers'
bedrock\t'Amazon Bedrock (BEDROCK_MODEL_ID, in BEDROCK_REGION)'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -l emit-logs -d 'Write the structured logs the run emits (JSON lines) to FILE' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -l model -d 'Where the model\'s answers come from' -r -f -a "cassette\t'The case\'s recorded answers'
bedrock\t'Amazon Bedrock (BEDROCK_MODEL_ID, in BEDROCK_REGION)'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -l emit-logs -d 'Write the structured logs the runs emit (JSON lines) to FILE' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from batch" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -l model -d 'Where the model\'s answers come from' -r -f -a "cassette\t'The case\'s recorded answers'
bedrock\t'Amazon Bedrock (BEDROCK_MODEL_ID, in BEDROCK_REGION)'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -l cassette -d 'A case file whose recorded answers to use (implies --model cassette)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from process" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from help" -f -a "run" -d 'One case (a file, or a shipped case by name): validation, prompt, each attempt\'s raw answer, parse, quality findings, result, metadata; exit 2 on a generation error'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from help" -f -a "batch" -d 'Every case of a folder (default: the shipped cases), with a summary; exit 2 when a case does not end as it expects'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from help" -f -a "process" -d 'The generation a process ran, rebuilt from the database'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand replay; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -f -a "list" -d 'Every runbook: name, title, the alarms it answers, its source'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -f -a "show" -d 'One runbook rendered for a terminal: parameters, steps, their commands'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -f -a "run" -d 'Run a runbook: diagnostic steps run, mutating steps show their dry run'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -f -a "for" -d 'The runbook that answers an alarm, and the command that runs it'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and not __fish_seen_subcommand_from list show run for help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -s p -l param -d 'A runbook parameter, KEY=VALUE; repeatable' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l from -d 'Resume at this step (its number or id), reusing the earlier steps\' outputs of the last run' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l transcript -d 'Where to write the transcript' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l apply -d 'Apply the mutating steps (each is confirmed at a terminal unless --yes)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l yes -d 'With --apply: do not ask, for unattended runs'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from for" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every runbook: name, title, the alarms it answers, its source'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "show" -d 'One runbook rendered for a terminal: parameters, steps, their commands'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a runbook: diagnostic steps run, mutating steps show their dry run'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "for" -d 'The runbook that answers an alarm, and the command that runs it'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -f -a "start" -d 'Open an incident: its severity level (from the health checks, or --severity) and the response deadline that level sets'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -f -a "list" -d 'The environment\'s incidents, newest first, with their deadlines'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -f -a "close" -d 'Close an incident (the environment\'s open one unless named)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -f -a "timeline" -d 'Everything in the incident\'s window in time order: alarms, deploys, first errors per code, mandala-ops changes, runbook runs, the incident\'s opening and deadline'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -f -a "impact" -d 'The impact in the service\'s terms: processes, users and goals affected, failed and retried generations, Bedrock tokens spent on failed attempts'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -f -a "report" -d 'A postmortem draft in the guides\' incident flow: detection, initial response (was the deadline met), impact, actions, recovery, follow-up'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -f -a "capture" -d 'Keep the incident\'s evidence before retention expires it: logs, timeline, impact, health, audit, transcripts, with a SHA-256 manifest; secrets redacted; resumable'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and not __fish_seen_subcommand_from start list close timeline impact report capture help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l title -d 'What is happening, in a line [default: the first reason for the severity]' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l since -d 'Where the incident\'s window starts: its evidence is what happened since' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l severity -d 'The severity level, 1 (Critical) to 4 (Low), instead of the health checks\' assessment' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -l resolution -d 'How it ended, for the record and the report' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from timeline" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from impact" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -l format -d 'Report format' -r -f -a "markdown\t'Readable in a terminal, pasteable into a ticket or wiki'
html\t'One self-contained page with charts'
json\t'The report\'s data'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -l out -d 'Write the report to FILE instead of stdout' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from report" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -l out -d 'The bundle\'s folder [default: the state folder\'s incidents/ID/]' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -l to -d 'Also copy the bundle to S3 (the log archive\'s bucket): s3://BUCKET[/PREFIX]; objects go under PREFIX/incidents/ID/' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from capture" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "start" -d 'Open an incident: its severity level (from the health checks, or --severity) and the response deadline that level sets'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "list" -d 'The environment\'s incidents, newest first, with their deadlines'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close an incident (the environment\'s open one unless named)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "timeline" -d 'Everything in the incident\'s window in time order: alarms, deploys, first errors per code, mandala-ops changes, runbook runs, the incident\'s opening and deadline'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "impact" -d 'The impact in the service\'s terms: processes, users and goals affected, failed and retried generations, Bedrock tokens spent on failed attempts'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "report" -d 'A postmortem draft in the guides\' incident flow: detection, initial response (was the deadline met), impact, actions, recovery, follow-up'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "capture" -d 'Keep the incident\'s evidence before retention expires it: logs, timeline, impact, health, audit, transcripts, with a SHA-256 manifest; secrets redacted; resumable'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -l format -d 'Report format' -r -f -a "markdown\t'Readable in a terminal, pasteable into a ticket or wiki'
html\t'One self-contained page with charts'
json\t'The report\'s data'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -l out -d 'Write the report to FILE instead of stdout' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand report" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -l scenario -d 'Which scenario to seed' -r -f -a "healthy\t'Normal traffic: every check passes'
incident\t'Every problem of the troubleshooting guide at once'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand demo" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Environment, config file, resource names and thresholds in use'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Environment, config file, resource names and thresholds in use'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -l out-dir -d 'Write the files for every shell into this folder instead' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand completions" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -l env -d 'Environment to operate on; `health` takes several: dev,stg,prod [env: MANDALA_ENV]' -r -f -a "dev\t''
stg\t''
prod\t''
sandbox\t'The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback'"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -l config -d 'Config file (default: ~/.config/mandala-ops/config.toml when it exists)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -l region -d 'AWS region (default: the environment\'s, else AWS_REGION, else ap-northeast-1)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -l profile -d 'AWS profile (SSO profiles work after `aws sso login`)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -l database-url -d 'PostgreSQL URL; prefer DATABASE_URL, which other users cannot see in the process list' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -l db-secret-id -d 'Secrets Manager secret with the database credentials (RDS secret JSON)' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -l db-timeout -d 'Time allowed to connect to the database' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -l timeout -d 'Time the command may take in all; past it, it stops and names the dependency it was waiting on (exit 69). Default: the command\'s own (health 20s, query run and report 10m, repair and cleanup 30m, sandbox up and demo 15m, most others 60s); in a runbook, each step\'s' -r
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -l sandbox-dir -d 'The sandbox\'s folder (default: the per-user state folder)' -r -F
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -s o -l output -d 'Output format (junit: `health` only, one test case per check)' -r -f -a "table\t''
json\t''
csv\t''
junit\t''"
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -l no-color -d 'No colour (also NO_COLOR)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -s q -l quiet -d 'No progress or notes; a table report is printed only when something is not ok (for cron)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -s v -l verbose -d 'More log output on stderr (-v info, -vv debug)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand man" -s V -l version -d 'Print version'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "sandbox" -d 'A local environment (PostgreSQL and an AWS emulator on loopback) to try everything on'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "health" -d 'Every check of the guides, concurrently: Lambda, API, Step Functions, async metrics, database, Aurora, alarms, logs'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "query" -d 'The guides\' Logs Insights queries: list, show, run (on CloudWatch or locally), sync'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "logs" -d 'The service\'s logs: one merged tail of every function, filtered, with context'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "process" -d 'Processing rows against their Step Functions executions: list, show, logs, repair, cancel, retry'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "scale" -d 'Lambda concurrency, memory and timeout; the emergency stop and resume; Aurora ACU range'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "cleanup" -d 'Retention: old processing_state rows and log streams'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "alarms" -d 'The environment\'s CloudWatch alarms with state, reason and runbook; `history NAME`'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "audit" -d 'What mandala-ops changed here: who, when, what, before and after, why'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "replay" -d 'The AI generation pipeline on a case, stage by stage, offline or against Bedrock'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "runbook" -d 'The guides\' alert procedures as executable runbooks: list, show, run, for ALARM'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "incident" -d 'The incident record: start (with its severity and response deadline), list, close'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "report" -d 'The guides\' daily, weekly and monthly checklists as one generated report'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "demo" -d 'Start the sandbox, seed an incident, and run the health check against it'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "config" -d 'The resolved configuration: environment, resource names, thresholds'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "completions" -d 'Shell completions (bash, zsh, fish, powershell, elvish)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "man" -d 'The man page, in roff'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and not __fish_seen_subcommand_from sandbox health query logs process scale cleanup alarms audit replay runbook incident report demo config completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "up" -d 'Start PostgreSQL and the AWS emulator (installed on first use); idempotent'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "status" -d 'Show whether the sandbox runs, where, and its endpoints'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "seed" -d 'Create the service\'s schema and AWS resources, and load a scenario'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "down" -d 'Stop the processes the sandbox started'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from query" -f -a "list" -d 'Every query of the guides, with its source'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from query" -f -a "show" -d 'One query: its purpose, parameters, expected ranges and text as it would be sent'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from query" -f -a "run" -d 'Run a query on CloudWatch Logs Insights, or here (--local FILE…, --engine local)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from query" -f -a "sync" -d 'Publish the library as CloudWatch Logs saved queries (dry run unless --apply)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "tail" -d 'Every function\'s log group (or the named ones) as one time-ordered stream'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "archive" -d 'Export every function\'s log group to the archive bucket, one UTC day per export task (dry run unless --apply)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "athena-setup" -d 'Create or update the Athena database and table over the log archive, partitions projected by component and day (dry run unless --apply)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from process" -f -a "list" -d 'Processing rows with their age, progress and execution state'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from process" -f -a "show" -d 'One process end to end: row, execution (and the state it failed in), log timeline'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from process" -f -a "logs" -d 'One process\'s log timeline across the handlers and the worker, each event whole; --follow watches it until the row settles'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from process" -f -a "repair" -d 'Reconcile stuck rows with their executions, as the troubleshooting guide prescribes'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from process" -f -a "cancel" -d 'Stop a process\'s execution, mark it CANCELLED, and verify both took effect'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from process" -f -a "retry" -d 'Start a FAILED or TIMEOUT process again with its original input, if its error is retryable'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from scale" -f -a "show" -d 'Every function\'s reserved and provisioned concurrency, memory and timeout beside the guides\' values, and the Aurora ACU range'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from scale" -f -a "lambda" -d 'Change one function\'s concurrency, memory or timeout (validated, applied, read back)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from scale" -f -a "recommend" -d 'What the guides\' rules recommend from recent metrics and REPORT lines, with the evidence'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from scale" -f -a "stop" -d 'The emergency stop: reserved concurrency 0, remembering the previous setting'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from scale" -f -a "resume" -d 'Undo `scale stop`: restore the reserved concurrency from before it'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from scale" -f -a "db" -d 'The Aurora Serverless v2 capacity range'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from cleanup" -f -a "processing-state" -d 'Delete terminal processing_state rows past retention, in batches'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from cleanup" -f -a "log-streams" -d 'Delete log streams with no events since the retention limit'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from alarms" -f -a "history" -d 'An alarm\'s state transitions'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from replay" -f -a "run" -d 'One case (a file, or a shipped case by name): validation, prompt, each attempt\'s raw answer, parse, quality findings, result, metadata; exit 2 on a generation error'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from replay" -f -a "batch" -d 'Every case of a folder (default: the shipped cases), with a summary; exit 2 when a case does not end as it expects'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from replay" -f -a "process" -d 'The generation a process ran, rebuilt from the database'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "list" -d 'Every runbook: name, title, the alarms it answers, its source'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "show" -d 'One runbook rendered for a terminal: parameters, steps, their commands'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "run" -d 'Run a runbook: diagnostic steps run, mutating steps show their dry run'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "for" -d 'The runbook that answers an alarm, and the command that runs it'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "start" -d 'Open an incident: its severity level (from the health checks, or --severity) and the response deadline that level sets'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "list" -d 'The environment\'s incidents, newest first, with their deadlines'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "close" -d 'Close an incident (the environment\'s open one unless named)'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "timeline" -d 'Everything in the incident\'s window in time order: alarms, deploys, first errors per code, mandala-ops changes, runbook runs, the incident\'s opening and deadline'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "impact" -d 'The impact in the service\'s terms: processes, users and goals affected, failed and retried generations, Bedrock tokens spent on failed attempts'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "report" -d 'A postmortem draft in the guides\' incident flow: detection, initial response (was the deadline met), impact, actions, recovery, follow-up'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "capture" -d 'Keep the incident\'s evidence before retention expires it: logs, timeline, impact, health, audit, transcripts, with a SHA-256 manifest; secrets redacted; resumable'
complete -c mandala-ops -n "__fish_mandala_ops_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Environment, config file, resource names and thresholds in use'
