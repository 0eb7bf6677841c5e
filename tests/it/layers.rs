//! The layering of ARCHITECTURE.md, checked on the source: every `crate::` import of every
//! file under `src/` is read (use trees and inline paths, test modules left out), resolved to
//! the module it names, and held against the rule of its layer; no import circle is allowed
//! but between GraphQL object types; only the link and the simulator read OCPP-J
//! frames; and the `ocpp` crate depends on no async runtime, web or database crate.

use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
    path::{Path, PathBuf},
};

/// The layers, lowest first: a top-level module, and the top-level modules it may import
/// (besides itself). `app` builds everything and may import anything; `main.rs` and `lib.rs`
/// are not checked.
const LAYERS: &[(&str, &[&str])] = &[
    // Foundation: settings, tokens, throttles, storage, cache, bus, the HTTP accept loop.
    ("config", &[]),
    ("health", &[]),
    ("throttle", &[]),
    ("metrics", &[]),
    ("traces", &[]),
    ("auth", &["config"]),
    ("store", &["config"]),
    ("cache", &["config"]),
    ("bus", &["config", "cache"]),
    ("serve", &["config"]),
    // What every use case, session and request shares.
    (
        "context",
        &[
            "config", "throttle", "auth", "store", "cache", "bus", "metrics",
        ],
    ),
    // The use cases: they know no adapter.
    (
        "use_case",
        &[
            "config", "throttle", "auth", "store", "cache", "bus", "metrics", "context", "traces",
        ],
    ),
    // The adapters: the station link, the GraphQL API, the seed's REST API (and `web`, below).
    (
        "link",
        &[
            "config", "throttle", "auth", "store", "cache", "bus", "metrics", "serve", "context",
            "use_case", "traces",
        ],
    ),
    (
        "api",
        &[
            "config", "throttle", "auth", "store", "cache", "bus", "metrics", "serve", "context",
            "use_case", "traces",
        ],
    ),
    (
        "rest",
        &[
            "config", "throttle", "auth", "store", "cache", "bus", "metrics", "serve", "context",
            "use_case", "traces",
        ],
    ),
    // Alerts going out: webhooks and e-mail from the alerts' outbox.
    ("notify", &["config", "store", "context", "use_case"]),
    // The web console and GraphiQL: files built by Vite, embedded; they know nothing else.
    ("web", &[]),
    // The other side of the wire: a client of the server, sharing only the settings' types.
    ("simulate", &["config"]),
];

/// Imports against the layering, each with its reason; at most four (ARCHITECTURE.md).
const EXCEPTIONS: &[(&str, &str, &str)] = &[];

/// The modules under `src/` (`a::b` for `src/a/b.rs` and `src/a/b/mod.rs`) and their files.
fn modules(root: &Path) -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).unwrap().with_extension("");
                let mut parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if parts.last().is_some_and(|p| p == "mod") {
                    parts.pop();
                }
                let name = parts.join("::");
                if name != "lib" && name != "main" {
                    out.insert(name, path);
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// The code of a file without comments and without its test module.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        if line.trim() == "#[cfg(test)]" {
            break;
        }
        let line = match line.find("//") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The paths a use tree names, flattened (`a::{b, c::d}` → `a::b`, `a::c::d`); `self` is
/// dropped, aliases too.
fn flatten(tree: &str) -> Vec<Vec<String>> {
    fn parse(s: &[u8], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut current = String::new();
        let flush = |current: &mut String, out: &mut Vec<Vec<String>>| {
            let text = current.split(" as ").next().unwrap_or("").trim().to_owned();
            current.clear();
            if text.is_empty() {
                return;
            }
            let mut path = prefix.to_vec();
            path.extend(
                text.split("::")
                    .map(str::trim)
                    .filter(|s| !s.is_empty() && *s != "self")
                    .map(str::to_owned),
            );
            out.push(path);
        };
        while *i < s.len() {
            let c = s[*i] as char;
            *i += 1;
            match c {
                '{' => {
                    let mut inner = prefix.to_vec();
                    inner.extend(
                        current
                            .split("::")
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned),
                    );
                    current.clear();
                    parse(s, i, &inner, out);
                }
                '}' => {
                    flush(&mut current, out);
                    return;
                }
                ',' => flush(&mut current, out),
                c => current.push(c),
            }
        }
        flush(&mut current, out);
    }
    let mut out = Vec::new();
    parse(tree.as_bytes(), &mut 0, &[], &mut out);
    out
}

/// Every path a file names from `root` (`crate`, `super` or an outside crate): in `use`
/// statements and inline.
fn paths_from(code: &str, root: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    let start = format!("use {root}::");
    while let Some(i) = rest.find(&start) {
        let after = &rest[i + start.len()..];
        let end = after.find(';').unwrap_or(after.len());
        out.extend(flatten(&after[..end]));
        rest = &after[end..];
    }
    // Inline paths (`crate::a::b(…)`), outside use statements too; duplicates do no harm.
    let inline = format!("{root}::");
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(i) = code[from..].find(&inline) {
        let at = from + i;
        from = at + inline.len();
        let before = at.checked_sub(1).map(|b| bytes[b] as char);
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let path: Vec<String> = code[from..]
            .split("::")
            .map_while(|seg| {
                let ident: String = seg
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                (!ident.is_empty() && ident.len() == seg.len()).then_some(ident)
            })
            .collect();
        let last: String = code[from..]
            .split("::")
            .nth(path.len())
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let mut full = path;
        if !last.is_empty() {
            full.push(last);
        }
        if !full.is_empty() {
            out.push(full);
        }
    }
    out
}

/// What each module re-exports from its child modules (`pub use child::{A, b}`): item path
/// (`link::of`) → the module that defines it (`link::state`).
fn re_exports(modules: &BTreeMap<String, PathBuf>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (module, file) in modules {
        let code = code(file);
        let mut rest = code.as_str();
        while let Some(i) = rest.find("pub use ") {
            let after = &rest[i + "pub use ".len()..];
            let end = after.find(';').unwrap_or(after.len());
            for path in flatten(&after[..end]) {
                let (Some(item), true) = (path.last(), path.len() > 1) else {
                    continue;
                };
                let definer = format!("{module}::{}", path[..path.len() - 1].join("::"));
                if modules.contains_key(&definer) {
                    out.insert(format!("{module}::{item}"), definer);
                }
            }
            rest = &after[end..];
        }
    }
    out
}

/// The module graph: module → the modules it imports (an item re-exported by a parent counts
/// as imported from the module that defines it).
fn graph(root: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules(root);
    let re_exported = re_exports(&modules);
    let resolve = |path: &[String]| {
        (1..=path.len()).rev().find_map(|n| {
            let module = path[..n].join("::");
            if !modules.contains_key(&module) {
                return None;
            }
            match path.get(n) {
                Some(item) => Some(
                    re_exported
                        .get(&format!("{module}::{item}"))
                        .cloned()
                        .unwrap_or(module),
                ),
                None => Some(module),
            }
        })
    };
    let mut edges = BTreeMap::new();
    for (module, file) in &modules {
        let code = code(file);
        let mut targets = BTreeSet::new();
        for path in paths_from(&code, "crate") {
            targets.extend(resolve(&path));
        }
        let is_mod = file.file_name().is_some_and(|f| f == "mod.rs");
        let mut base: Vec<String> = module.split("::").map(str::to_owned).collect();
        if !is_mod {
            base.pop();
        }
        for path in paths_from(&code, "super") {
            let mut full = base.clone();
            full.extend(path);
            targets.extend(resolve(&full));
        }
        // Paths relative to this module: its child modules (`mod x;` … `x::y`) and `self::`.
        let children = code.lines().filter_map(|l| {
            let l = l.trim().trim_start_matches("pub ");
            l.strip_prefix("mod ")?.strip_suffix(';').map(str::to_owned)
        });
        for child in children {
            for path in paths_from(&code, &child) {
                let mut full: Vec<String> = module.split("::").map(str::to_owned).collect();
                full.push(child.clone());
                full.extend(path);
                targets.extend(resolve(&full));
            }
        }
        for path in paths_from(&code, "self") {
            let mut full: Vec<String> = module.split("::").map(str::to_owned).collect();
            full.extend(path);
            targets.extend(resolve(&full));
        }
        targets.remove(module);
        edges.insert(module.clone(), targets);
    }
    edges
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap()
}

#[chargegate_test]
fn the_reader_of_imports_sees_use_trees_inline_paths_and_super() {
    assert_eq!(
        flatten("a::{b, c::{self, d as e}}, f"),
        vec![
            vec!["a", "b"],
            vec!["a", "c"],
            vec!["a", "c", "d"],
            vec!["f"]
        ]
    );
    let code = "use crate::{x::Y, z};\nfn f() { crate::w::v(); my_crate::no(); }\n";
    let paths = paths_from(code, "crate");
    assert!(paths.contains(&vec!["x".into(), "Y".into()]));
    assert!(paths.contains(&vec!["z".into()]));
    assert!(paths.contains(&vec!["w".into(), "v".into()]));
    assert!(!paths.iter().any(|p| p.first().is_some_and(|s| s == "no")));
    // The real graph has the edges this check relies on.
    let edges = graph(&src());
    assert!(edges["link::dispatch"].contains("use_case::transaction"));
    assert!(edges["link::session"].contains("link::dispatch"), "super::");
    assert!(edges["use_case::transaction"].contains("context"));
    assert!(
        edges["link"].contains("link::state"),
        "a child module's path"
    );
}

#[chargegate_test]
fn every_import_follows_the_layering() {
    let edges = graph(&src());
    let rules: HashMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut against = BTreeSet::new();
    for (module, targets) in &edges {
        let from = top(module);
        if from == "app" {
            continue;
        }
        let allowed = rules
            .get(from)
            .unwrap_or_else(|| panic!("src/{from} has no layer in LAYERS"));
        for target in targets {
            let to = top(target);
            if to != from && !allowed.contains(&to) {
                against.insert((
                    from.to_owned(),
                    to.to_owned(),
                    format!("{module} → {target}"),
                ));
            }
        }
    }
    let mut unexplained = Vec::new();
    let mut used = BTreeSet::new();
    for (from, to, edge) in &against {
        match EXCEPTIONS.iter().find(|(f, t, _)| f == from && t == to) {
            Some(exception) => {
                used.insert(exception.0.to_owned() + "→" + exception.1);
            }
            None => unexplained.push(edge.clone()),
        }
    }
    assert!(
        unexplained.is_empty(),
        "imports against the layering (ARCHITECTURE.md, \"Layers\"): {unexplained:#?}"
    );
    assert!(EXCEPTIONS.len() <= 4, "at most four exceptions");
    for (from, to, why) in EXCEPTIONS {
        assert!(
            used.contains(&format!("{from}→{to}")),
            "the exception {from} → {to} ({why}) is no longer needed: remove it"
        );
    }
}

#[chargegate_test]
fn no_import_circle_but_between_graphql_object_types() {
    // Between a folder's `mod.rs` and its files too: what the files share has a file of its own
    // (`store/rows.rs`, `serve/shared.rs`, `api/schema.rs`), `mod.rs` only declares and
    // re-exports, and a re-exported item counts as imported from the file that defines it.
    let edges = graph(&src());
    // Tarjan's strongly connected components.
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: HashMap<&'a str, usize>,
        low: HashMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        circles: Vec<Vec<&'a str>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.edges.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w);
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.circles.push(component);
            }
        }
    }
    let mut state = State {
        edges: &edges,
        index: HashMap::new(),
        low: HashMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        circles: Vec::new(),
    };
    for module in edges.keys() {
        if !state.index.contains_key(module.as_str()) {
            visit(&mut state, module);
        }
    }
    let bad: Vec<_> = state
        .circles
        .iter()
        .filter(|c| !c.iter().all(|m| m.starts_with("api::")))
        .collect();
    assert!(bad.is_empty(), "import circles: {bad:?}");
}

#[chargegate_test]
fn only_the_link_and_the_simulator_read_ocpp_frames() {
    for (module, file) in modules(&src()) {
        let reads_frames = paths_from(&code(&file), "ocpp")
            .iter()
            .any(|p| p.starts_with(&["rpc".to_owned(), "frame".to_owned()]));
        let allowed = matches!(top(&module), "link" | "simulate");
        assert!(
            !reads_frames || allowed,
            "{module} reads OCPP-J frames (ocpp::rpc::frame): only link/ and simulate/ may"
        );
    }
    // The check sees the reader it must allow.
    let session = code(&src().join("link/session.rs"));
    assert!(
        paths_from(&session, "ocpp")
            .iter()
            .any(|p| p.starts_with(&["rpc".to_owned(), "frame".to_owned()]))
    );
}

#[chargegate_test]
fn the_ocpp_crate_depends_on_no_runtime_web_or_database_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("ocpp/Cargo.toml")).unwrap();
    let direct: Vec<String> = manifest
        .split("\n[")
        .find(|section| section.starts_with("dependencies]"))
        .expect("ocpp/Cargo.toml has [dependencies]")
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('=').map(|(name, _)| name.trim().to_owned()))
        .filter(|name| !name.is_empty() && !name.starts_with('#'))
        .collect();
    assert!(direct.contains(&"serde".to_owned()), "{direct:?}");
    // What those crates bring, from Cargo.lock (dev-dependencies are not among them).
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
    let mut deps: HashMap<String, Vec<String>> = HashMap::new();
    for package in lock.split("[[package]]").skip(1) {
        let name = package
            .lines()
            .find_map(|l| l.strip_prefix("name = "))
            .unwrap()
            .trim_matches('"')
            .to_owned();
        let list = package
            .split("dependencies = [")
            .nth(1)
            .map(|d| d.split(']').next().unwrap_or(""))
            .unwrap_or("")
            .split(',')
            .filter_map(|d| {
                let d = d.trim().trim_matches('"');
                d.split(' ')
                    .next()
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned)
            })
            .collect();
        deps.entry(name).or_default().extend::<Vec<String>>(list);
    }
    let mut seen = BTreeSet::new();
    let mut queue = direct.clone();
    while let Some(name) = queue.pop() {
        if seen.insert(name.clone()) {
            queue.extend(deps.get(&name).cloned().unwrap_or_default());
        }
    }
    for forbidden in [
        "tokio",
        "async-std",
        "mio",
        "hyper",
        "axum",
        "reqwest",
        "sea-orm",
        "sqlx",
        "redis",
        "tungstenite",
    ] {
        assert!(
            !seen.contains(forbidden),
            "the ocpp crate brings {forbidden} (through {direct:?})"
        );
    }
    assert!(
        seen.contains("serde_json") && seen.contains("chrono"),
        "{seen:?}"
    );
}
