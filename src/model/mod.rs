//! The data model shared by every stage: figures, claims, articles.

pub mod article;
pub mod claim;
pub mod figure;
pub mod number;

pub use article::{Article, ArticleMeta, MarkerUse, Note, SourceEntry};
pub use claim::{
    claims_by_article, Basis, Claim, Hedge, Kind, MetricId, Multiple, Sourcing, Span, TableCell,
};
pub use figure::{Figure, Interval, Qualifier, Scale, Unit, Value};
pub use number::Decimal;
