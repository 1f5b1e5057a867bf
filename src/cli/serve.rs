//! `gyokaku serve [PLAN|DIR] [--port N] [--open] [--listen ADDR]`
//!
//! The workbench in the browser, on 127.0.0.1: the dashboard, the items, the rule playground,
//! the review and the import, on the same files. Prints the address to open (`--open` starts
//! the browser). `--listen ADDR` serves on another address, and then every request must carry
//! the token printed once at start. Runs until interrupted (Ctrl+C).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use gyokaku::i18n::{Lang, Localize};
use gyokaku::model::PlanLoader;
use gyokaku::serve::{new_token, serve, App, Options, ServeText, StartError};

use super::CliError;

/// Serve the workbench in the browser.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan folder, or a folder of plan folders.
    #[arg(default_value = "plans/isehara-6")]
    plan: PathBuf,
    /// The port [default: a free one].
    #[arg(long)]
    port: Option<u16>,
    /// Open the address in the browser.
    #[arg(long)]
    open: bool,
    /// Serve on this address instead of 127.0.0.1 (every request then needs the token).
    #[arg(long, value_name = "ADDR")]
    listen: Option<IpAddr>,
    /// The rule set folder [default: the plan's own, from plan.toml].
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Parse every plan file and run every rule, without the cache.
    #[arg(long)]
    no_cache: bool,
}

/// Runs the command; `lang` is the language of what it prints and of the pages that do not
/// ask for another (`?lang=en`, the page's switch).
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let ip = args.listen.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let listener = std::net::TcpListener::bind(SocketAddr::new(ip, args.port.unwrap_or(0)))
        .map_err(|reason| StartError::CannotServe {
            address: SocketAddr::new(ip, args.port.unwrap_or(0)).to_string(),
            reason,
        })?;
    let address = listener
        .local_addr()
        .map_err(|reason| StartError::CannotServe {
            address: ip.to_string(),
            reason,
        })?;
    // Beyond this machine, every request carries a token; on it, the host must be this one's.
    let (token, hosts) = if ip.is_loopback() {
        let port = address.port();
        let hosts = [
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ];
        (None, hosts.to_vec())
    } else {
        let token = new_token().map_err(|reason| StartError::CannotServe {
            address: address.to_string(),
            reason,
        })?;
        (Some(token), Vec::new())
    };
    let shown = match &token {
        Some(t) => format!("http://{address}/?token={t}"),
        None => format!("http://{address}/"),
    };
    let app = Arc::new(App::new(Options {
        root: args.plan.clone(),
        rules: args.rules.clone(),
        loader: PlanLoader::from_env(args.no_cache),
        lang,
        token,
        hosts,
    }));
    super::output::out(
        &format!(
            "{}\n",
            ServeText::Serving {
                address: shown.clone()
            }
            .localize(lang)
        ),
        lang,
    );
    if args.open {
        open_browser(&shown);
    }
    listener
        .set_nonblocking(true)
        .map_err(|reason| StartError::CannotServe {
            address: address.to_string(),
            reason,
        })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|reason| StartError::CannotServe {
            address: address.to_string(),
            reason,
        })?;
    runtime
        .block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener)?;
            serve(listener, app).await
        })
        .map_err(|reason| StartError::CannotServe {
            address: address.to_string(),
            reason,
        })?;
    Ok(ExitCode::SUCCESS)
}

/// Starts the system's browser on `url`; a failure only means the user opens it by hand.
fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let _ = std::process::Command::new(command.0)
        .args(command.1)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
