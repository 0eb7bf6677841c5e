//! Rebuilds chargegate when the web console's build (`web/dist`, embedded by `src/web.rs`)
//! changes: new hashed file names are not seen by the compiler otherwise.

fn main() {
    println!("cargo:rerun-if-changed=web/dist");
}
