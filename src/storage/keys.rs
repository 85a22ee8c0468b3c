//! Every localStorage key Tragt uses, in one place. Keys live under a namespace prefix
//! (`tragt` by default) so that two embeds on one site can keep separate scenarios;
//! no other key is ever read or written.

/// Where scenarios are kept: `localStorage` (default), `sessionStorage` (gone when the
/// tab closes), or nowhere (an embed that must not store anything).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Area {
    #[default]
    Local,
    Session,
    Off,
}

impl Area {
    /// From the `storage` URL parameter; anything unknown is the default.
    pub fn from_param(value: Option<&str>) -> Area {
        match value {
            Some("session") => Area::Session,
            Some("off") => Area::Off,
            _ => Area::Local,
        }
    }
}

/// The keys of one namespace, and the storage area they live in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    prefix: String,
    /// The storage area.
    pub area: Area,
}

impl Default for Keys {
    fn default() -> Self {
        Keys { prefix: "tragt".to_string(), area: Area::Local }
    }
}

impl Keys {
    /// Keys under `tragt.<ns>` for a namespace of letters, digits, `-` and `_` (at most
    /// 32); anything else falls back to the default namespace.
    pub fn namespaced(ns: &str) -> Keys {
        let ok =
            !ns.is_empty() && ns.len() <= 32 && ns.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if ok {
            Keys { prefix: format!("tragt.{ns}"), area: Area::Local }
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

    /// The visitor's page preferences ([`super::Prefs`]).
    pub fn prefs(&self) -> String {
        format!("{}.prefs", self.prefix)
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
        assert_eq!(Keys::namespaced(&"x".repeat(33)).store(), "tragt.store");
        assert_eq!(Keys::namespaced("<img src=x>").store(), "tragt.store");
    }

    #[test]
    fn storage_areas_come_from_the_parameter() {
        assert_eq!(Area::from_param(Some("session")), Area::Session);
        assert_eq!(Area::from_param(Some("off")), Area::Off);
        assert_eq!(Area::from_param(Some("local")), Area::Local);
        assert_eq!(Area::from_param(Some("OFF")), Area::Local);
        assert_eq!(Area::from_param(None), Area::Local);
        assert_eq!(Keys::default().backup(7), "tragt.backup.7");
        assert_eq!(Keys::namespaced("agency-1").prefs(), "tragt.agency-1.prefs");
    }
}
