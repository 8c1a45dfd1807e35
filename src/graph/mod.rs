//! The claim graph: claims keyed by entity + metric + normalized period, on petgraph.
//!
//! Nodes are claims, period groups (entity, metric, kind, basis, period) and
//! series (the same without the period). Edges: claim -> group -> series.
//! Rules never compare all pairs of claims: they walk groups and series.

pub mod periods;

use crate::model::{Basis, Claim, Kind, MetricId};
use crate::period::PeriodKey;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;

/// A metric's figures about one entity, over time.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesKey {
    pub entity: String,
    pub metric: MetricId,
    pub kind: Kind,
    pub basis: Option<Basis>,
    pub of: Option<String>,
    pub outlook: bool,
}

impl SeriesKey {
    pub fn of_claim(c: &Claim) -> Option<SeriesKey> {
        Some(SeriesKey {
            entity: c.entity.clone(),
            metric: c.metric.clone()?,
            kind: c.kind,
            // a streak's count does not depend on how growth is measured
            basis: if c.kind == Kind::Streak {
                None
            } else {
                c.basis
            },
            of: c.of.clone(),
            outlook: c.outlook,
        })
    }

    /// "Acme cloud revenue growth (year over year)"
    pub fn describe(&self) -> String {
        let kind = match self.kind {
            Kind::Level | Kind::Count => String::new(),
            Kind::Growth => match self.basis {
                Some(b) if b != Basis::Other => format!(" growth ({})", b.phrase()),
                _ => " growth".to_string(),
            },
            Kind::Share => match &self.of {
                Some(of) => format!(" as a share of {} revenue", of.replace('-', " ")),
                // "market share" is a share already
                None if self.metric.phrase().contains("share") => String::new(),
                None => " share".to_string(),
            },
            Kind::Margin => String::new(),
            Kind::Streak => " streak".to_string(),
        };
        let outlook = if self.outlook { " (outlook)" } else { "" };
        format!("{} {}{kind}{outlook}", self.entity, self.metric.phrase())
    }
}

/// A series at one normalized period: the unit the contradiction rule checks.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupKey {
    pub series: SeriesKey,
    pub period: PeriodKey,
}

#[derive(Clone, Debug)]
pub enum Node {
    Claim(usize),
    Group(GroupKey),
    Series(SeriesKey),
}

#[derive(Debug, Default)]
pub struct ClaimGraph {
    pub graph: DiGraph<Node, ()>,
    groups: BTreeMap<GroupKey, NodeIndex>,
    series: BTreeMap<SeriesKey, NodeIndex>,
}

impl ClaimGraph {
    /// Builds the graph from claims whose periods are resolved. Claims with no metric stay out.
    pub fn build(claims: &[Claim]) -> ClaimGraph {
        let mut g = ClaimGraph::default();
        for (i, c) in claims.iter().enumerate() {
            let Some(series) = SeriesKey::of_claim(c) else {
                continue;
            };
            let key = GroupKey {
                series: series.clone(),
                period: c.period.key(),
            };
            let s = match g.series.get(&series) {
                Some(n) => *n,
                None => {
                    let n = g.graph.add_node(Node::Series(series.clone()));
                    g.series.insert(series, n);
                    n
                }
            };
            let k = match g.groups.get(&key) {
                Some(n) => *n,
                None => {
                    let n = g.graph.add_node(Node::Group(key.clone()));
                    g.graph.add_edge(n, s, ());
                    g.groups.insert(key, n);
                    n
                }
            };
            let cn = g.graph.add_node(Node::Claim(i));
            g.graph.add_edge(cn, k, ());
        }
        g
    }

    fn claims_of(&self, group: NodeIndex) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .graph
            .neighbors_directed(group, petgraph::Direction::Incoming)
            .filter_map(|n| match self.graph[n] {
                Node::Claim(i) => Some(i),
                _ => None,
            })
            .collect();
        v.sort_unstable();
        v
    }

    /// Every period group with its claims (sorted), in key order.
    pub fn groups(&self) -> impl Iterator<Item = (&GroupKey, Vec<usize>)> + '_ {
        self.groups.iter().map(|(k, n)| (k, self.claims_of(*n)))
    }

    pub fn group(&self, key: &GroupKey) -> Vec<usize> {
        self.groups
            .get(key)
            .map(|n| self.claims_of(*n))
            .unwrap_or_default()
    }

    /// Every series with its period groups (in period order) and their claims.
    pub fn series(&self) -> impl Iterator<Item = (&SeriesKey, Vec<(PeriodKey, Vec<usize>)>)> + '_ {
        self.series.iter().map(|(k, n)| {
            let mut groups: Vec<(PeriodKey, Vec<usize>)> = self
                .graph
                .neighbors_directed(*n, petgraph::Direction::Incoming)
                .filter_map(|g| match &self.graph[g] {
                    Node::Group(gk) => Some((gk.period.clone(), self.claims_of(g))),
                    _ => None,
                })
                .collect();
            groups.sort_by(|a, b| a.0.cmp(&b.0));
            (k, groups)
        })
    }

    pub fn group_count(&self) -> usize {
        self.groups.len()
    }

    /// Claims that share a group with at least one other claim (they were compared).
    pub fn compared(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .groups
            .values()
            .map(|n| self.claims_of(*n))
            .filter(|c| c.len() > 1)
            .flatten()
            .collect();
        v.sort_unstable();
        v
    }
}
