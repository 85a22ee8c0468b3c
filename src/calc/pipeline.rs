//! The pipeline forecast (MODELS.md §3.5): from a snapshot K_i of the people in each stage
//! right now, the customers to expect from them, Σ K_i · P_i, and the revenue, × AOV; per
//! stage the weighted pipeline value K_i · P_i · AOV.

use super::forecast::Forecast;

/// One stage of the pipeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PipelineStage {
    /// People in the stage now, K_i (0 when not entered).
    pub now: f64,
    /// Customers expected from them, K_i · P_i.
    pub customers: f64,
    /// Weighted pipeline value, K_i · P_i · AOV.
    pub value: f64,
}

/// The pipeline forecast of a snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct Pipeline {
    /// Per stage up to and including the purchase stage (people past the purchase are
    /// customers already, not pipeline).
    pub stages: Vec<PipelineStage>,
    /// Expected customers, Σ K_i · P_i.
    pub customers: f64,
    /// Expected first-purchase revenue, Σ K_i · P_i · AOV.
    pub revenue: f64,
}

/// The pipeline forecast for the people `now` in each stage (`None` counts as 0) of a
/// scenario with forecast `f`, purchase stage `purchase` (0-based) and order value `aov`.
///
/// # Examples
/// ```
/// use tragt::calc::{forecast, Economics, Funnel, Rate};
/// use tragt::calc::pipeline::pipeline;
/// // P = 0.05, 0.5, 1 (10 % then 50 %)
/// let f = Funnel::new(1000.0, vec![Rate::new(0.1).unwrap(), Rate::new(0.5).unwrap()], 1, 2);
/// let out = forecast(&f, &Economics { aov: 100.0, ..Economics::default() });
/// // 400 visitors · 0.05 + 30 leads · 0.5 + 2 buying · 1 = 20 + 15 + 2 = 37 customers
/// let p = pipeline(&out, &[Some(400.0), Some(30.0), Some(2.0)], 2, 100.0);
/// assert_eq!(p.customers, 37.0);
/// assert_eq!(p.revenue, 3700.0); // 37 · 100
/// assert_eq!(p.stages[1].value, 1500.0); // 30 · 0.5 · 100
/// ```
pub fn pipeline(f: &Forecast, now: &[Option<f64>], purchase: usize, aov: f64) -> Pipeline {
    let stages: Vec<PipelineStage> = f
        .stages
        .iter()
        .take(purchase.saturating_add(1))
        .enumerate()
        .map(|(i, s)| {
            let now = now.get(i).copied().flatten().filter(|k| k.is_finite() && *k > 0.0).unwrap_or(0.0);
            let customers = now * s.probability;
            PipelineStage { now, customers, value: customers * aov }
        })
        .collect();
    let customers = stages.iter().map(|s| s.customers).sum();
    let revenue = stages.iter().map(|s| s.value).sum();
    Pipeline { stages, customers, revenue }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{forecast, Economics, Funnel, Rate};

    #[test]
    fn the_worked_b2b_snapshot() {
        // worked example 2 (B2B SaaS): P = 0.0004455, 0.01485, 0.0495, 0.11, 0.22, 1
        let rates = [0.03, 0.3, 0.45, 0.5, 0.22].map(|r| Rate::new(r).unwrap()).to_vec();
        let f = forecast(&Funnel::new(20_000.0, rates, 1, 5), &Economics { aov: 12_000.0, ..Economics::default() });
        // 10 000 · 0.0004455 + 200 · 0.01485 + 0 + 40 · 0.11 + 10 · 0.22 + 1 · 1
        //   = 4.455 + 2.97 + 0 + 4.4 + 2.2 + 1 = 15.025 customers, · 12 000 = 180 300
        let now = [Some(10_000.0), Some(200.0), None, Some(40.0), Some(10.0), Some(1.0)];
        let p = pipeline(&f, &now, 5, 12_000.0);
        assert!((p.customers - 15.025).abs() < 1e-9, "{}", p.customers);
        assert!((p.revenue - 180_300.0).abs() < 1e-6, "{}", p.revenue);
        assert_eq!(p.stages[2], PipelineStage { now: 0.0, customers: 0.0, value: 0.0 });
        assert!((p.stages[3].value - 52_800.0).abs() < 1e-6); // 40 · 0.11 · 12 000
    }

    #[test]
    fn stages_past_the_purchase_and_bad_counts_are_not_pipeline() {
        // purchase at stage 2 of 3: the third stage's 500 are customers already
        let rates = vec![Rate::new(0.5).unwrap(), Rate::new(0.5).unwrap()];
        let f = forecast(&Funnel::new(100.0, rates, 0, 1), &Economics::default());
        let p = pipeline(&f, &[Some(f64::NAN), Some(-4.0), Some(500.0)], 1, 10.0);
        assert_eq!(p.stages.len(), 2);
        assert_eq!((p.customers, p.revenue), (0.0, 0.0));
    }

    #[test]
    fn a_purchase_index_past_every_stage_means_every_stage() {
        // the shrunk case: an empty funnel, no snapshot, purchase usize::MAX (+ 1 overflowed)
        let empty = forecast(&Funnel::new(0.0, vec![Rate::new(0.0).unwrap()], 0, 0), &Economics::default());
        let p = pipeline(&empty, &[], usize::MAX, 500.0);
        assert_eq!((p.stages.len(), p.customers, p.revenue), (2, 0.0, 0.0));
        // all 2 stages are pipeline: 10 · 0.5 + 1 · 1 = 6 customers, · 2 = 12
        let rates = vec![Rate::new(0.5).unwrap()];
        let f = forecast(&Funnel::new(100.0, rates, 0, 1), &Economics::default());
        let p = pipeline(&f, &[Some(10.0), Some(1.0)], usize::MAX, 2.0);
        assert_eq!(p.stages.len(), 2);
        assert_eq!((p.customers, p.revenue), (6.0, 12.0));
    }
}
