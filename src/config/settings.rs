//! [`Config`]: the settings of `config.toml`, each with its default. Plain data checked as it is
//! read (ranges, names, date patterns); `launch` hands each value to what it controls.

use serde::{Deserialize, Deserializer, Serialize, de::Error as _};

/// The whole file. A missing key takes its default; an unknown key is an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub concurrency: Concurrency,
    pub conflict: Conflict,
    pub show_hidden: bool,
    pub sort: SortBy,
    pub sort_reverse: bool,
    pub date_format: DateFormat,
    pub size_units: SizeUnits,
    pub api_tier: ApiTier,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub editor: Option<String>,
    pub theme: String,
    pub mouse: bool,
    pub preview: bool,
    pub log_level: LogLevel,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            concurrency: Concurrency(3),
            conflict: Conflict::Ask,
            show_hidden: false,
            sort: SortBy::Name,
            sort_reverse: false,
            date_format: DateFormat(DateFormat::DEFAULT.to_owned()),
            size_units: SizeUnits::Binary,
            api_tier: ApiTier::Auto,
            editor: None,
            theme: "default".to_owned(),
            mouse: false,
            preview: false,
            log_level: LogLevel::Info,
        }
    }
}

/// Transfer jobs running at once, 1 to [`Concurrency::MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Concurrency(pub usize);

impl Concurrency {
    pub const MAX: usize = 16;
}

impl<'de> Deserialize<'de> for Concurrency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(d)?;
        match usize::try_from(n) {
            Ok(n @ 1..=Self::MAX) => Ok(Self(n)),
            _ => Err(D::Error::custom(format!(
                "{n} is out of range: 1 to {} jobs at once",
                Self::MAX
            ))),
        }
    }
}

/// What a transfer does when a name is taken at the destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Conflict {
    Ask,
    Skip,
    Overwrite,
    KeepBoth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortBy {
    Name,
    Size,
    Mtime,
    Extension,
}

/// A `strftime` pattern (chrono's), checked when read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateFormat(pub String);

impl DateFormat {
    pub const DEFAULT: &str = "%Y-%m-%d %H:%M";
}

impl<'de> Deserialize<'de> for DateFormat {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use chrono::format::{Item, StrftimeItems};
        let text = String::deserialize(d)?;
        if text.is_empty() || StrftimeItems::new(&text).any(|i| matches!(i, Item::Error)) {
            return Err(D::Error::custom(format!(
                "{text:?} is not a date pattern (strftime, e.g. \"%Y-%m-%d %H:%M\")"
            )));
        }
        Ok(Self(text))
    }
}

pub use crate::fmt::SizeUnits;

/// Which column of the QPS table paces requests: the account's own (`auto`), or a fixed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApiTier {
    Auto,
    Free,
    Vip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogLevel {
    Off,
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

impl LogLevel {
    /// The `tracing` filter for panfm's log at this level.
    pub fn filter(self) -> &'static str {
        match self {
            LogLevel::Off => "off",
            LogLevel::Error => "error",
            LogLevel::Warn => "warn",
            LogLevel::Info => "info",
            LogLevel::Debug => "debug",
            LogLevel::Trace => "trace",
        }
    }
}

/// How the view prints sizes and dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formats {
    pub units: SizeUnits,
    pub date: String,
}

impl Default for Formats {
    fn default() -> Self {
        Self {
            units: SizeUnits::Binary,
            date: DateFormat::DEFAULT.to_owned(),
        }
    }
}
