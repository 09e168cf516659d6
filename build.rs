//! Generates the `i18n` module (UI strings of locales/en.json and locales/zh-CN.json) with
//! leptos_i18n_build, so translation keys are checked at compile time.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?;
    let i18n_dir = PathBuf::from(out).join("i18n");
    // interpolate_display: `t_string!` with values, for titles and attributes.
    let config = Config::new("en")?
        .add_locale("zh-CN")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let translations = TranslationsInfos::parse(config)?;
    translations.rerun_if_locales_changed();
    translations.emit_diagnostics();
    translations.generate_i18n_module(i18n_dir)?;
    Ok(())
}
