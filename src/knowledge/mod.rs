//! Domain knowledge: metric catalogue, entities with fiscal calendars, FX rates.
//! Defaults are embedded from `claims/knowledge/`; `--knowledge DIR` adds to them.

pub mod entities;
pub mod fx;
pub mod metrics;
pub mod tables;

pub use entities::{CalendarSource, Entities, Entity};
pub use fx::{FxTable, Rate};
pub use metrics::Catalogue;

use crate::error::{read_text, Error, Result};
use std::path::{Path, PathBuf};

const METRICS: &str = include_str!("../../claims/knowledge/metrics.yaml");
const ENTITIES: &str = include_str!("../../claims/knowledge/entities.yaml");
const FX: &str = include_str!("../../claims/knowledge/fx.yaml");

/// All the knowledge in force.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    pub metrics: Catalogue,
    pub entities: Entities,
    pub fx: FxTable,
    /// Where it came from ("embedded", or folders).
    pub origins: Vec<String>,
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    crate::error::from_yaml(path, text)
}

impl Knowledge {
    /// The embedded defaults.
    pub fn embedded() -> Knowledge {
        let mut k = Knowledge::default();
        k.add_texts(
            Path::new("claims/knowledge"),
            Some(METRICS),
            Some(ENTITIES),
            Some(FX),
        )
        .expect("embedded knowledge is valid (checked by tests)");
        k.origins.push("embedded claims/knowledge".into());
        k
    }

    /// Adds the knowledge files found in `dir` (metrics.yaml, entities.yaml, fx.yaml).
    pub fn add_dir(&mut self, dir: &Path) -> Result<()> {
        if !dir.is_dir() {
            return Err(Error::Io {
                path: dir.to_path_buf(),
                message: "not a folder of knowledge files".into(),
            });
        }
        let read = |name: &str| -> Result<Option<String>> {
            let p = dir.join(name);
            if p.exists() {
                read_text(&p).map(Some)
            } else {
                Ok(None)
            }
        };
        let (m, e, f) = (
            read("metrics.yaml")?,
            read("entities.yaml")?,
            read("fx.yaml")?,
        );
        self.add_texts(dir, m.as_deref(), e.as_deref(), f.as_deref())?;
        self.origins.push(dir.display().to_string());
        Ok(())
    }

    fn add_texts(
        &mut self,
        dir: &Path,
        metrics: Option<&str>,
        entities: Option<&str>,
        fx: Option<&str>,
    ) -> Result<()> {
        if let Some(t) = metrics {
            let p: PathBuf = dir.join("metrics.yaml");
            let f = parse(&p, t)?;
            self.metrics
                .merge(f)
                .map_err(|m| Error::invalid(&p, 1, m))?;
        }
        if let Some(t) = entities {
            let p = dir.join("entities.yaml");
            let f = parse(&p, t)?;
            self.entities
                .merge(f)
                .map_err(|m| Error::invalid(&p, 1, m))?;
        }
        if let Some(t) = fx {
            let p = dir.join("fx.yaml");
            let f = parse(&p, t)?;
            self.fx.merge(f).map_err(|m| Error::invalid(&p, 1, m))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MetricId;
    use crate::period::{Month, MonthRange};

    #[test]
    fn embedded_knowledge_loads() {
        let k = Knowledge::embedded();
        assert!(k.metrics.measures.contains_key("revenue"));
        assert!(k
            .metrics
            .validate(&MetricId::parse("cloud.revenue").unwrap())
            .is_ok());
        assert!(k
            .metrics
            .validate(&MetricId::parse("cloud.revenu").unwrap())
            .is_err());
        let jun = MonthRange::new(Month::new(2025, 6), Month::new(2025, 6));
        let r = k.fx.rate("USD", "CNY", jun).unwrap();
        assert!((7.0..7.4).contains(&r.value), "{r:?}");
        let r = k.fx.rate("CNY", "USD", jun).unwrap();
        assert!((0.13..0.15).contains(&r.value));
        assert!(k.fx.rate("USD", "XXX", jun).is_none());
    }
}
