//! The binary: parse the command line, resolve the settings, dispatch, print, exit status.
//! Nothing else happens here.

use mandala_ops::context::Context;
use mandala_ops::error::Error;
use mandala_ops::exit::ExitStatus;
use mandala_ops::{cli, dispatch, settings};
use std::process::ExitCode;

fn main() -> ExitCode {
    run().into()
}

fn run() -> ExitStatus {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(status) => return status,
    };
    init_logging(cli.global.verbose);
    let vars = settings::Vars::read();
    let out = settings::output(&cli.global, &vars, settings::terminals());
    let (setup, command) = match settings::resolve(cli, &vars, out.clone()) {
        Ok(resolved) => resolved,
        Err(e) => return out.error(&e),
    };
    let mut ctx = match Context::new(setup) {
        Ok(ctx) => ctx,
        Err(e) => return out.error(&e),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            return out.error(&Error::internal(format!("starting the async runtime: {e}")));
        }
    };
    let timeout = ctx.timeout.unwrap_or_else(|| command.default_timeout());
    let result = runtime.block_on(dispatch::within(&mut ctx, command, timeout));
    let status = ctx.out.finish(result);
    // Detached work (the sandbox's servers) must not hold the process.
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    status
}

/// Logs on stderr: warnings by default, `-v` info, `-vv` debug; `RUST_LOG` overrides.
fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "mandala_ops=info,warn",
        _ => "mandala_ops=debug,info",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}
