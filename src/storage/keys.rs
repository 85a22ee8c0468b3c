//! Every localStorage key Tragt uses, in one place. Keys live under a namespace prefix
//! (`tragt` by default) so that two embeds on one site can keep separate scenarios;
//! no other key is ever read or written.

/// The keys of one namespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    prefix: String,
}

impl Default for Keys {
    fn default() -> Self {
        Keys { prefix: "tragt".to_string() }
    }
}

impl Keys {
    /// Keys under `tragt.<ns>` for a namespace of letters, digits, `-` and `_` (at most
    /// 32); anything else falls back to the default namespace.
    pub fn namespaced(ns: &str) -> Keys {
        let ok =
            !ns.is_empty() && ns.len() <= 32 && ns.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if ok {
            Keys { prefix: format!("tragt.{ns}") }
        } else {
            Keys::default()
        }
    }

    /// The saved scenarios.
    pub fn store(&self) -> String {
        format!("{}.store", self.prefix)
    }

    /// The chosen UI language.
    pub fn lang(&self) -> String {
        format!("{}.lang", self.prefix)
    }

    /// Where unreadable saved bytes are moved aside (`stamp` keeps several apart).
    pub fn backup(&self, stamp: u64) -> String {
        format!("{}.backup.{stamp}", self.prefix)
    }

    /// A throwaway key used to find out whether storage accepts writes.
    pub fn probe(&self) -> String {
        format!("{}.probe", self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_are_validated() {
        assert_eq!(Keys::default().store(), "tragt.store");
        assert_eq!(Keys::namespaced("agency-1").store(), "tragt.agency-1.store");
        assert_eq!(Keys::namespaced("a.b").store(), "tragt.store");
        assert_eq!(Keys::namespaced("").lang(), "tragt.lang");
        assert_eq!(Keys::default().backup(7), "tragt.backup.7");
    }
}
