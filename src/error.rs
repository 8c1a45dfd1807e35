//! Errors, each naming the file (and line, when there is one).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum Error {
    #[error("{}: cannot read: {message}", path.display())]
    Io { path: PathBuf, message: String },
    #[error("{}:{line}: not UTF-8 text (byte {offset} is not valid UTF-8); claimcheck reads UTF-8 only: convert the file (a Latin-1 or Windows-1252 file: iconv -f WINDOWS-1252 -t UTF-8)", path.display())]
    Utf8 {
        path: PathBuf,
        line: usize,
        offset: usize,
    },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Yaml {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Error::Io { path, .. }
            | Error::Utf8 { path, .. }
            | Error::Yaml { path, .. }
            | Error::Invalid { path, .. } => Some(path),
            Error::Usage(_) => None,
        }
    }

    pub fn line(&self) -> Option<usize> {
        match self {
            Error::Utf8 { line, .. } | Error::Yaml { line, .. } | Error::Invalid { line, .. } => {
                Some(*line)
            }
            _ => None,
        }
    }

    /// A YAML error from serde_yaml, located in `path`. A bracket that is
    /// never closed is located where it opens, not where the parser gave up.
    pub fn yaml(path: &std::path::Path, e: &serde_yaml::Error) -> Error {
        let (mut line, mut column) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        let full = e.to_string();
        // serde_yaml appends " at line X column Y"; the location is already in front.
        let mut message = match full.find(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full.clone(),
        };
        // serde names Rust types ("expected struct ClaimFile"); say what is expected instead
        while let Some(i) = message.find("struct ") {
            let rest = &message[i + 7..];
            let end = rest
                .find(|c: char| !c.is_alphanumeric() && c != '_')
                .unwrap_or(rest.len());
            message = format!("{}a mapping of keys{}", &message[..i], &rest[end..]);
        }
        for (context, open) in [
            ("while parsing a flow mapping at line ", '{'),
            ("while parsing a flow sequence at line ", '['),
        ] {
            let Some(i) = full.find(context) else {
                continue;
            };
            let mark = &full[i + context.len()..];
            let mut nums = mark
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .filter_map(|n| n.parse::<usize>().ok());
            if let (Some(l), Some(c)) = (nums.next(), nums.next()) {
                message = format!(
                    "'{open}' is never closed ({message} by line {line})",
                    open = open
                );
                (line, column) = (l, c);
            }
            break;
        }
        Error::Yaml {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    }

    pub fn invalid(path: &std::path::Path, line: usize, message: impl Into<String>) -> Error {
        Error::Invalid {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Parses YAML text into `T`: the syntax is checked on the whole text first,
/// so a syntax error is reported where it is, not as a type error met earlier
/// on the way.
pub fn from_yaml<T: serde::de::DeserializeOwned>(path: &std::path::Path, text: &str) -> Result<T> {
    if let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(text) {
        return Err(Error::yaml(path, &e));
    }
    serde_yaml::from_str(text).map_err(|e| Error::yaml(path, &e))
}

/// Reads a file as UTF-8 text: invalid bytes are an error naming the line.
/// A byte-order mark is dropped.
/// Only regular files are read: a FIFO or a device would block or never end.
/// Text with NUL bytes is binary, even when it happens to be valid UTF-8.
pub fn read_text(path: &std::path::Path) -> Result<String> {
    let io = |message: String| Error::Io {
        path: path.to_path_buf(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| io(e.to_string()))?;
    if !meta.is_file() {
        return Err(io("not a regular file".into()));
    }
    let bytes = std::fs::read(path).map_err(|e| io(e.to_string()))?;
    let text = decode_text(path, bytes)?;
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() + 1;
        return Err(Error::invalid(
            path,
            line,
            format!("NUL byte at byte {at}; binary files are not articles"),
        ));
    }
    Ok(text)
}

pub fn decode_text(path: &std::path::Path, bytes: Vec<u8>) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            Ok(s)
        }
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..offset]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            Err(Error::Utf8 {
                path: path.to_path_buf(),
                line,
                offset,
            })
        }
    }
}
