//! Responses kept on this device: "keep this response and start another", resuming and
//! deleting a kept one. A kept response carries its answers and its option register.

use leptos::prelude::*;

use cp_assessment::state::KeptResponse;

use super::AppState;

impl AppState {
    /// The current response as a kept one.
    fn current(&self) -> KeptResponse {
        KeptResponse::new(
            self.identity.get_untracked(),
            self.answers.get_untracked(),
            self.register.get_untracked(),
        )
    }

    /// "Keep this response and start another": puts the current response first in the
    /// kept list (replacing an older copy of the same response: kept responses are unique
    /// by id) and starts an empty one.
    pub fn keep_and_start_another(&self) {
        let current = self.current();
        self.kept.update(|k| {
            k.retain(|r| r.response_id != current.response_id);
            k.insert(0, current);
        });
        self.start_over();
    }

    /// Resumes kept response `index`; the current one, if it has answers, is kept instead.
    pub fn resume(&self, index: usize) {
        let current = self.current();
        let mut chosen = None;
        self.kept.update(|k| {
            if index < k.len() {
                let resumed = k.remove(index);
                if !current.answers.is_empty() {
                    k.retain(|r| r.response_id != current.response_id);
                    k.insert(0, current);
                }
                chosen = Some(resumed);
            }
        });
        if let Some(r) = chosen {
            self.identity.set(r.identity());
            self.register.set(r.register);
            self.answers.set(r.answers);
            self.last_page.set(None);
        }
    }

    /// Deletes kept response `index` for good.
    pub fn delete_kept(&self, index: usize) {
        self.kept.update(|k| {
            if index < k.len() {
                k.remove(index);
            }
        });
    }
}
