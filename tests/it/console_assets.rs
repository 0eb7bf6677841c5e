//! The web console and GraphiQL served from the binary (`src/web.rs`): the console's HTML with
//! its Content-Security-Policy at `/` and at its client-side routes, hashed assets cached for
//! good, ETags and `304`, gzip when asked, 404 for unknown assets, GraphiQL's page on
//! `GET /graphql` beside the API on `POST /graphql`, and nothing in the embedded files that
//! loads from another origin. Needs `web/dist` (`cd web && npm ci && npm run build`).

use std::io::Read as _;

use reqwest::{StatusCode, header};
use serde_json::{Value, json};

use crate::support::spawn;

fn client() -> reqwest::Client {
    // No automatic decompression (reqwest is built without it): the test sees the bytes sent.
    reqwest::Client::new()
}

fn text(response: &reqwest::header::HeaderMap, name: header::HeaderName) -> String {
    response
        .get(&name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// The embedded file whose name starts with `prefix` and ends with `suffix`.
fn asset(prefix: &str, suffix: &str) -> String {
    chargegate::web::files()
        .into_iter()
        .find(|f| f.starts_with(prefix) && f.ends_with(suffix))
        .unwrap_or_else(|| {
            panic!("no {prefix}*{suffix} in web/dist: run `cd web && npm ci && npm run build`")
        })
}

fn assert_html_page(headers: &reqwest::header::HeaderMap) {
    assert!(
        text(headers, header::CONTENT_TYPE).starts_with("text/html"),
        "{headers:?}"
    );
    let csp = text(headers, header::CONTENT_SECURITY_POLICY);
    for directive in [
        "default-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "{directive} in {csp}");
    }
    assert!(!csp.contains("http"), "no other origin in {csp}");
    assert_eq!(text(headers, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(text(headers, header::REFERRER_POLICY), "no-referrer");
    assert_eq!(text(headers, header::CACHE_CONTROL), "no-cache");
}

#[chargegate_test]
async fn the_console_and_its_routes_are_served_with_a_strict_policy() {
    let app = spawn(|_| {}).await;
    let base = format!("http://{}", app.addr);
    let http = client();
    let index = String::from_utf8(chargegate::web::file("index.html").unwrap()).unwrap();

    let page = http.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_html_page(page.headers());
    let csp = text(page.headers(), header::CONTENT_SECURITY_POLICY);
    assert!(csp.contains("style-src 'self';"), "{csp}");
    assert!(csp.contains("font-src 'self';"), "{csp}");
    assert!(!csp.contains("unsafe"), "{csp}");
    let body = page.text().await.unwrap();
    assert_eq!(body, index);
    assert!(body.contains("<div id=\"app\">"), "{body}");

    // The console's own routes, on the client: index.html.
    for path in [
        "/stations/CP-1",
        "/transactions",
        "/transactions?active=true",
        "/usage/",
    ] {
        let page = http.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        assert_html_page(page.headers());
        assert_eq!(page.text().await.unwrap(), index, "{path}");
    }

    // Unknown assets, API and station paths are not the console.
    for path in [
        "/assets/nope.js",
        "/api/v1/nothing",
        "/ocpp",
        "/uploads/x",
        "/graphql/x",
    ] {
        let r = http.get(format!("{base}{path}")).send().await.unwrap();
        assert_ne!(r.status(), StatusCode::OK, "{path}");
        if path.starts_with("/assets") {
            assert_eq!(r.status(), StatusCode::NOT_FOUND);
        }
        assert!(
            !r.text().await.unwrap().contains("<div id=\"app\">"),
            "{path}"
        );
    }
    let r = http
        .get(format!("{base}/assets/nope.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);

    // The console only reads: other methods are refused.
    let r = http.post(format!("{base}/stations")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);

    // HEAD: the headers, no body.
    let r = http.head(format!("{base}/")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        text(r.headers(), header::CONTENT_LENGTH),
        index.len().to_string()
    );
    assert!(r.bytes().await.unwrap().is_empty());
    app.stop().await;
}

#[chargegate_test]
async fn assets_are_cached_validated_and_gzipped() {
    let app = spawn(|_| {}).await;
    let base = format!("http://{}", app.addr);
    let http = client();

    // A hashed script: its type, cached for a year.
    let script = asset("assets/console-", ".js");
    let bytes = chargegate::web::file(&script).unwrap();
    let r = http.get(format!("{base}/{script}")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        text(r.headers(), header::CONTENT_TYPE).contains("javascript"),
        "{:?}",
        r.headers()
    );
    assert_eq!(
        text(r.headers(), header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(text(r.headers(), header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert!(text(r.headers(), header::CONTENT_ENCODING).is_empty());
    assert_eq!(r.bytes().await.unwrap(), bytes, "not gzipped unless asked");
    let style = asset("assets/console-", ".css");
    let r = http.get(format!("{base}/{style}")).send().await.unwrap();
    assert!(text(r.headers(), header::CONTENT_TYPE).starts_with("text/css"));

    // Gzip when the client accepts it: the same bytes once unzipped.
    let r = http
        .get(format!("{base}/{script}"))
        .header(header::ACCEPT_ENCODING, "br, gzip;q=0.8")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(text(r.headers(), header::CONTENT_ENCODING), "gzip");
    assert!(
        text(r.headers(), header::VARY).contains("Accept-Encoding"),
        "{:?}",
        r.headers()
    );
    let zipped = r.bytes().await.unwrap();
    assert!(zipped.len() < bytes.len());
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&zipped[..])
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, bytes);
    // Refused with q=0: plain.
    let r = http
        .get(format!("{base}/{script}"))
        .header(header::ACCEPT_ENCODING, "gzip;q=0, identity")
        .send()
        .await
        .unwrap();
    assert!(text(r.headers(), header::CONTENT_ENCODING).is_empty());
    assert_eq!(r.bytes().await.unwrap(), bytes);

    // index.html: no-cache with an ETag; the ETag answers 304, a stale one the page.
    for encoding in ["identity", "gzip"] {
        let r = http
            .get(format!("{base}/"))
            .header(header::ACCEPT_ENCODING, encoding)
            .send()
            .await
            .unwrap();
        let etag = text(r.headers(), header::ETAG);
        assert!(etag.starts_with('"') && etag.len() > 10, "{etag}");
        let again = http
            .get(format!("{base}/stations"))
            .header(header::ACCEPT_ENCODING, encoding)
            .header(header::IF_NONE_MATCH, &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{encoding}");
        assert_eq!(text(again.headers(), header::ETAG), etag);
        assert!(again.bytes().await.unwrap().is_empty());
    }
    let stale = http
        .get(format!("{base}/"))
        .header(header::IF_NONE_MATCH, "\"0123456789abcdef\"")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::OK);

    // An unhashed file (the icon): its type, no-cache, an ETag.
    let r = http
        .get(format!("{base}/favicon.svg"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(text(r.headers(), header::CONTENT_TYPE), "image/svg+xml");
    assert_eq!(text(r.headers(), header::CACHE_CONTROL), "no-cache");
    assert!(!text(r.headers(), header::ETAG).is_empty());
    app.stop().await;
}

#[chargegate_test]
async fn graphiql_is_served_beside_the_api() {
    let app = spawn(|_| {}).await;
    let base = format!("http://{}", app.addr);
    let http = client();
    let page = http
        .get(format!("{base}/graphql"))
        .header(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_html_page(page.headers());
    let body = page.text().await.unwrap();
    assert_eq!(
        body,
        String::from_utf8(chargegate::web::file("graphiql.html").unwrap()).unwrap()
    );
    assert!(body.contains("id=\"graphiql\""), "{body}");
    // Its scripts and styles are embedded too.
    let script = asset("assets/graphiql-", ".js");
    assert!(body.contains(&format!("/{script}")), "{body}");
    let r = http.get(format!("{base}/{script}")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    // The API itself is unchanged.
    let r: Value = http
        .post(format!("{base}/graphql"))
        .json(&json!({"query": "{ __typename }"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r, json!({"data": {"__typename": "Query"}}));
    app.stop().await;

    // Turned off: no page; the console still is.
    let quiet = spawn(|s| s.graphiql = false).await;
    let base = format!("http://{}", quiet.addr);
    let r = http.get(format!("{base}/graphql")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = http
        .get(format!("{base}/graphiql.html"))
        .send()
        .await
        .unwrap();
    assert!(!r.text().await.unwrap().contains("id=\"graphiql\""));
    let r = http.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    quiet.stop().await;
}

/// The URLs of another origin in HTML or CSS: `src=`, `href=`, `url(` and `@import` naming
/// `http://`, `https://` or `//host`.
fn foreign_references(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for opener in ["src=", "href=", "url(", "@import"] {
        for (i, _) in text.match_indices(opener) {
            let rest = text[i + opener.len()..]
                .trim_start()
                .trim_start_matches(['"', '\'', '('])
                .trim_start()
                .trim_start_matches("url(")
                .trim_start_matches(['"', '\'']);
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("http://")
                || lower.starts_with("https://")
                || lower.starts_with("//")
            {
                found.push(rest.chars().take(80).collect());
            }
        }
    }
    found
}

#[chargegate_test]
fn nothing_embedded_loads_from_another_origin() {
    let files = chargegate::web::files();
    assert!(
        files.iter().any(|f| f == "index.html") && files.iter().any(|f| f == "graphiql.html"),
        "web/dist is not built: run `cd web && npm ci && npm run build` ({files:?})"
    );
    assert!(!foreign_references("<script src=\"https://unpkg.com/x.js\">").is_empty());
    assert!(!foreign_references("a{background:url( '//cdn.example/x.png')}").is_empty());
    assert!(!foreign_references("@import url(\"http://x/y.css\");").is_empty());
    assert!(foreign_references("<link href=\"/assets/x.css\">").is_empty());
    const CDNS: &[&str] = &[
        "unpkg.com",
        "jsdelivr",
        "cdnjs",
        "fonts.googleapis",
        "fonts.gstatic",
        "esm.sh",
        "skypack",
    ];
    let mut checked = 0;
    for name in &files {
        let bytes = chargegate::web::file(name).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        if name.ends_with(".html") || name.ends_with(".css") {
            let foreign = foreign_references(&text);
            assert!(foreign.is_empty(), "{name} loads from {foreign:?}");
            checked += 1;
        }
        if name.ends_with(".js") || name.ends_with(".html") || name.ends_with(".css") {
            for cdn in CDNS {
                assert!(!text.contains(cdn), "{name} names {cdn}");
            }
        }
    }
    assert!(checked >= 4, "{files:?}");
}

/// The files `app/sw.js` keeps (its `PRECACHE` list).
fn precache_list(sw: &str) -> Vec<String> {
    let start =
        sw.find("const PRECACHE = ").expect("PRECACHE in sw.js") + "const PRECACHE = ".len();
    let end = start + sw[start..].find("];").expect("the end of PRECACHE") + 1;
    serde_json::from_str(&sw[start..end]).expect("PRECACHE is a JSON list")
}

#[chargegate_test]
async fn the_drivers_app_is_served_at_app_with_its_manifest_and_service_worker() {
    let app = spawn(|_| {}).await;
    let base = format!("http://{}", app.addr);
    let http = client();
    let page =
        String::from_utf8(chargegate::web::file("app.html").expect("web/dist/app.html")).unwrap();
    assert!(
        page.contains("<link rel=\"manifest\" href=\"/app/manifest.webmanifest\""),
        "{page}"
    );

    // The app and its client-side routes (the QR link of a charger among them): app.html, with
    // the console's strict policy.
    for path in [
        "/app",
        "/app/",
        "/app/charge/CP-1/1",
        "/app/charge/CP%2F7/2",
        "/app/session/42",
        "/app/history",
        "/app/station/CP.1",
    ] {
        let r = http.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_html_page(r.headers());
        let csp = text(r.headers(), header::CONTENT_SECURITY_POLICY);
        assert!(!csp.contains("unsafe"), "{path}: {csp}");
        assert_eq!(r.text().await.unwrap(), page, "{path}");
    }
    // Not the app: the console's own paths, and paths that only begin with "app".
    for path in ["/", "/application", "/apps/x"] {
        let body = http
            .get(format!("{base}{path}"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_ne!(body, page, "{path}");
    }
    let r = http
        .post(format!("{base}/app/history"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);

    // The manifest: its media type, revalidated, gzipped when asked; installable as a phone app.
    let r = http
        .get(format!("{base}/app/manifest.webmanifest"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        text(r.headers(), header::CONTENT_TYPE),
        "application/manifest+json"
    );
    assert_eq!(text(r.headers(), header::CACHE_CONTROL), "no-cache");
    let etag = text(r.headers(), header::ETAG);
    assert!(!etag.is_empty());
    let manifest: Value = r.json().await.unwrap();
    assert_eq!(manifest["start_url"], "/app/");
    assert_eq!(manifest["scope"], "/app/");
    assert_eq!(manifest["display"], "standalone");
    assert!(manifest["name"].is_string() && manifest["short_name"].is_string());
    assert!(manifest["theme_color"].is_string());
    let icons = manifest["icons"].as_array().expect("icons");
    for size in ["192x192", "512x512"] {
        assert!(
            icons
                .iter()
                .any(|i| i["sizes"] == size && i["type"] == "image/png"),
            "a {size} PNG icon in {manifest}"
        );
    }
    for icon in icons {
        let src = icon["src"].as_str().unwrap();
        let r = http.get(format!("{base}{src}")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{src}");
        assert_eq!(
            text(r.headers(), header::CONTENT_TYPE),
            icon["type"].as_str().unwrap(),
            "{src}"
        );
        let bytes = r.bytes().await.unwrap();
        if src.ends_with(".png") {
            assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{src}");
        }
    }
    let r = http
        .get(format!("{base}/app/manifest.webmanifest"))
        .header(header::ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(text(r.headers(), header::CONTENT_ENCODING), "gzip");
    let r = http
        .get(format!("{base}/app/manifest.webmanifest"))
        .header(header::IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_MODIFIED);

    // The service worker: a script at /app/sw.js (its scope is /app/ without any header),
    // revalidated on every update check, under the same policy.
    let r = http.get(format!("{base}/app/sw.js")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        text(r.headers(), header::CONTENT_TYPE).contains("javascript"),
        "{:?}",
        r.headers()
    );
    assert_eq!(text(r.headers(), header::CACHE_CONTROL), "no-cache");
    assert!(text(r.headers(), header::CONTENT_SECURITY_POLICY).contains("default-src 'self'"));
    assert!(text(r.headers(), "service-worker-allowed".parse().unwrap()).is_empty());
    let etag = text(r.headers(), header::ETAG);
    let sw = r.text().await.unwrap();
    let again = http
        .get(format!("{base}/app/sw.js"))
        .header(header::IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    // It keeps the shell and every script and stylesheet app.html names, each of them served;
    // it never keeps the API.
    let kept = precache_list(&sw);
    assert!(kept.iter().any(|u| u == "/app/"), "{kept:?}");
    for (i, _) in page.match_indices("/assets/") {
        let url: String = page[i..].chars().take_while(|c| *c != '"').collect();
        assert!(kept.contains(&url), "{url} is not kept: {kept:?}");
    }
    for url in &kept {
        assert!(!url.starts_with("/graphql"), "{url}");
        let r = http.get(format!("{base}{url}")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{url}");
    }
    app.stop().await;
}
