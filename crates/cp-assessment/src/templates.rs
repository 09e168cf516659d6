//! A content file of texts by key with `{{ name }}` placeholders, checked for the keys its
//! reader needs: the words of a results section, kept out of the UI strings so that they
//! add nothing to the first load (`content/<lang>/figures.json`, `glance.json`).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::bank::ContentError;
use crate::content::parse;

/// The texts of one such file, in one language.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Templates {
    /// Every text by key; a value is a template, or an object of names (e.g. units).
    #[serde(rename = "text")]
    texts: BTreeMap<String, serde_json::Value>,
}

impl Templates {
    /// Parses `json` (named `file` in errors) and checks it has every one of `keys`.
    ///
    /// # Errors
    /// A [`ContentError`] if the file is malformed or lacks a key (caught by the tests).
    pub fn parse(file: &str, json: &str, keys: &[&str]) -> Result<Templates, ContentError> {
        let t: Templates = parse(file, json)?;
        match keys.iter().find(|k| !t.texts.contains_key(**k)) {
            Some(key) => Err(ContentError::Inconsistent(format!("{file}: no {key}"))),
            None => Ok(t),
        }
    }

    /// The text under `key`, its placeholders filled from `values`; empty for a key the
    /// file lacks (ruled out by [`Templates::parse`]).
    pub fn get(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self
            .texts
            .get(key)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{{ {name} }}}}"), value);
        }
        text
    }

    /// The name `id` has in the object under `key`; `None` if there is none.
    pub fn name_in(&self, key: &str, id: &str) -> Option<&str> {
        self.texts.get(key)?.get(id)?.as_str()
    }
}
