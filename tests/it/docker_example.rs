//! The shipped cluster example (`docker/`) holds: its nodes keep uploads in the database and
//! know their public URL, they trust only the load balancer's own address, and the balancer
//! replaces a client's `X-Forwarded-For` instead of appending to it; so a client on a private
//! network cannot choose the address the login throttles count (shown against the real server,
//! with client sockets bound to loopback addresses standing for the balancer and the client).

use std::net::IpAddr;

use serde_json::{Value, json};

use crate::support::spawn;

fn docker_file(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docker")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The value of `key: value` on a line of `text` (quotes removed), with a `${VAR:-default}`
/// replaced by its default.
fn setting(text: &str, key: &str) -> Option<String> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.starts_with('#') && l.starts_with(&format!("{key}:")))?;
    let mut value = line[key.len() + 1..].trim().trim_matches('"').to_owned();
    while let Some(start) = value.find("${") {
        let end = start + value[start..].find('}')?;
        let default = value[start + 2..end]
            .split_once(":-")
            .map(|(_, default)| default.to_owned())
            .unwrap_or_default();
        value.replace_range(start..=end, &default);
    }
    Some(value)
}

#[chargegate_test]
fn the_cluster_example_trusts_only_its_balancer_which_replaces_forwarded_for() {
    let compose = docker_file("compose.yaml");
    let balancer = setting(&compose, "ipv4_address").expect("the balancer's fixed address");
    let balancer: IpAddr = balancer.parse().expect("an IP address");
    assert_eq!(
        setting(&compose, "CHARGEGATE_TRUSTED_PROXIES").as_deref(),
        Some(format!("{balancer}/32").as_str()),
        "the nodes trust the balancer's address and nothing else"
    );
    let subnet = setting(&compose, "- subnet").expect("the compose network's subnet");
    let block: chargegate::config::IpBlock = subnet.parse().expect("a CIDR block");
    assert!(block.contains(balancer), "{balancer} outside {subnet}");
    assert_eq!(
        setting(&compose, "CHARGEGATE_UPLOAD_STORE").as_deref(),
        Some("database")
    );
    assert!(
        compose.contains("CHARGEGATE_PUBLIC_URL: ${CHARGEGATE_PUBLIC_URL:?"),
        "the public URL must be set for the nodes"
    );

    let haproxy = docker_file("haproxy.cfg");
    let active: Vec<&str> = haproxy
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .collect();
    assert!(
        !active.iter().any(|l| l.starts_with("option forwardfor")),
        "`option forwardfor` appends to the client's own X-Forwarded-For"
    );
    assert!(
        active.contains(&"http-request set-header X-Forwarded-For %[src]"),
        "the balancer must replace X-Forwarded-For with the address it saw"
    );

    let ignore = docker_file("../.dockerignore");
    for excluded in [
        "bench/results/",
        "**/node_modules/",
        "**/.venv/",
        "**/venv/",
    ] {
        assert!(
            ignore.lines().any(|l| l.trim() == excluded),
            ".dockerignore lacks {excluded}"
        );
    }
}

/// A failed login from a socket bound to `from`, with `forwarded` as its X-Forwarded-For;
/// the error code it got.
async fn failed_login(
    server: std::net::SocketAddr,
    from: &str,
    forwarded: &str,
    n: usize,
) -> String {
    let client = reqwest::Client::builder()
        .local_address(from.parse::<IpAddr>().unwrap())
        .build()
        .unwrap();
    let login = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { role } }";
    let response: Value = client
        .post(format!("http://{server}/graphql"))
        .header("x-forwarded-for", forwarded)
        .json(&json!({"query": login, "variables": {"u": format!("u{n}"), "p": "wrong"}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    crate::gql::first_error(&response).0
}

/// How many failed logins a client at 127.0.0.2 gets answered before RATE_LIMITED (up to 22)
/// when it forges a new first X-Forwarded-For entry each time and its request reaches the
/// server from `via`, appended to as HAProxy's `option forwardfor` would.
async fn attempts_before_limited(trusted: &str, via: &'static str) -> usize {
    let trusted = trusted.parse().unwrap();
    let app = spawn(move |s| s.trusted_proxies = vec![trusted]).await;
    let mut answered = 0;
    for n in 0..22 {
        let forged = format!("198.51.100.{n}, 127.0.0.2");
        if failed_login(app.addr, via, &forged, n).await == "RATE_LIMITED" {
            break;
        }
        answered += 1;
    }
    app.stop().await;
    answered
}

#[chargegate_test]
async fn a_client_on_a_private_network_cannot_choose_its_throttled_address() {
    // 127.0.0.10 stands for the balancer, 127.0.0.2 for a client on the campus network. Trusting
    // a whole private block (as the example once did) lets the client pick a new address for
    // every attempt: never limited.
    assert_eq!(
        attempts_before_limited("127.0.0.0/8", "127.0.0.10").await,
        22
    );
    // Trusting the balancer's address alone, the client's forged entries are not believed.
    assert_eq!(
        attempts_before_limited("127.0.0.10/32", "127.0.0.10").await,
        20
    );
    // Nor when it reaches a node directly, around the balancer.
    assert_eq!(
        attempts_before_limited("127.0.0.10/32", "127.0.0.2").await,
        20
    );

    // What the balancer sends once it replaces the header: the client's address alone, so each
    // client behind it has its own allowance.
    let app = spawn(|s| s.trusted_proxies = vec!["127.0.0.10/32".parse().unwrap()]).await;
    for n in 0..20 {
        assert_eq!(
            failed_login(app.addr, "127.0.0.10", "127.0.0.2", n).await,
            "UNAUTHENTICATED"
        );
    }
    assert_eq!(
        failed_login(app.addr, "127.0.0.10", "127.0.0.2", 20).await,
        "RATE_LIMITED"
    );
    assert_eq!(
        failed_login(app.addr, "127.0.0.10", "127.0.0.3", 21).await,
        "UNAUTHENTICATED"
    );
    app.stop().await;
}
