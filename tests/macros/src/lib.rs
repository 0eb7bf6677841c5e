//! `#[chargegate_test]`: registers a function of the integration tests (tests/it) with their
//! own harness (tests/it/harness.rs), saying what the test needs to run.
//!
//! ```text
//! #[chargegate_test]                                    // runs everywhere
//! #[chargegate_test(needs = postgres)]                  // skipped (with the reason) without it
//! #[chargegate_test(needs = [postgres, redis])]
//! #[chargegate_test(needs = browser)]                   // Chromium, node, web/node_modules
//! #[chargegate_test(flavor = "multi_thread", worker_threads = 4)]
//! ```
//!
//! An `async fn` runs on a Tokio runtime of its own, built as `#[tokio::test]` builds it
//! (current thread by default, `flavor`/`worker_threads` as there); a plain `fn` runs as is.
//! The function itself is left unchanged; next to it the attribute submits a
//! `crate::harness::Test` (name = module path + function name, as libtest names tests) to
//! `inventory`, which the harness collects at start.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{format_ident, quote};
use syn::{
    Expr, ExprArray, ExprLit, ExprPath, ItemFn, Lit, MetaNameValue, Token, parse::Parser,
    punctuated::Punctuated, spanned::Spanned,
};

/// The needs a test may declare, as written in the attribute and as `crate::harness::Need`.
const NEEDS: [(&str, &str); 3] = [
    ("postgres", "Postgres"),
    ("redis", "Redis"),
    ("browser", "Browser"),
];

#[proc_macro_attribute]
pub fn chargegate_test(args: TokenStream, item: TokenStream) -> TokenStream {
    match expand(args.into(), item.into()) {
        Ok(tokens) => tokens.into(),
        Err(error) => error.to_compile_error().into(),
    }
}

fn expand(args: TokenStream2, item: TokenStream2) -> syn::Result<TokenStream2> {
    let function: ItemFn = syn::parse2(item)?;
    let args = Punctuated::<MetaNameValue, Token![,]>::parse_terminated.parse2(args)?;

    let mut needs = Vec::new();
    let mut multi_thread = false;
    let mut worker_threads: Option<Expr> = None;
    for arg in &args {
        let key = arg
            .path
            .get_ident()
            .map(|i| i.to_string())
            .unwrap_or_default();
        match key.as_str() {
            "needs" => match &arg.value {
                Expr::Array(ExprArray { elems, .. }) => {
                    for elem in elems {
                        needs.push(need(elem)?);
                    }
                }
                other => needs.push(need(other)?),
            },
            "flavor" => match &arg.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(s), ..
                }) if s.value() == "multi_thread" => multi_thread = true,
                Expr::Lit(ExprLit {
                    lit: Lit::Str(s), ..
                }) if s.value() == "current_thread" => multi_thread = false,
                other => {
                    return Err(syn::Error::new(
                        other.span(),
                        r#"flavor is "current_thread" or "multi_thread""#,
                    ));
                }
            },
            "worker_threads" => worker_threads = Some(arg.value.clone()),
            _ => {
                return Err(syn::Error::new(
                    arg.path.span(),
                    "expected `needs = ...`, `flavor = \"...\"` or `worker_threads = N`",
                ));
            }
        }
    }
    if worker_threads.is_some() && !multi_thread {
        return Err(syn::Error::new(
            Span::call_site(),
            r#"worker_threads needs flavor = "multi_thread""#,
        ));
    }
    if !function.sig.inputs.is_empty() || !matches!(function.sig.output, syn::ReturnType::Default) {
        return Err(syn::Error::new(
            function.sig.span(),
            "a #[chargegate_test] takes no arguments and returns ()",
        ));
    }

    let ident = &function.sig.ident;
    let name = ident.to_string();
    let body = if function.sig.asyncness.is_some() {
        let runtime = if multi_thread {
            let threads = match &worker_threads {
                Some(n) => quote!(::core::option::Option::Some(#n)),
                None => quote!(::core::option::Option::None),
            };
            quote!(crate::harness::Runtime::MultiThread { worker_threads: #threads })
        } else {
            quote!(crate::harness::Runtime::CurrentThread)
        };
        quote! {
            crate::harness::Body::Async {
                runtime: #runtime,
                test: {
                    fn start() -> crate::harness::TestFuture {
                        ::std::boxed::Box::pin(#ident())
                    }
                    start
                },
            }
        }
    } else {
        if multi_thread {
            return Err(syn::Error::new(
                function.sig.span(),
                "flavor is for an async fn",
            ));
        }
        quote!(crate::harness::Body::Sync(#ident))
    };
    let needs = needs.iter().map(|n| format_ident!("{n}"));
    Ok(quote! {
        #function

        ::inventory::submit! {
            crate::harness::Test {
                module: ::core::module_path!(),
                name: #name,
                needs: &[#(crate::harness::Need::#needs),*],
                body: #body,
            }
        }
    })
}

/// `postgres` → `Postgres`, or an error naming the needs there are.
fn need(expr: &Expr) -> syn::Result<&'static str> {
    if let Expr::Path(ExprPath { path, .. }) = expr
        && let Some(ident) = path.get_ident()
        && let Some((_, variant)) = NEEDS.iter().find(|(name, _)| ident == name)
    {
        return Ok(variant);
    }
    let known: Vec<&str> = NEEDS.iter().map(|(name, _)| *name).collect();
    Err(syn::Error::new(
        expr.span(),
        format!("a need is one of: {}", known.join(", ")),
    ))
}
